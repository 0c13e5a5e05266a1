package io.github.skillmessaging.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.skillmessaging.error.ApiTimeoutException;
import io.github.skillmessaging.error.TransportException;
import io.github.skillmessaging.http.HttpTransport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link HttpTransport} must meet, as a JUnit 5 test class to extend. The SDK
 * runs it against each transport it ships; run it against your own (OkHttp, Apache HttpClient…)
 * before you plug it into a client:
 *
 * <pre>{@code
 * class MyTransportContractTest extends HttpTransportContract {
 *     @Override
 *     protected HttpTransport createTransport() {
 *         return new MyTransport();
 *     }
 * }
 * }</pre>
 *
 * <p>Every test talks to servers of its own on loopback; none waits without a limit, so a
 * transport that never answers fails the test instead of hanging it. The proxy test replaces
 * {@link ProxySelector#getDefault()} for its duration: do not run this class in parallel with
 * tests that depend on the default proxy selector.
 */
public abstract class HttpTransportContract {
    /** How long a test waits for an answer that should come; far above any loopback answer. */
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final List<AutoCloseable> resources = new ArrayList<>();
    private HttpTransport transport;

    /** For subclasses. */
    protected HttpTransportContract() {}

    /** A new transport for one test; closed after it. */
    protected abstract HttpTransport createTransport();

    @BeforeEach
    void openTransport() {
        transport = createTransport();
    }

    @AfterEach
    void closeAll() throws Exception {
        transport.close();
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }

    @Test
    void sendsTheMethodPathHeadersAndBodyAsGiven() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        URI base = server(exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.add(
                    exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + "?"
                            + exchange.getRequestURI().getRawQuery() + " auth="
                            + exchange.getRequestHeaders().getFirst("Authorization")
                            + " custom=" + exchange.getRequestHeaders().getFirst("X-Custom") + " body=" + body);
            answer(exchange, 200, "{}");
        });
        for (String method : List.of("POST", "PUT", "GET", "DELETE")) {
            byte[] body =
                    method.startsWith("P") ? ("{\"m\":\"" + method + "\"}").getBytes(StandardCharsets.UTF_8) : null;
            HttpTransport.Response response = send(new HttpTransport.Request(
                    method,
                    base.resolve("/v1/users/amzn1.ask.account.A%2FB?cursor=x%3Dy"),
                    Map.of("Authorization", "Bearer t", "X-Custom", "v", "Content-Type", "application/json"),
                    body,
                    PATIENCE));
            assertEquals(200, response.statusCode());
        }
        assertEquals(
                List.of(
                        "POST /v1/users/amzn1.ask.account.A%2FB?cursor=x%3Dy auth=Bearer t custom=v body={\"m\":\"POST\"}",
                        "PUT /v1/users/amzn1.ask.account.A%2FB?cursor=x%3Dy auth=Bearer t custom=v body={\"m\":\"PUT\"}",
                        "GET /v1/users/amzn1.ask.account.A%2FB?cursor=x%3Dy auth=Bearer t custom=v body=",
                        "DELETE /v1/users/amzn1.ask.account.A%2FB?cursor=x%3Dy auth=Bearer t custom=v body="),
                seen);
    }

    @Test
    void everyStatusIsAResponseWithItsHeadersAndBody() throws Exception {
        URI base = server(exchange -> {
            int status = Integer.parseInt(exchange.getRequestURI().getPath().substring(1));
            exchange.getResponseHeaders().add("Retry-After", "7");
            exchange.getResponseHeaders().add("X-Amzn-RequestId", "rid-" + status);
            answer(exchange, status, "{\"status\":" + status + "}");
        });
        for (int status : new int[] {200, 202, 400, 403, 404, 409, 429, 500, 503}) {
            HttpTransport.Response response = send(request("GET", base.resolve("/" + status), null));
            assertEquals(status, response.statusCode());
            assertEquals("{\"status\":" + status + "}", response.bodyAsString());
            assertEquals("rid-" + status, response.header("x-amzn-requestid").orElse(null), "header names ignore case");
            assertEquals("7", response.header("RETRY-AFTER").orElse(null));
        }
    }

    @Test
    void largeBodiesGoBothWaysWhole() throws Exception {
        byte[] upload = pattern(1 << 20);
        byte[] download = pattern(4 << 20);
        URI base = server(exchange -> {
            byte[] received = exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("X-Received", Integer.toString(received.length));
            exchange.getResponseHeaders().add("X-Same", Boolean.toString(Arrays.equals(received, upload)));
            exchange.sendResponseHeaders(200, download.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(download);
            }
        });
        HttpTransport.Response response = send(request("POST", base.resolve("/large"), upload));
        assertEquals(
                Integer.toString(upload.length), response.header("X-Received").orElse(null));
        assertEquals("true", response.header("X-Same").orElse(null));
        assertArrayEquals(download, response.body());
    }

    @Test
    void nonAsciiPathsAndQueriesArePercentEncodedAsUtf8() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        URI base = server(exchange -> {
            seen.add(exchange.getRequestURI().getRawPath() + "?"
                    + exchange.getRequestURI().getRawQuery());
            answer(exchange, 200, "");
        });
        URI uri = new URI(
                "http", null, base.getHost(), base.getPort(), "/lists/Einkäufe 😀/items", "name=Brötchen", null);
        assertEquals(200, send(request("GET", uri, null)).statusCode());
        assertEquals(List.of("/lists/Eink%C3%A4ufe%20%F0%9F%98%80/items?name=Br%C3%B6tchen"), seen);
    }

    @Test
    void manyConcurrentRequestsEachGetTheirOwnAnswer() throws Exception {
        URI base = server(
                exchange -> answer(exchange, 200, exchange.getRequestURI().getPath()));
        List<CompletableFuture<HttpTransport.Response>> sent = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            sent.add(transport.send(request("GET", base.resolve("/r" + i), null)));
        }
        for (int i = 0; i < sent.size(); i++) {
            assertEquals("/r" + i, await(sent.get(i)).bodyAsString());
        }
    }

    @Test
    void anAnswerSlowerThanTheTimeoutIsAnAttemptTimeout() throws Exception {
        URI base = server(exchange -> {
            sleep(Duration.ofSeconds(5));
            answer(exchange, 200, "late");
        });
        long started = System.nanoTime();
        Throwable failure = failureOf(transport.send(
                new HttpTransport.Request("GET", base.resolve("/slow"), Map.of(), null, Duration.ofMillis(300))));
        ApiTimeoutException timeout = assertInstanceOf(ApiTimeoutException.class, failure);
        assertTrue(timeout.isAttemptTimeout(), "an attempt timeout, not the deadline of a whole call");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis < 4_000, "failed after " + millis + " ms, expected soon after 300 ms");
    }

    @Test
    void aCancelledRequestLeavesTheTransportUsable() throws Exception {
        URI base = server(exchange -> {
            if (exchange.getRequestURI().getPath().equals("/slow")) {
                sleep(Duration.ofSeconds(3));
            }
            answer(exchange, 200, "ok");
        });
        CompletableFuture<HttpTransport.Response> slow = transport.send(request("GET", base.resolve("/slow"), null));
        slow.cancel(true);
        assertTrue(slow.isCancelled());
        assertEquals("ok", send(request("GET", base.resolve("/fast"), null)).bodyAsString());
    }

    @Test
    void anIdempotentRequestSucceedsAfterTheServerClosedAnIdleKeptAliveConnection() throws Exception {
        // Answers with keep-alive, then closes each connection 100 ms later: the next request meets a stale one.
        RawServer server = rawServer(socket -> {
            readHead(socket.getInputStream());
            socket.getOutputStream()
                    .write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\nok"
                            .getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            sleep(Duration.ofMillis(100));
        });
        assertEquals("ok", send(request("GET", server.uri("/first"), null)).bodyAsString());
        sleep(Duration.ofMillis(400));
        assertEquals("ok", send(request("GET", server.uri("/second"), null)).bodyAsString());
    }

    @Test
    void aRefusedConnectionIsATransportExceptionCausedByConnectException() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Throwable failure = failureOf(
                transport.send(request("POST", URI.create("http://127.0.0.1:" + closedPort + "/x"), new byte[] {1})));
        assertInstanceOf(TransportException.class, failure);
        assertInstanceOf(
                ConnectException.class,
                failure.getCause(),
                "the cause tells the SDK that nothing was sent, so even a create may be retried");
    }

    @Test
    void aConnectionResetIsATransportException() throws Exception {
        RawServer server = rawServer(socket -> {
            readHead(socket.getInputStream());
            socket.setSoLinger(true, 0); // close with a TCP reset
        });
        assertInstanceOf(
                TransportException.class,
                failureOf(
                        transport.send(request("POST", server.uri("/reset"), "{}".getBytes(StandardCharsets.UTF_8)))));
    }

    @Test
    void aConfiguredProxyIsUsedOrTheRequestFailsNamingItBeforeAnythingIsSent() throws Exception {
        List<String> targetSaw = new CopyOnWriteArrayList<>();
        URI target = server(exchange -> {
            targetSaw.add(exchange.getRequestURI().getPath());
            answer(exchange, 200, "direct");
        });
        List<String> proxySaw = new CopyOnWriteArrayList<>();
        RawServer proxy = rawServer(socket -> {
            proxySaw.add(readHead(socket.getInputStream()).split("\r\n", 2)[0]);
            socket.getOutputStream()
                    .write("HTTP/1.1 200 OK\r\nContent-Length: 9\r\nConnection: close\r\n\r\nvia-proxy"
                            .getBytes(StandardCharsets.ISO_8859_1));
        });
        ProxySelector previous = ProxySelector.getDefault();
        synchronized (HttpTransportContract.class) {
            ProxySelector.setDefault(ProxySelector.of(new InetSocketAddress("127.0.0.1", proxy.port())));
            try (HttpTransport proxied = createTransport()) { // it may read the default selector when created
                CompletableFuture<HttpTransport.Response> sent =
                        proxied.send(request("GET", target.resolve("/p"), null));
                HttpTransport.Response response = null;
                Throwable failure = null;
                try {
                    response = sent.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    failure = e.getCause();
                }
                if (response != null) {
                    assertEquals("via-proxy", response.bodyAsString());
                    assertEquals(List.of(), targetSaw, "the request went through the proxy, not to the target");
                    assertEquals(1, proxySaw.size());
                    assertTrue(proxySaw.get(0).contains(":" + target.getPort() + "/p"), proxySaw.get(0));
                } else {
                    assertInstanceOf(TransportException.class, failure);
                    assertTrue(
                            failure.getMessage().contains(Integer.toString(proxy.port())),
                            "names the proxy: " + failure.getMessage());
                    assertEquals(List.of(), targetSaw, "nothing was sent around the proxy");
                    assertEquals(List.of(), proxySaw, "nothing was sent to the proxy either");
                }
            } finally {
                ProxySelector.setDefault(previous);
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private HttpTransport.Response send(HttpTransport.Request request) throws Exception {
        return await(transport.send(request));
    }

    private static HttpTransport.Request request(String method, URI uri, byte[] body) {
        return new HttpTransport.Request(method, uri, Map.of("Content-Type", "application/json"), body, PATIENCE);
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        try {
            return future.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (TimeoutException e) {
            throw new AssertionError("no answer and no failure within " + PATIENCE, e);
        }
    }

    private static Throwable failureOf(CompletableFuture<?> future) throws InterruptedException {
        try {
            Object value = future.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            return fail("expected a failure, got " + value);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (CancellationException | TimeoutException e) {
            return fail("expected a failure within " + PATIENCE + ", got " + e);
        }
    }

    private URI server(Handler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService threads = Executors.newCachedThreadPool(daemon("contract-server"));
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            try (exchange) {
                handler.handle(exchange);
            }
        });
        server.start();
        resources.add(() -> {
            server.stop(0);
            threads.shutdownNow();
        });
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private RawServer rawServer(SocketHandler handler) throws IOException {
        RawServer server = new RawServer(handler);
        resources.add(server);
        return server;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Reads up to the blank line after the request head; returns the head. */
    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int b;
        while ((b = in.read()) != -1) {
            head.append((char) b);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        return head.toString();
    }

    private static byte[] pattern(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31 + (i >>> 11));
        }
        return bytes;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Handles one exchange of a test server. */
    @FunctionalInterface
    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    /** Handles one accepted connection of a raw test server; the socket is closed afterwards. */
    @FunctionalInterface
    private interface SocketHandler {
        void handle(Socket socket) throws IOException;
    }

    /** A loopback TCP server that hands each connection to a {@link SocketHandler} on its own thread. */
    private static final class RawServer implements AutoCloseable {
        private final ServerSocket socket;
        private final ExecutorService threads = Executors.newCachedThreadPool(daemon("contract-raw-server"));

        RawServer(SocketHandler handler) throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            threads.execute(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket accepted = socket.accept();
                        threads.execute(() -> {
                            try (accepted) {
                                handler.handle(accepted);
                            } catch (IOException e) {
                                // the client went away: nothing to answer
                            }
                        });
                    } catch (IOException e) {
                        return; // closed
                    }
                }
            });
        }

        int port() {
            return socket.getLocalPort();
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port() + path);
        }

        @Override
        public void close() throws IOException {
            socket.close();
            threads.shutdownNow();
        }
    }
}
