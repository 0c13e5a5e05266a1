package io.github.skillmessaging.transport.nio;

import static io.github.skillmessaging.transport.nio.NioTransportTest.failure;
import static io.github.skillmessaging.transport.nio.NioTransportTest.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.skillmessaging.error.TransportException;
import io.github.skillmessaging.http.HttpTransport;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Where the futures of {@link NioTransport} complete: on the callback executor, never on the I/O thread. */
class NioTransportCallbacksTest {
    private static final String OK = "HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n";

    private static ScriptedServer answeringServer() throws Exception {
        return new ScriptedServer((c, i) -> {
            while (c.readRequest() != null) {
                c.write(OK);
            }
        });
    }

    @Test
    void aStageChainedWithoutAnExecutorMayBlockOnAnotherSendOfTheSameTransport() throws Exception {
        try (ScriptedServer server = answeringServer();
                NioTransport transport = NioTransport.create()) {
            CompletableFuture<Integer> nested = transport
                    .send(request("GET", server.baseUrl() + "/outer", null))
                    .thenApply(outer -> {
                        try { // blocks in the stage: on the I/O thread this would wait for itself
                            return transport
                                    .send(request("GET", server.baseUrl() + "/inner", null))
                                    .get(5, TimeUnit.SECONDS)
                                    .statusCode();
                        } catch (TimeoutException e) {
                            return -1;
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
            assertThat(nested.get(20, TimeUnit.SECONDS))
                    .as("status of the nested send")
                    .isEqualTo(202);
        }
    }

    @Test
    void aSlowCallbackDoesNotDelayTheAnswerToAnotherRequest() throws Exception {
        CountDownLatch slowRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ScriptedServer server = answeringServer();
                NioTransport transport = NioTransport.create()) {
            CompletableFuture<Void> slow = transport
                    .send(request("GET", server.baseUrl() + "/slow", null))
                    .thenRun(() -> {
                        slowRunning.countDown();
                        await(release);
                    });
            assertThat(slowRunning.await(10, TimeUnit.SECONDS)).isTrue();
            HttpTransport.Response other = transport
                    .send(request("GET", server.baseUrl() + "/other", null))
                    .get(5, TimeUnit.SECONDS);
            assertThat(other.statusCode()).isEqualTo(202);
            assertThat(slow).as("the slow callback is still running").isNotDone();
            release.countDown();
            slow.get(10, TimeUnit.SECONDS);
        } finally {
            release.countDown();
        }
    }

    @Test
    void futuresCompleteOnTheCallbackExecutorAnswersAndFailuresAlike() throws Exception {
        int refused;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            refused = s.getLocalPort();
        }
        ExecutorService mine = Executors.newSingleThreadExecutor(r -> new Thread(r, "my-callbacks"));
        try (ScriptedServer server = answeringServer();
                NioTransport transport =
                        NioTransport.builder().callbackExecutor(mine).build()) {
            String answered = transport
                    .send(request("GET", server.baseUrl() + "/x", null))
                    .thenApply(r -> Thread.currentThread().getName())
                    .get(10, TimeUnit.SECONDS);
            String failed = transport
                    .send(request("GET", "http://127.0.0.1:" + refused + "/x", null))
                    .handle((r, t) -> Thread.currentThread().getName())
                    .get(10, TimeUnit.SECONDS);
            assertThat(answered).isEqualTo("my-callbacks");
            assertThat(failed).isEqualTo("my-callbacks");
        } finally {
            mine.shutdown();
        }
        try (ScriptedServer server = answeringServer();
                NioTransport transport = NioTransport.create()) {
            String io = transport.ioThread().getName();
            String where = transport
                    .send(request("GET", server.baseUrl() + "/x", null))
                    .thenApply(r -> Thread.currentThread().getName()
                            + (Thread.currentThread().isDaemon() ? " daemon" : ""))
                    .get(10, TimeUnit.SECONDS);
            assertThat(where).isNotEqualTo(io).startsWith(io + "-callback-").endsWith(" daemon");
        }
    }

    @Test
    void anExecutorThatRefusesTasksStillGetsEveryFutureCompleted() throws Exception {
        try (ScriptedServer server = answeringServer();
                NioTransport transport = NioTransport.builder()
                        .callbackExecutor(task -> {
                            throw new RejectedExecutionException("shut down");
                        })
                        .build()) {
            assertThat(transport
                            .send(request("GET", server.baseUrl() + "/x", null))
                            .get(10, TimeUnit.SECONDS)
                            .statusCode())
                    .isEqualTo(202);
            assertThat(failure(transport.send(request("GET", "http://no-such-host.invalid/x", null))))
                    .isInstanceOf(TransportException.class);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
