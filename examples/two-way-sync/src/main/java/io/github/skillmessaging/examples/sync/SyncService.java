package io.github.skillmessaging.examples.sync;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.skillmessaging.SkillMessaging;
import io.github.skillmessaging.verify.RequestVerifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The skill's back end on the JDK HTTP server: {@link SkillEndpoint} at {@code /alexa},
 * {@link ProviderWebhook} at {@code /webhook}, and the {@link OutboxWorker} every 20 ms. The
 * Azure Functions example carries the same three handlers.
 */
public final class SyncService implements AutoCloseable {
    private final SkillEndpoint skill;
    private final ProviderWebhook webhook;
    private final OutboxWorker outbox;
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
        this(store, provider, verifier, messaging, trace, bind, Options.DEFAULTS);
    }

    /** The same, with {@code options}. */
    public SyncService(SyncStore store, ProviderClient provider, RequestVerifier verifier, SkillMessaging messaging,
            Trace trace, InetSocketAddress bind, Options options) {
        this.skill = new SkillEndpoint(store, provider, verifier, trace);
        this.webhook = new ProviderWebhook(store, trace);
        this.outbox = new OutboxWorker(store, messaging, trace, options.outboxLease());
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
        worker.scheduleWithFixedDelay(outbox::drain, 20, 20, TimeUnit.MILLISECONDS);
    }

    /**
     * Tuning of one instance.
     *
     * @param outboxLease how long a claimed outbox row belongs to the instance that claimed it (30 s):
     *     after a crash, the row is sent by another instance once the lease is over
     */
    public record Options(Duration outboxLease) {
        public static final Options DEFAULTS = new Options(Duration.ofSeconds(30));

        public Options withOutboxLease(Duration lease) {
            return new Options(lease);
        }
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

    private void alexa(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (failNextAlexaRequests.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                respond(exchange, Answer.of(500));
                return;
            }
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(exchange.getRequestHeaders());
            respond(exchange, skill.handle(body, headers));
        }
    }

    private void webhook(HttpExchange exchange) throws IOException {
        try (exchange) {
            respond(exchange, webhook.handle(exchange.getRequestBody().readAllBytes()));
        }
    }

    private static void respond(HttpExchange exchange, Answer answer) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
        if (answer.body().length > 0) {
            exchange.getResponseBody().write(answer.body());
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
