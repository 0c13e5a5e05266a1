package io.github.skillmessaging.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The benchmarks' own loopback server: LWA (counting token requests) and Skill Messaging, on the
 * JDK HTTP server. Used for the smoke run, the token-coalescing count and, with a rate, as the
 * throttling server of section 3b: it admits that many messages a second (a token bucket holding
 * a tenth of a second) and answers 429 with {@code Retry-After} (whole seconds until the next
 * admission, at least 1) beyond. The throughput runs use nginx, which is not the bottleneck.
 */
final class StubServer implements AutoCloseable {
    private static final byte[] TOKEN =
            ("{\"access_token\":\"Atc|bench\",\"token_type\":\"bearer\",\"expires_in\":3600,"
                            + "\"scope\":\"alexa:skill_messaging\"}")
                    .getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final AtomicInteger messages = new AtomicInteger();
    private final AtomicInteger throttled = new AtomicInteger();
    private final Set<String> acceptedUsers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger acceptedTwice = new AtomicInteger();
    private final long tokenDelayMillis;
    private final double admitPerSecond; // 0: admit everything
    private double admissions; // guarded by this
    private long lastRefill = System.nanoTime(); // guarded by this

    StubServer(long tokenDelayMillis) {
        this(tokenDelayMillis, 0);
    }

    StubServer(long tokenDelayMillis, double admitPerSecond) {
        this.tokenDelayMillis = tokenDelayMillis;
        this.admitPerSecond = admitPerSecond;
        this.admissions = admitPerSecond / 10;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        executor = Executors.newFixedThreadPool(8);
        server.createContext("/auth/o2/token", this::token);
        server.createContext("/auth/O2/token", this::token);
        server.createContext("/v1/skillmessages/users/", this::message);
        server.setExecutor(executor);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int tokenRequests() {
        return tokenRequests.get();
    }

    int messages() {
        return messages.get();
    }

    /** Messages answered 429. */
    int throttled() {
        return throttled.get();
    }

    /** Distinct users with an accepted message, and messages accepted for a user a second time. */
    int acceptedUsers() {
        return acceptedUsers.size();
    }

    int acceptedTwice() {
        return acceptedTwice.get();
    }

    /** Takes one admission, or answers how many whole seconds until the next one (at least 1). */
    private synchronized long admit() {
        long now = System.nanoTime();
        admissions = Math.min(admitPerSecond / 10, admissions + (now - lastRefill) / 1e9 * admitPerSecond);
        lastRefill = now;
        if (admissions >= 1) {
            admissions -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - admissions) / admitPerSecond));
    }

    private void token(HttpExchange exchange) throws IOException {
        drain(exchange);
        tokenRequests.incrementAndGet();
        if (tokenDelayMillis > 0) {
            try {
                Thread.sleep(tokenDelayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, TOKEN.length);
        exchange.getResponseBody().write(TOKEN);
        exchange.close();
    }

    private void message(HttpExchange exchange) throws IOException {
        drain(exchange);
        if (admitPerSecond > 0) {
            long retryAfter = admit();
            if (retryAfter > 0) {
                throttled.incrementAndGet();
                byte[] body = "{\"message\":\"Request is throttled\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Retry-After", Long.toString(retryAfter));
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(429, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (!acceptedUsers.add(path.substring(path.lastIndexOf('/') + 1))) {
                acceptedTwice.incrementAndGet();
            }
        }
        messages.incrementAndGet();
        exchange.getResponseHeaders().set("X-Amzn-RequestId", "bench-request-id");
        exchange.sendResponseHeaders(202, -1);
        exchange.close();
    }

    private static void drain(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
