package io.github.skillmessaging.examples.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The operations view of one instance, on a port of its own (not the one Alexa and the provider
 * reach):
 *
 * <pre>
 * GET /health → 200 {"status":"UP"}, or 503 {"status":"DOWN","error":…} when the database does not answer
 * GET /status → 200 {
 *   "usersLinked": 3,
 *   "outbox": {"depth": 0, "oldestPendingSeconds": 0.0},
 *   "lastReconcileAgeSeconds": {"p50": …, "p90": …, "p99": …, "max": …, "never": 0},
 *   "messages": {"sent": 12, "failed": 0, "sentByThisInstance": 7},
 *   "reconcilesByThisInstance": 9, "antiEntropyRequestsByThisInstance": 1,
 *   "errorsByType": {"alexa-request-failed:ProviderException": 1},
 *   "instance": {"startedAt": "…", "uptimeSeconds": 42.0}}
 * </pre>
 *
 * Users, outbox and reconcile ages come from the database (the same on every instance); messages
 * "ByThisInstance", reconciles and errors are this instance's counts since it started.
 */
public final class StatusPage implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SyncStore store;
    private final SyncMetrics metrics;
    private final HttpServer server;
    private final ExecutorService executor;
    private final Clock clock = Clock.systemUTC();
    private final Instant startedAt = clock.instant();

    private StatusPage(InetSocketAddress bind, SyncStore store, SyncMetrics metrics) throws IOException {
        this.store = store;
        this.metrics = metrics;
        this.server = HttpServer.create(bind, 0);
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "sync-status");
            t.setDaemon(true);
            return t;
        });
        server.createContext("/health", this::health);
        server.createContext("/status", this::status);
        server.setExecutor(executor);
        server.start();
    }

    /** Serves the page on {@code bind}. */
    public static StatusPage start(InetSocketAddress bind, SyncStore store, SyncMetrics metrics) {
        try {
            return new StatusPage(bind, store, metrics);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://host:port}. */
    public URI baseUrl() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().isAnyLocalAddress()
                ? "127.0.0.1"
                : a.getAddress().getHostAddress();
        return URI.create("http://" + host + ":" + a.getPort());
    }

    /** The status document, as {@code /status} serves it. */
    public ObjectNode status() {
        Instant now = clock.instant();
        SyncStore.Status s = store.status(now);
        ObjectNode root = JSON.createObjectNode();
        root.put("usersLinked", s.usersLinked());
        root.putObject("outbox").put("depth", s.outboxDepth()).put("oldestPendingSeconds", seconds(s.oldestPending()));
        ObjectNode ages = root.putObject("lastReconcileAgeSeconds");
        List<Duration> sorted = s.reconcileAges();
        for (int p : new int[] {50, 90, 99}) {
            ages.put("p" + p, sorted.isEmpty() ? 0 : seconds(percentile(sorted, p)));
        }
        ages.put("max", sorted.isEmpty() ? 0 : seconds(sorted.get(sorted.size() - 1)));
        ages.put("never", s.neverReconciled());
        root.putObject("messages")
                .put("sent", s.messagesSent())
                .put("failed", s.messagesFailed())
                .put("sentByThisInstance", metrics.messagesSent());
        root.put("reconcilesByThisInstance", metrics.reconciles());
        root.put("antiEntropyRequestsByThisInstance", metrics.healRequests());
        ObjectNode errors = root.putObject("errorsByType");
        metrics.errors().forEach(errors::put);
        root.putObject("instance")
                .put("startedAt", startedAt.toString())
                .put("uptimeSeconds", seconds(Duration.between(startedAt, now)));
        return root;
    }

    /** Nearest rank: the smallest value with at least {@code p}% of the values at or below it. */
    static Duration percentile(List<Duration> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static double seconds(Duration d) {
        return Math.max(0, d.toMillis()) / 1000.0;
    }

    private void health(HttpExchange exchange) throws IOException {
        try (exchange) {
            ObjectNode body = JSON.createObjectNode();
            int code;
            try {
                store.ping();
                body.put("status", "UP");
                code = 200;
            } catch (RuntimeException e) {
                body.put("status", "DOWN").put("error", String.valueOf(e.getMessage()));
                code = 503;
            }
            send(exchange, code, body);
        }
    }

    private void status(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                send(exchange, 200, status());
            } catch (RuntimeException e) {
                send(exchange, 503, JSON.createObjectNode().put("error", String.valueOf(e.getMessage())));
            }
        }
    }

    private static void send(HttpExchange exchange, int code, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(code, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
