package io.github.skillmessaging.examples.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.skillmessaging.Message;
import io.github.skillmessaging.SkillMessaging;
import io.github.skillmessaging.error.NotFoundException;
import io.github.skillmessaging.error.SkillMessagingException;
import io.github.skillmessaging.lists.ListManagementClient;
import io.github.skillmessaging.request.MessageReceivedRequest;
import io.github.skillmessaging.request.Request;
import io.github.skillmessaging.request.RequestConverter;
import io.github.skillmessaging.request.SkillAccountLinkedRequest;
import io.github.skillmessaging.request.SkillDisabledRequest;
import io.github.skillmessaging.request.SkillEnabledRequest;
import io.github.skillmessaging.request.SkillPermissionAcceptedRequest;
import io.github.skillmessaging.request.SkillPermissionChangedRequest;
import io.github.skillmessaging.request.SkillRequest;
import io.github.skillmessaging.response.SkillResponse;
import io.github.skillmessaging.verify.RequestVerifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The skill's back end: the skill endpoint Alexa calls ({@code /alexa}) and the provider's webhook
 * ({@code /webhook}), on one JDK HTTP server, plus the outbox worker that sends skill messages.
 *
 * <ul>
 *   <li>{@code /alexa}: every request is verified ({@link RequestVerifier}: 400 if it fails) and
 *       parsed. Skill events record the user, their endpoint, the linked provider account and the
 *       list permission. A {@code Messaging.MessageReceived} or any list event reconciles the user's
 *       lists with the request's own {@code apiEndpoint} and {@code apiAccessToken}, under the user's
 *       row lock, recording the request id in the same transaction. A failure answers 500: Alexa
 *       delivers the request again, and the reconcile is repeatable.</li>
 *   <li>{@code /webhook}: a provider change the sync did not make itself queues one skill message for
 *       the linked user in the outbox (in the database, so a crash loses nothing) and is acknowledged.</li>
 *   <li>The outbox worker claims due rows with a conditional update (safe with several instances),
 *       sends, and retries with backoff; a user who disabled the skill (404) fails the row for good.</li>
 * </ul>
 */
public final class SyncService implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] ACK = SkillResponse.empty().toBytes();

    private final SyncStore store;
    private final Reconciler reconciler;
    private final RequestVerifier verifier;
    private final SkillMessaging messaging;
    private final Trace trace;
    private final Clock clock;
    private final HttpServer server;
    private final ExecutorService executor;
    private final ScheduledExecutorService worker;
    private final AtomicInteger failNextAlexaRequests = new AtomicInteger();

    /**
     * @param store the sync state
     * @param provider the provider's API
     * @param verifier checks Alexa's requests (allow-list your skill id)
     * @param messaging sends skill messages with the skill's credentials
     * @param trace where to report what happens
     */
    public SyncService(SyncStore store, ProviderClient provider, RequestVerifier verifier, SkillMessaging messaging,
            Trace trace) {
        this(store, provider, verifier, messaging, trace, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    /** The same, listening on {@code bind} (e.g. all interfaces behind an HTTPS proxy, for the real Alexa). */
    public SyncService(SyncStore store, ProviderClient provider, RequestVerifier verifier, SkillMessaging messaging,
            Trace trace, InetSocketAddress bind) {
        this.store = store;
        this.reconciler = new Reconciler(store, provider, trace);
        this.verifier = verifier;
        this.messaging = messaging;
        this.trace = trace;
        this.clock = Clock.systemUTC();
        try {
            this.server = HttpServer.create(bind, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.executor = Executors.newFixedThreadPool(8, daemon("sync-http"));
        this.worker = Executors.newSingleThreadScheduledExecutor(daemon("sync-outbox"));
        server.createContext("/alexa", this::alexa);
        server.createContext("/webhook", this::webhook);
        server.setExecutor(executor);
        server.start();
        worker.scheduleWithFixedDelay(this::drainOutbox, 20, 20, TimeUnit.MILLISECONDS);
    }

    /** The skill endpoint to register with Alexa. */
    public URI skillEndpoint() {
        return URI.create(base() + "/alexa");
    }

    /** The URL to give the provider as its webhook. */
    public URI webhookUrl() {
        return URI.create(base() + "/webhook");
    }

    /** The next {@code count} requests from Alexa are answered 500 before any work (fault injection). */
    public void failNextAlexaRequests(int count) {
        failNextAlexaRequests.set(count);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        worker.shutdownNow();
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- the skill endpoint ----

    private void alexa(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (failNextAlexaRequests.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                respond(exchange, 500, new byte[0]);
                return;
            }
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(exchange.getRequestHeaders());
            SkillRequest request;
            try {
                verifier.verify(body, headers);
                request = RequestConverter.parse(body);
            } catch (SkillMessagingException e) {
                trace.line("[skill] refused a request: " + e.getMessage());
                respond(exchange, 400, new byte[0]);
                return;
            }
            try {
                handle(request);
                respond(exchange, 200, ACK);
            } catch (RuntimeException e) {
                trace.line("[skill] " + request.request().type() + " failed (" + e.getMessage()
                        + "): answering 500, Alexa will deliver it again");
                respond(exchange, 500, new byte[0]);
            }
        }
    }

    private void handle(SkillRequest skillRequest) {
        Request request = skillRequest.request();
        String userId = skillRequest.userId();
        String endpoint = skillRequest.system().apiEndpoint().orElse("");
        store.inTransaction(c -> {
            if (store.isProcessed(c, request.requestId())) {
                trace.line("[skill] " + request.type() + " " + shortId(request.requestId())
                        + " was handled before: acknowledged, nothing done");
                return null;
            }
            if (request instanceof SkillEnabledRequest) {
                store.upsertUser(c, userId, endpoint);
                trace.line("[skill] SkillEnabled: user stored with endpoint " + endpoint);
            } else if (request instanceof SkillAccountLinkedRequest linked) {
                store.upsertUser(c, userId, endpoint);
                // The provider's OAuth token; in this example the provider's tokens are its account
                // names. A real provider would be asked "whose token is this?" (never log a token).
                String account = linked.accessToken().orElseThrow(
                        () -> new IllegalStateException("SkillAccountLinked without an access token"));
                store.linkAccount(c, userId, account);
                trace.line("[skill] SkillAccountLinked: user linked to their provider account");
            } else if (request instanceof SkillPermissionAcceptedRequest
                    || request instanceof SkillPermissionChangedRequest) {
                store.upsertUser(c, userId, endpoint);
                store.grantLists(c, userId);
                trace.line("[skill] " + request.type().substring(request.type().indexOf('.') + 1)
                        + ": list access granted");
                reconcile(c, skillRequest, "first sync");
            } else if (request instanceof SkillDisabledRequest) {
                store.forgetUser(c, userId);
                trace.line("[skill] SkillDisabled: user forgotten");
            } else if (request instanceof MessageReceivedRequest message) {
                trace.line("[alexa → skill] Messaging.MessageReceived " + message.message());
                reconcile(c, skillRequest, "provider changed");
            } else if (request.type().startsWith("AlexaHouseholdListEvent.")) {
                trace.line("[alexa → skill] " + request.type());
                reconcile(c, skillRequest, "Alexa list changed");
            }
            store.markProcessed(c, request.requestId(), clock.instant());
            return null;
        });
    }

    private void reconcile(java.sql.Connection c, SkillRequest request, String why) throws SQLException {
        Optional<SyncStore.LinkedUser> user = store.lockUser(c, request.userId());
        if (user.isEmpty() || user.get().providerAccount().isEmpty() || !user.get().listsGranted()) {
            trace.line("[sync] " + why + ", but the user is not linked with list access yet: nothing to do");
            return;
        }
        ListManagementClient lists = ListManagementClient.forRequest(request);
        Reconciler.Result result = reconciler.reconcile(c, request.userId(), user.get().providerAccount().get(), lists);
        if (result.changedNothing()) {
            trace.line("[sync] " + why + ": both sides already agree");
        }
    }

    // ---- the provider's webhook ----

    private void webhook(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode change = JSON.readTree(exchange.getRequestBody().readAllBytes());
            String account = change.path("account").asText();
            String itemId = change.path("itemId").asText();
            long version = change.path("version").asLong();
            String what = change.path("change").asText();
            store.inTransaction(c -> {
                Optional<SyncStore.LinkedUser> user = store.lockUserByAccount(c, account);
                if (user.isEmpty()) {
                    return null;
                }
                String userId = user.get().alexaUserId();
                // Already in sync: the sync wrote this version itself, or a reconcile has picked it up.
                boolean synced = what.equals("deleted") ? !store.isMappedProviderItem(c, userId, itemId)
                        : store.isKnownProviderVersion(c, userId, itemId, version);
                if (synced) {
                    trace.line("[provider → webhook] item " + what + ": already in sync, no message");
                } else if (store.enqueue(c, userId, "provider-" + what, clock.instant())) {
                    trace.line("[provider → webhook] item " + what + ": skill message queued");
                } else {
                    trace.line("[provider → webhook] item " + what + ": a message is already queued");
                }
                return null;
            });
            respond(exchange, 204, new byte[0]);
        } catch (RuntimeException e) {
            respond(exchange, 500, new byte[0]);
        }
    }

    // ---- the outbox worker ----

    private void drainOutbox() {
        try {
            while (true) {
                Optional<SyncStore.OutboxRow> claimed = store.claimNext(clock.instant(), Duration.ofSeconds(30));
                if (claimed.isEmpty()) {
                    return;
                }
                send(claimed.get());
            }
        } catch (RuntimeException e) {
            trace.line("[outbox] worker error: " + e.getMessage());
        }
    }

    private void send(SyncStore.OutboxRow row) {
        String endpoint = store.inTransaction(c -> store.lockUser(c, row.alexaUserId()).map(SyncStore.LinkedUser::apiEndpoint)
                .orElse(null));
        if (endpoint == null) {
            store.markFailed(row.id(), "the user is no longer linked");
            return;
        }
        try {
            String messageId = messaging.send(row.alexaUserId(), endpoint,
                    new Message(Map.of("reason", row.reason()), 3600));
            store.markSent(row.id(), messageId);
            trace.line("[outbox → alexa] skill message sent (" + row.reason() + ")");
        } catch (NotFoundException e) {
            store.markFailed(row.id(), e.getMessage());
            trace.line("[outbox] the user is unknown to Alexa (skill disabled?): message dropped for good");
        } catch (SkillMessagingException e) {
            Duration wait = Duration.ofMillis(Math.min(30_000, 100L << Math.min(row.attempts(), 8)));
            store.markRetry(row.id(), clock.instant().plus(wait), e.getMessage());
            trace.line("[outbox] sending failed (" + e.getClass().getSimpleName() + "), retry in " + wait.toMillis() + " ms");
        }
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    private static String shortId(String requestId) {
        return requestId.length() <= 12 ? requestId : "…" + requestId.substring(requestId.length() - 8);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
