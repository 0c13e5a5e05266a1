package io.github.skillmessaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.skillmessaging.error.ApiTimeoutException;
import io.github.skillmessaging.http.HttpTransport;
import io.github.skillmessaging.testing.FakeTransport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The SDK enforces the attempt and total timeouts itself: whatever a transport (or a sleeper)
 * does, no blocking call and no future outlives its deadline.
 */
class DeadlinesTest {
    /** Answers LWA at once and never answers anything else; remembers what it was given. */
    static final class SilentTransport implements HttpTransport {
        final List<CompletableFuture<Response>> pending = new CopyOnWriteArrayList<>();
        private final FakeTransport lwa = FakeTransport.accepting();

        @Override
        public CompletableFuture<Response> send(Request request) {
            if (request.uri().getPath().equals("/auth/o2/token")) {
                return lwa.send(request);
            }
            CompletableFuture<Response> never = new CompletableFuture<>();
            pending.add(never);
            return never;
        }
    }

    /** A blocking send; a hang fails the test after 10 s instead of stopping the build. */
    private static Throwable blockingSend(SkillMessaging messaging) {
        return assertTimeoutPreemptively(
                Duration.ofSeconds(10),
                () -> catchThrowable(() -> messaging.send("u1", new Message(Map.of("k", "v")))));
    }

    private static SkillMessaging.Builder client(HttpTransport transport) {
        return SkillMessaging.builder()
                .clientId("id")
                .clientSecret("secret")
                .transport(transport)
                .tokenBaseAddress("http://127.0.0.1:9")
                .defaultEndpoint("http://127.0.0.1:9");
    }

    @Test
    void aTransportThatNeverAnswersEndsInAnAttemptTimeoutAndIsCancelled() {
        SilentTransport transport = new SilentTransport();
        try (SkillMessaging messaging = client(transport)
                .attemptTimeout(Duration.ofMillis(200))
                .retryPolicy(RetryPolicy.none())
                .build()) {
            long started = System.nanoTime();
            Throwable t = blockingSend(messaging);
            long millis = (System.nanoTime() - started) / 1_000_000;

            assertThat(t).isInstanceOf(ApiTimeoutException.class).hasMessageContaining("within PT0.2S");
            assertThat(((ApiTimeoutException) t).isAttemptTimeout()).isTrue();
            assertThat(millis).isBetween(150L, 5_000L);
            assertThat(transport.pending).hasSize(1);
            long until = System.nanoTime() + 2_000_000_000L; // cancelled right after the call failed
            while (!transport.pending.get(0).isCancelled() && System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            assertThat(transport.pending.get(0)).isCancelled();
        }
    }

    @Test
    void retriesOfANeverAnsweringTransportStopAtTheTotalTimeout() throws Exception {
        SilentTransport transport = new SilentTransport();
        try (SkillMessaging messaging = client(transport)
                .attemptTimeout(Duration.ofMillis(300))
                .sleeper(d -> CompletableFuture.completedFuture(null))
                .retryPolicy(RetryPolicy.builder()
                        .maxAttempts(100)
                        .initialBackoff(Duration.ofMillis(1))
                        .maxBackoff(Duration.ofMillis(1))
                        .jitter(0)
                        // Not a multiple of 300 ms: an attempt that times out on its own just before
                        // the total deadline (timers late on a busy machine) would end the call instead.
                        .totalTimeout(Duration.ofMillis(1_150))
                        .build())
                .build()) {
            long started = System.nanoTime();
            Throwable t = catchThrowable(() ->
                    messaging.sendAsync("u1", new Message(Map.of("k", "v"))).get(10, TimeUnit.SECONDS));
            long millis = (System.nanoTime() - started) / 1_000_000;

            assertThat(t).hasCauseInstanceOf(ApiTimeoutException.class);
            assertThat(((ApiTimeoutException) t.getCause()).isAttemptTimeout()).isFalse();
            assertThat(millis).isBetween(1_050L, 5_000L);
            assertThat(transport.pending.size())
                    .as("attempts of 300 ms in 1.15 s (fewer on a loaded machine)")
                    .isBetween(2, 5);
        }
    }

    @Test
    void aSleeperThatNeverWakesCannotHoldACallPastItsTotalTimeout() {
        HttpTransport unavailable = new FakeTransport(r -> r.uri().getPath().equals("/auth/o2/token")
                ? FakeTransport.accepting().send(r).join()
                : new HttpTransport.Response(503, Map.of(), null));
        try (SkillMessaging messaging = client(unavailable)
                .sleeper(d -> new CompletableFuture<>())
                .retryPolicy(RetryPolicy.builder()
                        .maxAttempts(3)
                        .initialBackoff(Duration.ofMillis(50)) // a wait that fits: the default 500 ms ± 20 %
                        .totalTimeout(Duration.ofMillis(500)) // may not, and then the 503 ends the call
                        .build())
                .build()) {
            long started = System.nanoTime();
            Throwable t = blockingSend(messaging);
            long millis = (System.nanoTime() - started) / 1_000_000;

            assertThat(t).isInstanceOf(ApiTimeoutException.class).hasMessageContaining("total timeout of PT0.5S");
            assertThat(millis).isBetween(400L, 5_000L);
        }
    }

    @Test
    void aTokenRequestThatNeverAnswersEndsAtTheDeadlineToo() {
        HttpTransport silent = request -> new CompletableFuture<>();
        try (SkillMessaging messaging = client(silent)
                .attemptTimeout(Duration.ofMillis(200))
                .retryPolicy(RetryPolicy.builder()
                        .maxAttempts(2)
                        .totalTimeout(Duration.ofMillis(800))
                        .build())
                .build()) {
            Throwable t = blockingSend(messaging);
            assertThat(t).isInstanceOf(ApiTimeoutException.class);
        }
    }
}
