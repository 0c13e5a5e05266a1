package io.github.skillmessaging.transport.nio;

import static io.github.skillmessaging.transport.nio.NioTransportTest.failure;
import static io.github.skillmessaging.transport.nio.NioTransportTest.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.skillmessaging.error.ApiTimeoutException;
import io.github.skillmessaging.error.TransportException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How {@link NioTransport} gets a connection: proxies refused, names looked up, every address tried. */
class NioTransportConnectTest {
    private static final String OK = "HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n";
    private final ProxySelector jvmDefault = ProxySelector.getDefault();

    @AfterEach
    void restoreProxySelector() {
        ProxySelector.setDefault(jvmDefault);
    }

    private static ScriptedServer answeringServer() throws IOException {
        return new ScriptedServer((c, i) -> {
            while (c.readRequest() != null) {
                c.write(OK);
            }
        });
    }

    /** A ProxySelector that chooses {@code proxy} for every URI and records the URIs it was asked about. */
    private static ProxySelector choosing(Proxy proxy, List<URI> asked) {
        return new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                asked.add(uri);
                return List.of(proxy);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {}
        };
    }

    @Test
    void aRequestForWhichTheJvmChoosesAProxyFailsNamingTheProxyBeforeAnythingIsSent() throws Exception {
        List<URI> asked = new CopyOnWriteArrayList<>();
        ProxySelector.setDefault(
                choosing(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("proxy.example", 3128)), asked));
        try (ScriptedServer server = answeringServer();
                NioTransport transport = NioTransport.create()) {
            String url = server.baseUrl() + "/v1/skillmessages/users/u";
            Throwable t = failure(transport.send(request("POST", url, "{}")));
            assertThat(t)
                    .isInstanceOf(TransportException.class)
                    .hasMessageContaining("POST " + url)
                    .hasMessageContaining("proxy.example")
                    .hasMessageContaining("3128")
                    .hasMessageContaining("does not support proxies");
            assertThat(asked).contains(URI.create(url));
            Thread.sleep(100);
            assertThat(server.connectionsAccepted()).isZero();
        }
    }

    @Test
    void aDirectChoiceOfTheProxySelectorConnectsAsUsual() throws Exception {
        List<URI> asked = new CopyOnWriteArrayList<>();
        ProxySelector.setDefault(choosing(Proxy.NO_PROXY, asked));
        try (ScriptedServer server = answeringServer();
                NioTransport transport = NioTransport.create()) {
            assertThat(NioTransportTest.send(transport, "GET", server.baseUrl() + "/x", null)
                            .statusCode())
                    .isEqualTo(202);
            assertThat(asked).hasSize(1);
        }
    }

    @Test
    void aHostWhoseFirstAddressRefusesIsReachedOnItsSecond() throws Exception {
        try (ScriptedServer server = answeringServer();
                NioTransport transport = NioTransport.builder()
                        .resolver(host -> new InetAddress[] {
                            InetAddress.getByName("127.0.0.2"), InetAddress.getByName("127.0.0.1")
                        })
                        .build()) {
            // nothing listens on 127.0.0.2 at the server's port: refused at once
            assertThat(NioTransportTest.send(transport, "GET", "http://two.test:" + server.port() + "/x", null)
                            .statusCode())
                    .isEqualTo(202);
            assertThat(server.requests.get(0)).contains("Host: two.test:" + server.port() + "\r\n");
        }
    }

    @Test
    void anAddressThatNeverAnswersGetsOnlyItsShareOfTheConnectTimeout() throws Exception {
        try (ScriptedServer server = answeringServer();
                ServerSocket full = new ServerSocket(server.port(), 1, InetAddress.getByName("127.0.0.2"))) {
            List<SocketChannel> fillers = new ArrayList<>();
            try {
                for (int n = 0; n < 8; n++) { // never accepted: the backlog fills and further SYNs are dropped
                    SocketChannel filler = SocketChannel.open();
                    filler.configureBlocking(false);
                    filler.connect(full.getLocalSocketAddress());
                    fillers.add(filler);
                }
                try (NioTransport transport = NioTransport.builder()
                        .connectTimeout(Duration.ofSeconds(2))
                        .resolver(host -> new InetAddress[] {
                            InetAddress.getByName("127.0.0.2"), InetAddress.getByName("127.0.0.1")
                        })
                        .build()) {
                    // had the first address taken the whole connect timeout, this would fail as a timeout
                    assertThat(NioTransportTest.send(
                                            transport, "GET", "http://slow-first.test:" + server.port() + "/x", null)
                                    .statusCode())
                            .isEqualTo(202);
                }
            } finally {
                for (SocketChannel filler : fillers) {
                    filler.close();
                }
            }
        }
    }

    @Test
    void whenNoAddressAnswersTheFailureCarriesEveryCause() throws Exception {
        int refused;
        try (ServerSocket s = new ServerSocket(0)) {
            refused = s.getLocalPort();
        }
        try (NioTransport transport = NioTransport.builder()
                .resolver(host ->
                        new InetAddress[] {InetAddress.getByName("127.0.0.2"), InetAddress.getByName("127.0.0.1")})
                .build()) {
            Throwable t = failure(transport.send(request("POST", "http://none.test:" + refused + "/x", "{}")));
            assertThat(t).isInstanceOf(TransportException.class).hasCauseInstanceOf(java.net.ConnectException.class);
            assertThat(t.getCause().getSuppressed()).hasSize(1);
        }
    }

    @Test
    void aNameLookupThatHangsFailsWithinTheConnectTimeoutAndDoesNotHoldUpOtherHosts() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        try (ScriptedServer server = answeringServer();
                NioTransport transport = NioTransport.builder()
                        .connectTimeout(Duration.ofMillis(500))
                        .resolver(host -> {
                            if (host.startsWith("hang")) {
                                awaitUninterruptibly(never); // as a lookup stuck in the OS resolver: no interrupt helps
                            }
                            return new InetAddress[] {InetAddress.getByName("127.0.0.1")};
                        })
                        .build()) {
            List<CompletableFuture<?>> hanging = new ArrayList<>();
            for (int n = 0; n < 4; n++) {
                hanging.add(transport.send(request("GET", "http://hang" + n + ".test:" + server.port() + "/x", null)));
            }
            for (CompletableFuture<?> f : hanging) {
                Throwable t = failure(f.orTimeout(5, TimeUnit.SECONDS));
                assertThat(t)
                        .isInstanceOf(ApiTimeoutException.class)
                        .hasMessageContaining("could not resolve")
                        .hasCauseInstanceOf(java.net.http.HttpConnectTimeoutException.class);
            }
            assertThat(NioTransportTest.send(transport, "GET", "http://fine.test:" + server.port() + "/x", null)
                            .statusCode())
                    .isEqualTo(202);
        } finally {
            never.countDown();
        }
    }

    @Test
    void aBurstOfNewConnectionsToOneHostSharesOneNameLookup() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        CountDownLatch allArrived = new CountDownLatch(20);
        try (ScriptedServer server = new ScriptedServer((c, i) -> {
                    c.readRequest();
                    allArrived.countDown();
                    allArrived.await(10, TimeUnit.SECONDS); // so that every request needs a connection of its own
                    c.write(OK);
                });
                NioTransport transport = NioTransport.builder()
                        .resolver(host -> {
                            lookups.incrementAndGet();
                            Thread.sleep(100);
                            return new InetAddress[] {InetAddress.getByName("127.0.0.1")};
                        })
                        .build()) {
            List<CompletableFuture<?>> all = new ArrayList<>();
            for (int n = 0; n < 20; n++) {
                all.add(transport.send(request("GET", "http://burst.test:" + server.port() + "/" + n, null)));
            }
            for (CompletableFuture<?> f : all) {
                f.get(10, TimeUnit.SECONDS);
            }
            assertThat(server.connectionsAccepted()).isEqualTo(20);
            assertThat(lookups).hasValue(1);
        }
    }

    @Test
    void anUnknownHostFromTheResolverFailsAsAConnectFailure() {
        try (NioTransport transport = NioTransport.builder()
                .resolver(host -> {
                    throw new UnknownHostException(host);
                })
                .build()) {
            Throwable t = failure(transport.send(request("GET", "http://nowhere.test/x", null)));
            assertThat(t)
                    .isInstanceOf(TransportException.class)
                    .hasMessageContaining("unknown host nowhere.test")
                    .hasCauseInstanceOf(java.net.ConnectException.class);
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
