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
 * {@link ProviderWebhook} at {@code /webhook}, the {@link OutboxWorker} every 20 ms, the
 * {@link AntiEntropy} pass, and optionally the {@link StatusPage} on a port of its own. The
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
    private final AtomicInteger dropNextAlexaRequests = new AtomicInteger();
    private final SyncMetrics metrics;
    private final StatusPage status;

    /**
     * @param store the sync state
     * @param provider the provider's API
     * @param verifier checks Alexa's requests (allow-list your skill id)
     * @param messaging sends skill messages with the skill's credentials
     * @param trace where to report what happens
     */
    public SyncService(
            SyncStore store, ProviderClient provider, RequestVerifier verifier, SkillMessaging messaging, Trace trace) {
        this(store, provider, verifier, messaging, trace, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    /** The same, listening on {@code bind} (e.g. all interfaces behind an HTTPS proxy, for the real Alexa). */
    public SyncService(
            SyncStore store,
            ProviderClient provider,
            RequestVerifier verifier,
            SkillMessaging messaging,
            Trace trace,
            InetSocketAddress bind) {
        this(store, provider, verifier, messaging, trace, bind, Options.DEFAULTS);
    }

    /** The same, with {@code options}. */
    public SyncService(
            SyncStore store,
            ProviderClient provider,
            RequestVerifier verifier,
            SkillMessaging messaging,
            Trace trace,
            InetSocketAddress bind,
            Options options) {
        this.metrics = new SyncMetrics();
        this.skill = new SkillEndpoint(store, provider, verifier, trace, metrics);
        this.webhook = new ProviderWebhook(store, trace, metrics);
        this.outbox = new OutboxWorker(store, messaging, trace, options.outboxLease(), metrics);
        try {
            this.server = HttpServer.create(bind, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.executor = Executors.newFixedThreadPool(8, daemon("sync-http"));
        this.worker = Executors.newScheduledThreadPool(2, daemon("sync-worker"));
        server.createContext("/alexa", this::alexa);
        server.createContext("/webhook", this::webhook);
        server.setExecutor(executor);
        server.start();
        worker.scheduleWithFixedDelay(outbox::drain, 20, 20, TimeUnit.MILLISECONDS);
        if (options.reconcileMaxAge() != null) {
            AntiEntropy antiEntropy =
                    new AntiEntropy(store, trace, metrics, options.reconcileMaxAge(), options.antiEntropyPerPass());
            long every = options.antiEntropyInterval().toMillis();
            // A random first delay: instances started together do not pass together.
            worker.scheduleWithFixedDelay(
                    antiEntropy::pass,
                    java.util.concurrent.ThreadLocalRandom.current().nextLong(every + 1),
                    every,
                    TimeUnit.MILLISECONDS);
        }
        this.status = options.statusBind() == null ? null : StatusPage.start(options.statusBind(), store, metrics);
    }

    /**
     * Tuning of one instance.
     *
     * @param outboxLease how long a claimed outbox row belongs to the instance that claimed it (30 s):
     *     after a crash, the row is sent by another instance once the lease is over
     * @param reconcileMaxAge anti-entropy: a linked user whose last full reconcile is older is sent a
     *     skill message asking for one (12 h; {@code null}: never)
     * @param antiEntropyInterval how often an instance looks for such users (1 min)
     * @param antiEntropyPerPass how many users it asks at most per look (20): requests are spread over time
     * @param statusBind where the health and status page listens ({@code null}: nowhere)
     */
    public record Options(
            Duration outboxLease,
            Duration reconcileMaxAge,
            Duration antiEntropyInterval,
            int antiEntropyPerPass,
            InetSocketAddress statusBind) {
        public static final Options DEFAULTS =
                new Options(Duration.ofSeconds(30), Duration.ofHours(12), Duration.ofMinutes(1), 20, null);

        public Options withOutboxLease(Duration lease) {
            return new Options(lease, reconcileMaxAge, antiEntropyInterval, antiEntropyPerPass, statusBind);
        }

        /** Anti-entropy: ask users not reconciled for {@code maxAge}, at most {@code perPass} every {@code interval}. */
        public Options withAntiEntropy(Duration maxAge, Duration interval, int perPass) {
            return new Options(outboxLease, maxAge, interval, perPass, statusBind);
        }

        public Options withoutAntiEntropy() {
            return new Options(outboxLease, null, antiEntropyInterval, antiEntropyPerPass, statusBind);
        }

        /** Serves {@code /health} and {@code /status} on {@code bind} (port 0: any free port). */
        public Options withStatusPage(InetSocketAddress bind) {
            return new Options(outboxLease, reconcileMaxAge, antiEntropyInterval, antiEntropyPerPass, bind);
        }
    }

    /** The status page's base address, {@code http://host:port}, if it has one. */
    public java.util.Optional<URI> statusPage() {
        return status == null ? java.util.Optional.empty() : java.util.Optional.of(status.baseUrl());
    }

    /** What this instance counted. */
    public SyncMetrics metrics() {
        return metrics;
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

    /**
     * The next {@code count} requests from Alexa are acknowledged (200) and ignored: a lost event,
     * as when Alexa never sends one (fault injection; anti-entropy heals it).
     */
    public void dropNextAlexaRequests(int count) {
        dropNextAlexaRequests.set(count);
    }

    @Override
    public void close() {
        if (status != null) {
            status.close();
        }
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
            if (dropNextAlexaRequests.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                respond(
                        exchange,
                        new Answer(
                                200,
                                io.github.skillmessaging.response.SkillResponse.empty()
                                        .toBytes()));
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
