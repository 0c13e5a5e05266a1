package io.github.skillmessaging.transport.nio;

import static io.github.skillmessaging.transport.nio.NioTransportTest.failure;
import static io.github.skillmessaging.transport.nio.NioTransportTest.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.skillmessaging.error.TransportException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The threads of {@link NioTransport}: what happens when one dies, is interrupted, or the transport closes. */
class NioTransportLifecycleTest {
    private static final String OK = "HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n";

    @Test
    void anErrorOnTheIoThreadFailsEveryPendingRequestAndANewIoThreadTakesTheNextOnes() throws Exception {
        failsEveryPendingRequestAndRecoversFrom(new OutOfMemoryError("injected by the test"));
    }

    @Test
    void aRuntimeExceptionOnTheIoThreadFailsEveryPendingRequestAndANewIoThreadTakesTheNextOnes() throws Exception {
        failsEveryPendingRequestAndRecoversFrom(new IllegalStateException("a bug, injected by the test"));
    }

    private static void failsEveryPendingRequestAndRecoversFrom(Throwable injected) throws Exception {
        CountDownLatch received = new CountDownLatch(1);
        CountDownLatch testDone = new CountDownLatch(1);
        CountDownLatch lookupStarted = new CountDownLatch(1);
        try (ScriptedServer silent = new ScriptedServer((c, i) -> {
                    c.readRequest();
                    received.countDown();
                    testDone.await(20, TimeUnit.SECONDS);
                });
                ScriptedServer answering = new ScriptedServer((c, i) -> {
                    while (c.readRequest() != null) {
                        c.write(OK);
                    }
                });
                NioTransport transport = NioTransport.builder()
                        .maxConnectionsPerHost(1)
                        .resolver(host -> {
                            if (host.equals("slow-lookup.test")) {
                                lookupStarted.countDown();
                                testDone.await(20, TimeUnit.SECONDS);
                            }
                            return new InetAddress[] {InetAddress.getByName("127.0.0.1")};
                        })
                        .build()) {
            CompletableFuture<?> inFlight = transport.send(request("POST", silent.baseUrl() + "/in-flight", "{}"));
            assertThat(received.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<?> queued = transport.send(request("POST", silent.baseUrl() + "/queued", "{}"));
            CompletableFuture<?> lookingUp =
                    transport.send(request("GET", "http://slow-lookup.test:" + silent.port() + "/", null));
            assertThat(lookupStarted.await(10, TimeUnit.SECONDS)).isTrue();
            Thread first = transport.ioThread();

            transport.runOnIoThread(() -> {
                if (injected instanceof Error e) {
                    throw e;
                }
                throw (RuntimeException) injected;
            });

            for (CompletableFuture<?> pending : List.of(inFlight, queued, lookingUp)) {
                Throwable t = failure(pending.orTimeout(10, TimeUnit.SECONDS));
                assertThat(t)
                        .isInstanceOf(TransportException.class)
                        .hasMessageContaining(injected.getClass().getName())
                        .hasMessageContaining("stopped")
                        .hasCause(injected);
            }
            first.join(5000);
            assertThat(first.isAlive()).as("the I/O thread that failed").isFalse();
            assertThat(NioTransportTest.send(transport, "GET", answering.baseUrl() + "/after", null)
                            .statusCode())
                    .isEqualTo(202);
            assertThat(transport.ioThread()).isNotSameAs(first);
            assertThat(transport.ioThread().isAlive()).isTrue();
        } finally {
            testDone.countDown();
        }
    }

    @Test
    void everyThreadOfTheTransportIsADaemonAndEndsPromptlyAfterClose() throws Exception {
        try (ScriptedServer server = new ScriptedServer((c, i) -> {
            while (c.readRequest() != null) {
                c.write(OK);
            }
        })) {
            NioTransport transport = NioTransport.create();
            String name = transport.ioThread().getName();
            transport
                    .send(request("GET", server.baseUrl() + "/x", null))
                    .thenRun(() -> {})
                    .get(10, TimeUnit.SECONDS);
            List<Thread> threads = threadsNamed(name);
            assertThat(threads)
                    .extracting(Thread::getName)
                    .anyMatch(n -> n.equals(name))
                    .anyMatch(n -> n.startsWith(name + "-dns-"))
                    .anyMatch(n -> n.startsWith(name + "-callback-"));
            assertThat(threads).allMatch(Thread::isDaemon);
            transport.close();
            for (Thread t : threads) {
                t.join(5000);
                assertThat(t.isAlive()).as(t.getName() + " after close").isFalse();
            }
        }
    }

    @Test
    void theThreadsEndWhenTheirLauncherInterruptsThemAsMvnExecJavaDoesAndTheTransportCloses() throws Exception {
        CountDownLatch testDone = new CountDownLatch(1);
        try (ScriptedServer server = new ScriptedServer((c, i) -> {
            String request;
            while ((request = c.readRequest()) != null) {
                if (request.startsWith("GET /silent")) {
                    testDone.await(20, TimeUnit.SECONDS);
                    return;
                }
                c.write(OK);
            }
        })) {
            ThreadGroup application = new ThreadGroup("application");
            AtomicReference<NioTransport> started = new AtomicReference<>();
            AtomicReference<CompletableFuture<?>> pending = new AtomicReference<>();
            Thread main = new Thread(
                    application,
                    () -> {
                        NioTransport transport = NioTransport.create();
                        started.set(transport);
                        transport
                                .send(request("GET", server.baseUrl() + "/x", null))
                                .join();
                        pending.set(transport.send(request("GET", server.baseUrl() + "/silent", null)));
                    },
                    "application-main");
            main.start();
            main.join(10_000);
            NioTransport transport = started.get();
            List<Thread> threads = threadsNamed(transport.ioThread().getName());
            assertThat(threads).hasSizeGreaterThanOrEqualTo(2).allMatch(t -> t.getThreadGroup() == application);
            Thread.sleep(200); // the silent request in flight

            application.interrupt(); // what exec:java does to the threads the program started, before joining them

            for (Thread t : threads) {
                t.join(3000);
                assertThat(t.isAlive()).as(t.getName() + " after an interrupt").isFalse();
            }
            assertThat(failure(pending.get().orTimeout(5, TimeUnit.SECONDS)))
                    .isInstanceOf(TransportException.class)
                    .hasMessageContaining("interrupted");
            assertThat(failure(transport.send(request("GET", server.baseUrl() + "/later", null))))
                    .isInstanceOf(TransportException.class)
                    .hasMessageContaining("closed");
        } finally {
            testDone.countDown();
        }
    }

    private static List<Thread> threadsNamed(String prefix) {
        List<Thread> found = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals(prefix) || t.getName().startsWith(prefix + "-")) {
                found.add(t);
            }
        }
        return found;
    }
}
