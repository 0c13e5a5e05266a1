package io.github.skillmessaging.transport.nio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.skillmessaging.error.ApiTimeoutException;
import io.github.skillmessaging.error.TransportException;
import io.github.skillmessaging.http.HttpTransport;
import java.io.EOFException;
import java.net.ProtocolException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link NioTransport} on the wire: what it writes, what it accepts, when it reuses a connection. */
class NioTransportTest {
    private static final String OK = "HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n";

    static HttpTransport.Request request(String method, String url, String body) {
        return new HttpTransport.Request(
                method,
                URI.create(url),
                Map.of("Authorization", "Bearer t", "Content-Type", "application/json"),
                body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                Duration.ofSeconds(5));
    }

    static HttpTransport.Response send(HttpTransport transport, String method, String url, String body) {
        CompletableFuture<HttpTransport.Response> sent = transport.send(request(method, url, body));
        try {
            return sent.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    static Throwable failure(CompletableFuture<?> future) {
        Throwable t = catchThrowable(future::join);
        return t instanceof CompletionException ? t.getCause() : t;
    }

    @Test
    void writesExactlyThisRequestHead() throws Exception {
        try (ScriptedServer server = new ScriptedServer((c, i) -> {
                    c.readRequest();
                    c.write(OK);
                });
                NioTransport transport = NioTransport.create()) {
            URI uri = URI.create(server.baseUrl());
            send(transport, "POST", server.baseUrl() + "/v1/skillmessages/users/amzn1%2Fx?a=b", "{\"k\":\"v\"}");
            assertThat(server.requests)
                    .containsExactly("POST /v1/skillmessages/users/amzn1%2Fx?a=b HTTP/1.1\r\n"
                            + "Host: 127.0.0.1:" + uri.getPort() + "\r\n"
                            + "Authorization: Bearer t\r\n"
                            + "Content-Type: application/json\r\n"
                            + "Content-Length: 9\r\n\r\n{\"k\":\"v\"}");
        }
    }

    @Test
    void keepsTheConnectionAliveAndReusesIt() throws Exception {
        try (ScriptedServer server = new ScriptedServer((c, i) -> {
                    while (c.readRequest() != null) {
                        c.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
                    }
                });
                NioTransport transport = NioTransport.create()) {
            for (int n = 0; n < 5; n++) {
                assertThat(send(transport, "GET", server.baseUrl() + "/x", null).bodyAsString())
                        .isEqualTo("ok");
            }
            assertThat(server.connectionsAccepted()).isEqualTo(1);
        }
    }

    @Test
    void connectionCloseAndBodiesReadToTheEndAreNotReused() throws Exception {
        try (ScriptedServer server = new ScriptedServer((c, i) -> {
                    c.readRequest();
                    c.write(
                            i == 0
                                    ? "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 1\r\n\r\na"
                                    : "HTTP/1.1 200 OK\r\n\r\nbody until the end");
                });
                NioTransport transport = NioTransport.create()) {
            assertThat(send(transport, "GET", server.baseUrl() + "/1", null).bodyAsString())
                    .isEqualTo("a");
            assertThat(send(transport, "GET", server.baseUrl() + "/2", null).bodyAsString())
                    .isEqualTo("body until the end");
            assertThat(send(transport, "GET", server.baseUrl() + "/3", null).bodyAsString())
                    .isEqualTo("body until the end");
            assertThat(server.connectionsAccepted()).isEqualTo(3);
        }
    }

    @Test
    void readsChunkedBodiesAndSkipsInterimResponses() throws Exception {
        try (ScriptedServer server = new ScriptedServer((c, i) -> {
                    while (c.readRequest() != null) {
                        c.write("HTTP/1.1 100 Continue\r\n\r\n");
                        c.write("HTTP/1.1 409 Conflict\r\nTransfer-Encoding: chunked\r\nX-Amzn-RequestId: r1\r\n\r\n"
                                + "5;ext=1\r\n{\"a\":\r\n");
                        c.write("3\r\n42}\r\n0\r\nX-Trailer: t\r\n\r\n");
                    }
                });
                NioTransport transport = NioTransport.create()) {
            HttpTransport.Response r = send(transport, "PUT", server.baseUrl() + "/x", "{}");
            assertThat(r.statusCode()).isEqualTo(409);
            assertThat(r.bodyAsString()).isEqualTo("{\"a\":42}");
            assertThat(r.header("X-AMZN-REQUESTID")).contains("r1");
            assertThat(send(transport, "PUT", server.baseUrl() + "/x", "{}").statusCode())
                    .isEqualTo(409);
            assertThat(server.connectionsAccepted()).isEqualTo(1);
        }
    }

    @Test
    void anIdempotentRequestOnAConnectionTheServerDroppedIsSentOnceMoreOnANewOne() throws Exception {
        try (ScriptedServer server = new ScriptedServer((c, i) -> {
                    c.readRequest();
                    if (i == 0) {
                        c.write(OK); // keep-alive, but then the server drops it when the next request comes
                        c.readRequest();
                        return;
                    }
                    c.write(OK);
                });
                NioTransport transport = NioTransport.create()) {
            send(transport, "GET", server.baseUrl() + "/a", null);
            assertThat(send(transport, "DELETE", server.baseUrl() + "/b", null).statusCode())
                    .isEqualTo(202);
            assertThat(server.connectionsAccepted()).isEqualTo(2);
            assertThat(server.requests).hasSize(3);
        }
    }

    @Test
    void aPostOnAConnectionTheServerDroppedFailsAndIsNotSentAgain() throws Exception {
        try (ScriptedServer server = new ScriptedServer((c, i) -> {
                    c.readRequest();
                    c.write(OK);
                    c.readRequest();
                });
                NioTransport transport = NioTransport.create()) {
            send(transport, "POST", server.baseUrl() + "/a", "{}");
            Throwable t = failure(transport.send(request("POST", server.baseUrl() + "/b", "{}")));
            assertThat(t)
                    .isInstanceOf(TransportException.class)
                    .hasMessageContaining("POST " + server.baseUrl() + "/b")
                    .hasRootCauseInstanceOf(EOFException.class);
            Thread.sleep(100);
            assertThat(server.requests).hasSize(2);
            assertThat(server.connectionsAccepted()).isEqualTo(1);
        }
    }

    @Test
    void malformedAndOversizedResponsesFailTheRequest() throws Exception {
        try (ScriptedServer server = new ScriptedServer((c, i) -> {
                    c.readRequest();
                    c.write(
                            i == 0
                                    ? "SPDY/3 200 OK\r\n\r\n"
                                    : "HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n0123456789A");
                });
                NioTransport transport =
                        NioTransport.builder().maxResponseBytes(10).build()) {
            assertThat(failure(transport.send(request("GET", server.baseUrl() + "/x", null))))
                    .isInstanceOf(TransportException.class)
                    .hasRootCauseInstanceOf(ProtocolException.class);
            assertThat(failure(transport.send(request("GET", server.baseUrl() + "/y", null))))
                    .isInstanceOf(TransportException.class)
                    .hasMessageContaining("larger than 10 bytes");
        }
    }

    @Test
    void headerValuesThatCouldSplitTheRequestAreRefusedBeforeAnythingIsSent() throws Exception {
        try (ScriptedServer server = new ScriptedServer((c, i) -> c.readRequest());
                NioTransport transport = NioTransport.create()) {
            HttpTransport.Request evil = new HttpTransport.Request(
                    "GET",
                    URI.create(server.baseUrl() + "/x"),
                    Map.of("X-Evil", "a\r\nX-Injected: 1"),
                    null,
                    Duration.ofSeconds(1));
            assertThat(failure(transport.send(evil)))
                    .isInstanceOf(TransportException.class)
                    .hasMessageContaining("X-Evil");
            assertThat(server.connectionsAccepted()).isZero();
        }
    }

    @Test
    void aMethodThatCouldSplitTheRequestIsRefusedBeforeAnythingIsSent() throws Exception {
        try (ScriptedServer server = new ScriptedServer((c, i) -> {
                    while (c.readRequest() != null) {
                        c.write(OK);
                    }
                });
                NioTransport transport = NioTransport.create()) {
            HttpTransport.Request evil = new HttpTransport.Request(
                    "GET /smuggled HTTP/1.1\r\nHost: x\r\n\r\nGET",
                    URI.create(server.baseUrl() + "/x"),
                    Map.of(),
                    null,
                    Duration.ofSeconds(1));
            assertThat(failure(transport.send(evil)))
                    .isInstanceOf(TransportException.class)
                    .hasMessageContaining("method");
            assertThat(server.connectionsAccepted()).isZero();
        }
    }

    @Test
    void queuesRequestsBeyondMaxConnectionsPerHost() throws Exception {
        try (ScriptedServer server = new ScriptedServer((c, i) -> {
                    while (c.readRequest() != null) {
                        Thread.sleep(20);
                        c.write(OK);
                    }
                });
                NioTransport transport =
                        NioTransport.builder().maxConnectionsPerHost(3).build()) {
            List<CompletableFuture<HttpTransport.Response>> all = new ArrayList<>();
            for (int n = 0; n < 30; n++) {
                all.add(transport.send(request("POST", server.baseUrl() + "/m" + n, "{}")));
            }
            for (CompletableFuture<HttpTransport.Response> f : all) {
                assertThat(f.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(202);
            }
            assertThat(server.peakOpenConnections()).isEqualTo(3);
            assertThat(server.connectionsAccepted()).isEqualTo(3);
        }
    }

    @Test
    void aRequestWaitingForAConnectionTimesOutWithItsOwnTimeout() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (ScriptedServer server = new ScriptedServer((c, i) -> {
                    c.readRequest();
                    release.await(5, TimeUnit.SECONDS);
                    c.write(OK);
                });
                NioTransport transport =
                        NioTransport.builder().maxConnectionsPerHost(1).build()) {
            CompletableFuture<HttpTransport.Response> first =
                    transport.send(request("GET", server.baseUrl() + "/1", null));
            HttpTransport.Request quick =
                    request("GET", server.baseUrl() + "/2", null).withTimeout(Duration.ofMillis(100));
            Throwable t = failure(transport.send(quick));
            assertThat(t).isInstanceOf(ApiTimeoutException.class);
            assertThat(((ApiTimeoutException) t).isAttemptTimeout()).isTrue();
            release.countDown();
            assertThat(first.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(202);
        }
    }

    @Test
    void aCancelledRequestClosesItsConnection() throws Exception {
        CountDownLatch closedByClient = new CountDownLatch(1);
        try (ScriptedServer server = new ScriptedServer((c, i) -> {
                    c.readRequest();
                    if (c.clientClosed(5000)) {
                        closedByClient.countDown();
                    }
                });
                NioTransport transport = NioTransport.create()) {
            CompletableFuture<HttpTransport.Response> f = transport.send(request("GET", server.baseUrl() + "/1", null));
            while (server.requests.isEmpty()) {
                Thread.sleep(5);
            }
            f.cancel(true);
            assertThat(closedByClient.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void closeLetsRequestsInFlightFinishAndRefusesNewOnes() throws Exception {
        CountDownLatch received = new CountDownLatch(1);
        try (ScriptedServer server = new ScriptedServer((c, i) -> {
            c.readRequest();
            received.countDown();
            Thread.sleep(200);
            c.write(OK);
        })) {
            NioTransport transport = NioTransport.create();
            CompletableFuture<HttpTransport.Response> inFlight =
                    transport.send(request("POST", server.baseUrl() + "/1", "{}"));
            assertThat(received.await(5, TimeUnit.SECONDS)).isTrue();
            transport.close();
            assertThat(failure(transport.send(request("POST", server.baseUrl() + "/2", "{}"))))
                    .isInstanceOf(TransportException.class)
                    .hasMessageContaining("closed");
            assertThat(inFlight.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(202);
        }
    }

    @Test
    void refusedConnectionsFailWithTheirCauseSoThatTheyCanBeRetried() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (NioTransport transport = NioTransport.create()) {
            Throwable t = failure(transport.send(request("POST", "http://127.0.0.1:" + port + "/x", "{}")));
            assertThat(t).isInstanceOf(TransportException.class).hasCauseInstanceOf(java.net.ConnectException.class);
            Throwable unknown = failure(transport.send(request("GET", "http://no-such-host.invalid/x", null)));
            assertThat(unknown)
                    .isInstanceOf(TransportException.class)
                    .hasMessageContaining("unknown host")
                    .hasCauseInstanceOf(java.net.ConnectException.class)
                    .hasRootCauseInstanceOf(java.net.UnknownHostException.class);
        }
    }

    @Test
    void carriesManyConcurrentRequestsOnOneIoThread() throws Exception {
        AtomicInteger answered = new AtomicInteger();
        try (ScriptedServer server = new ScriptedServer((c, i) -> {
                    while (c.readRequest() != null) {
                        Thread.sleep(50);
                        answered.incrementAndGet(); // before the answer: the client may check as soon as it arrives
                        c.write(OK);
                    }
                });
                NioTransport transport = NioTransport.create()) {
            List<CompletableFuture<HttpTransport.Response>> all = new ArrayList<>();
            for (int n = 0; n < 400; n++) {
                all.add(transport.send(request("POST", server.baseUrl() + "/m" + n, "{\"n\":" + n + "}")));
            }
            long clientThreads = Thread.getAllStackTraces().keySet().stream() // callbacks run elsewhere
                    .filter(t -> t.getName().startsWith("skillmessaging-nio")
                            && !t.getName().contains("-callback"))
                    .count();
            for (CompletableFuture<HttpTransport.Response> f : all) {
                assertThat(f.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(202);
            }
            assertThat(answered).hasValue(400);
            assertThat(server.requests).hasSize(400);
            assertThat(clientThreads).isBetween(1L, 4L); // the I/O thread and the name resolver's
        }
    }

    @Test
    void aConnectionTheServerClosedWhileIdleIsNotUsedAgainSoAPostStillSucceeds() throws Exception {
        try (ScriptedServer server = new ScriptedServer((c, i) -> {
                    c.readRequest();
                    c.write(OK); // keep-alive by HTTP/1.1 rules, then the server closes it anyway
                });
                NioTransport transport = NioTransport.create()) {
            send(transport, "POST", server.baseUrl() + "/1", "{}");
            Thread.sleep(200);
            assertThat(send(transport, "POST", server.baseUrl() + "/2", "{}").statusCode())
                    .isEqualTo(202);
            assertThat(server.connectionsAccepted()).isEqualTo(2);
        }
    }

    @Test
    void closesConnectionsIdleLongerThanTheIdleTimeout() throws Exception {
        CountDownLatch closedByClient = new CountDownLatch(1);
        try (ScriptedServer server = new ScriptedServer((c, i) -> {
                    c.readRequest();
                    c.write(OK);
                    if (c.clientClosed(5000)) {
                        closedByClient.countDown();
                    }
                });
                NioTransport transport = NioTransport.builder()
                        .idleTimeout(Duration.ofMillis(100))
                        .build()) {
            send(transport, "GET", server.baseUrl() + "/1", null);
            assertThat(closedByClient.await(3, TimeUnit.SECONDS)).isTrue();
            send(transport, "GET", server.baseUrl() + "/2", null);
            assertThat(server.connectionsAccepted()).isEqualTo(2);
        }
    }

    @Test
    void aConnectThatTakesTooLongFailsAsAConnectTimeout() throws Exception {
        try (java.net.ServerSocket full = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            List<java.net.Socket> fillers = new ArrayList<>();
            try {
                for (int n = 0; n < 8; n++) { // never accepted: the backlog fills and further SYNs are dropped
                    java.nio.channels.SocketChannel filler = java.nio.channels.SocketChannel.open();
                    filler.configureBlocking(false);
                    filler.connect(full.getLocalSocketAddress());
                    fillers.add(filler.socket());
                }
                try (NioTransport transport = NioTransport.builder()
                        .connectTimeout(Duration.ofMillis(300))
                        .build()) {
                    Throwable t = failure(
                            transport.send(request("POST", "http://127.0.0.1:" + full.getLocalPort() + "/x", "{}")));
                    assertThat(t)
                            .isInstanceOf(ApiTimeoutException.class)
                            .hasMessageContaining("could not connect")
                            .hasCauseInstanceOf(java.net.http.HttpConnectTimeoutException.class);
                }
            } finally {
                for (java.net.Socket s : fillers) {
                    s.close();
                }
            }
        }
    }

    @Test
    void everyRequestEndsWithItsOwnAnswerOrAFailureWhateverTheServerDoes() throws Exception {
        long seed = Long.getLong("nio.seed", 20261125L);
        try (ScriptedServer server = new ScriptedServer((c, i) -> {
                    java.util.Random random = new java.util.Random(seed + i);
                    for (String request = c.readRequest(); request != null; request = c.readRequest()) {
                        String id = request.substring(request.indexOf(' ') + 1, request.indexOf(" HTTP/1.1"));
                        switch (random.nextInt(8)) {
                            case 0 -> {
                                return; // closes without an answer
                            }
                            case 1 -> Thread.sleep(random.nextInt(1500)); // sometimes past the 1 s timeout
                            case 2 -> {
                                c.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                                        + Integer.toHexString(id.length()) + "\r\n" + id + "\r\n0\r\n\r\n");
                                continue;
                            }
                            case 3 -> {
                                c.write("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: " + id.length()
                                        + "\r\n\r\n" + id);
                                return;
                            }
                            default -> {}
                        }
                        c.write("HTTP/1.1 200 OK\r\nContent-Length: " + id.length() + "\r\n\r\n" + id);
                    }
                });
                NioTransport transport =
                        NioTransport.builder().maxConnectionsPerHost(64).build()) {
            List<CompletableFuture<HttpTransport.Response>> all = new ArrayList<>();
            for (int n = 0; n < 300; n++) {
                all.add(transport.send(
                        request("GET", server.baseUrl() + "/r" + n, null).withTimeout(Duration.ofSeconds(1))));
            }
            int answered = 0;
            for (int n = 0; n < all.size(); n++) {
                try {
                    HttpTransport.Response r = all.get(n).get(10, TimeUnit.SECONDS); // never left hanging
                    assertThat(r.bodyAsString()).as("answer to request %d", n).isEqualTo("/r" + n);
                    answered++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOfAny(TransportException.class, ApiTimeoutException.class);
                }
            }
            assertThat(answered).as("not a vacuous run").isGreaterThan(30);
        }
    }

    @Test
    void anAnswerBeforeTheWholeBodyWasSentClosesTheConnectionInsteadOfSendingTheNextRequestAfterHalfABody()
            throws Exception {
        int size = 32 * 1024 * 1024; // far more than the socket buffers hold while the server does not read
        CountDownLatch firstAnswered = new CountDownLatch(1);
        CompletableFuture<Long> bodyBytesReceived = new CompletableFuture<>();
        try (ScriptedServer server = new ScriptedServer((c, i) -> {
                    if (i == 0) {
                        c.readHead();
                        c.write("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nearly"); // answers before reading the body
                        firstAnswered.await(10, TimeUnit.SECONDS);
                        bodyBytesReceived.complete(c.skip(size)); // the rest of the body, or less if the client closes
                    }
                    for (String request = c.readRequest(); request != null; request = c.readRequest()) {
                        String path = request.substring(request.indexOf(' ') + 1, request.indexOf(" HTTP/1.1"));
                        c.write("HTTP/1.1 200 OK\r\nContent-Length: " + path.length() + "\r\n\r\n" + path);
                    }
                });
                NioTransport transport =
                        NioTransport.builder().maxConnectionsPerHost(1).build()) {
            HttpTransport.Request big = new HttpTransport.Request(
                    "PUT", URI.create(server.baseUrl() + "/big"), Map.of(), new byte[size], Duration.ofSeconds(10));
            assertThat(transport.send(big).get(10, TimeUnit.SECONDS).bodyAsString())
                    .isEqualTo("early");
            firstAnswered.countDown();
            // the server still reads the body of /big: a request written now on that connection would
            // be taken for body bytes and never be answered
            HttpTransport.Request next =
                    request("GET", server.baseUrl() + "/next", null).withTimeout(Duration.ofSeconds(3));
            assertThat(transport.send(next).get(10, TimeUnit.SECONDS).bodyAsString())
                    .isEqualTo("/next");
            // the first connection's thread may still be draining what the client had sent
            assertThat(bodyBytesReceived.get(10, TimeUnit.SECONDS)).isLessThan(size);
        }
    }

    @Test
    void anIdempotentRequestResentAfterAStaleConnectionGoesOnANewConnectionNotOnAnotherStaleOne() throws Exception {
        CountDownLatch bothRequested = new CountDownLatch(2);
        CountDownLatch closeIdle = new CountDownLatch(1);
        CountDownLatch idleClosed = new CountDownLatch(2);
        CountDownLatch callbackRunning = new CountDownLatch(1);
        CountDownLatch callbackGo = new CountDownLatch(1);
        try (ScriptedServer server = new ScriptedServer((c, i) -> {
                    if (i < 2) {
                        c.readRequest();
                        bothRequested.countDown();
                        bothRequested.await(10, TimeUnit.SECONDS); // so that the client opens two connections
                        c.write(OK);
                        closeIdle.await(10, TimeUnit.SECONDS);
                        c.socket.close(); // both idle connections go stale
                        idleClosed.countDown();
                        return;
                    }
                    while (c.readRequest() != null) {
                        c.write(OK);
                    }
                });
                NioTransport transport =
                        NioTransport.builder().maxConnectionsPerHost(2).build()) {
            CompletableFuture<HttpTransport.Response> a = transport.send(request("GET", server.baseUrl() + "/a", null));
            CompletableFuture<HttpTransport.Response> b = transport.send(request("GET", server.baseUrl() + "/b", null));
            assertThat(a.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(202);
            assertThat(b.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(202);
            // hold the I/O thread while the server closes both idle connections, so that it sees
            // the closes only when it uses them
            CompletableFuture<Void> held = new CompletableFuture<>();
            transport.runOnIoThread(() -> {
                callbackRunning.countDown();
                await(callbackGo);
                held.complete(null);
            });
            assertThat(callbackRunning.await(10, TimeUnit.SECONDS)).isTrue();
            closeIdle.countDown();
            assertThat(idleClosed.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<HttpTransport.Response> c = transport.send(request("GET", server.baseUrl() + "/c", null));
            callbackGo.countDown();
            held.get(10, TimeUnit.SECONDS);
            assertThat(c.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(202);
            assertThat(server.connectionsAccepted()).isEqualTo(3);
        }
    }

    @Test
    void aHugeContentLengthFailsTheRequestWithoutAllocatingItAndTheTransportKeepsWorking() throws Exception {
        try (ScriptedServer server = new ScriptedServer((c, i) -> {
                    c.readRequest();
                    c.write(i == 0 ? "HTTP/1.1 200 OK\r\nContent-Length: 2147483647\r\n\r\nabc" : OK);
                });
                NioTransport transport =
                        NioTransport.builder().maxResponseBytes(Long.MAX_VALUE).build()) {
            Throwable t = failure(transport.send(request("GET", server.baseUrl() + "/huge", null)));
            assertThat(t).isInstanceOf(TransportException.class).hasMessageContaining("middle of the response");
            assertThat(send(transport, "GET", server.baseUrl() + "/next", null).statusCode())
                    .isEqualTo(202);
        }
    }

    @Test
    void nameLookupsOfManyNewConnectionsShareAFewThreads() throws Exception {
        int refused;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            refused = s.getLocalPort();
        }
        try (ScriptedServer server = new ScriptedServer((c, i) -> {
                    while (c.readRequest() != null) {
                        c.write(OK);
                    }
                });
                NioTransport transport = NioTransport.create()) {
            String name = transport
                    .toString()
                    .substring("NioTransport[".length(), transport.toString().indexOf(','));
            send(transport, "GET", server.baseUrl() + "/idle", null); // an idle connection for later
            List<CompletableFuture<HttpTransport.Response>> all = new ArrayList<>();
            long lookupThreads;
            synchronized (transport) { // the first https lookups wait here for the default TLS context
                for (int n = 0; n < 50; n++) {
                    all.add(transport.send(request("GET", "https://127.0.0.1:" + refused + "/" + n, null)));
                }
                // answered on the idle connection once the I/O thread has handed out all 50 lookups
                send(transport, "GET", server.baseUrl() + "/after", null);
                lookupThreads = Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> t.getName().startsWith(name + "-dns"))
                        .count();
            }
            assertThat(lookupThreads).isBetween(1L, 2L);
            for (CompletableFuture<HttpTransport.Response> f : all) {
                assertThat(failure(f)).isInstanceOf(TransportException.class);
            }
        }
    }

    @Test
    void durationsTooLongForNanosecondsMeanNoLimitInsteadOfStoppingTheIoThread() throws Exception {
        Duration forever = java.time.temporal.ChronoUnit.FOREVER.getDuration();
        CountDownLatch testDone = new CountDownLatch(1);
        try (ScriptedServer server = new ScriptedServer((c, i) -> {
                    while (c.readRequest() != null) {
                        c.write(OK);
                    }
                });
                ScriptedServer silent = new ScriptedServer((c, i) -> {
                    c.readRequest();
                    testDone.await(10, TimeUnit.SECONDS);
                });
                NioTransport transport = NioTransport.builder()
                        .connectTimeout(forever)
                        .idleTimeout(forever)
                        .build()) {
            // a new connection (connect timeout), with a request timeout of the same kind
            assertThat(transport
                            .send(request("GET", server.baseUrl() + "/1", null).withTimeout(forever))
                            .get(10, TimeUnit.SECONDS)
                            .statusCode())
                    .isEqualTo(202);
            // timed out by the sweep, which also looks at the idle connection of /1 (idle timeout)
            Throwable t = failure(
                    transport.send(request("GET", silent.baseUrl() + "/2", null).withTimeout(Duration.ofMillis(50))));
            assertThat(t).isInstanceOf(ApiTimeoutException.class);
            assertThat(send(transport, "GET", server.baseUrl() + "/3", null).statusCode())
                    .isEqualTo(202);
            assertThat(server.connectionsAccepted()).isEqualTo(1);
        } finally {
            testDone.countDown();
        }
    }

    @Test
    void aServerSuppliedLinkWithNonAsciiCharactersGoesOutPercentEncodedInUtf8() throws Exception {
        try (ScriptedServer server = new ScriptedServer((c, i) -> {
                    while (c.readRequest() != null) {
                        c.write(OK);
                    }
                });
                NioTransport transport = NioTransport.create()) {
            // as a list API could return it: a link whose path and query hold raw non-ASCII characters
            URI link = URI.create(
                    server.baseUrl() + "/v2/householdlists/Einkaufsliste-\u00e4\u00f6/items?name=Br\u00f6tchen\u20ac");
            HttpTransport.Request get = new HttpTransport.Request("GET", link, Map.of(), null, Duration.ofSeconds(5));
            assertThat(transport.send(get).get(10, TimeUnit.SECONDS).statusCode())
                    .isEqualTo(202);
            assertThat(server.requests.get(0))
                    .startsWith("GET /v2/householdlists/Einkaufsliste-%C3%A4%C3%B6/items"
                            + "?name=Br%C3%B6tchen%E2%82%AC HTTP/1.1\r\n");
        }
    }

    @Test
    void aResponseWithBothContentLengthAndChunkedFailsAndItsConnectionIsNotReused() throws Exception {
        try (ScriptedServer server = new ScriptedServer((c, i) -> {
                    while (c.readRequest() != null) {
                        c.write(
                                i == 0
                                        ? "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n"
                                                + "0\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nsmuggled!"
                                        : OK);
                    }
                });
                NioTransport transport = NioTransport.create()) {
            Throwable t = failure(transport.send(request("GET", server.baseUrl() + "/1", null)));
            assertThat(t)
                    .isInstanceOf(TransportException.class)
                    .hasRootCauseInstanceOf(ProtocolException.class)
                    .hasMessageContaining("Content-Length");
            assertThat(send(transport, "GET", server.baseUrl() + "/2", null).statusCode())
                    .isEqualTo(202);
            assertThat(server.connectionsAccepted()).isEqualTo(2);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
