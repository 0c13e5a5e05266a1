package io.github.skillmessaging.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The benchmarks' own loopback server: LWA (counting token requests) and Skill Messaging, on the
 * JDK HTTP server. Used for the smoke run and the token-coalescing count; the throughput runs use
 * nginx, which is not the bottleneck.
 */
final class StubServer implements AutoCloseable {
    private static final byte[] TOKEN = ("{\"access_token\":\"Atc|bench\",\"token_type\":\"bearer\",\"expires_in\":3600,"
            + "\"scope\":\"alexa:skill_messaging\"}").getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final AtomicInteger messages = new AtomicInteger();
    private final long tokenDelayMillis;

    StubServer(long tokenDelayMillis) {
        this.tokenDelayMillis = tokenDelayMillis;
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
