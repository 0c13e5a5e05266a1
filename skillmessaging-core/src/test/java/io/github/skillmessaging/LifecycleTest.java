package io.github.skillmessaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.skillmessaging.http.HttpTransport;
import io.github.skillmessaging.testing.CapturingLoggerFinder;
import io.github.skillmessaging.testing.FakeTransport;
import io.github.skillmessaging.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What {@code close()} does: background work stops, later calls fail at once. */
class LifecycleTest {
    private static final Message MESSAGE = new Message(Map.of("k", "v"));

    private static SkillMessaging.Builder client(HttpTransport transport) {
        return SkillMessaging.builder()
                .clientId("id")
                .clientSecret("secret")
                .transport(transport)
                .tokenBaseAddress("http://127.0.0.1:9")
                .defaultEndpoint("http://127.0.0.1:9");
    }

    @Test
    void aClosedClientRefusesEveryCallAtOnceWithoutTouchingTheNetwork() {
        FakeTransport transport = FakeTransport.accepting();
        SkillMessaging messaging = client(transport).build();
        assertThat(messaging.send("u1", MESSAGE)).isEqualTo("id-1");
        int before = transport.requests().size();
        messaging.close();
        messaging.close(); // idempotent

        assertThatThrownBy(() -> messaging.send("u1", MESSAGE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The client is closed: cannot send skill message");
        assertThat(messaging.sendAsync("u1", AlexaRegion.EUROPE, MESSAGE)).isCompletedExceptionally();
        assertThatThrownBy(() -> messaging.sendToAll(List.of(new Recipient("u1", "http://127.0.0.1:9")), MESSAGE))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(messaging::accessToken).isInstanceOf(IllegalStateException.class);
        assertThat(transport.requests()).hasSize(before);
    }

    @Test
    void closingStopsASendWaitingToRetryAndNothingIsLoggedOrSentAfterwards() throws Exception {
        AtomicInteger posts = new AtomicInteger();
        HttpTransport unavailable = new FakeTransport(r -> {
            if (r.uri().getPath().equals("/auth/o2/token")) {
                return FakeTransport.accepting().send(r).join();
            }
            posts.incrementAndGet();
            return new HttpTransport.Response(503, Map.of(), null);
        });
        SkillMessaging messaging = client(unavailable)
                .retryPolicy(RetryPolicy.builder()
                        .maxAttempts(5)
                        .initialBackoff(Duration.ofMillis(300))
                        .maxBackoff(Duration.ofMillis(300))
                        .jitter(0)
                        .build())
                .build();
        CompletableFuture<String> sent = messaging.sendAsync("u1", MESSAGE);
        Thread.sleep(100); // the first attempt failed; the send now waits to retry
        assertThat(posts.get()).isEqualTo(1);

        messaging.close();
        long logged = sdkLines();

        Throwable t = catchThrowable(() -> sent.get(1, TimeUnit.SECONDS));
        assertThat(t).hasCauseInstanceOf(IllegalStateException.class);
        Thread.sleep(800); // longer than the backoff: a retry would have happened by now
        assertThat(posts.get()).isEqualTo(1);
        assertThat(sdkLines()).isEqualTo(logged);
    }

    /** Lines the SDK logged (other loggers, such as the JDK's HTTP client's, log on their own threads). */
    private static long sdkLines() {
        return CapturingLoggerFinder.lines().stream()
                .filter(l -> l.contains(" io.github.skillmessaging "))
                .count();
    }

    @Test
    void noTokenRefreshStartsAfterClose() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-02T00:00:00Z"));
        FakeTransport transport = FakeTransport.accepting();
        SkillMessaging messaging = client(transport).clock(clock).build();
        messaging.send("u1", MESSAGE);
        long tokenRequests = transport.requests().stream()
                .filter(r -> r.uri().getPath().equals("/auth/o2/token"))
                .count();
        messaging.close();

        clock.advance(Duration.ofMinutes(58)); // inside the prefetch window: an open client would refresh now
        assertThatThrownBy(() -> messaging.send("u1", MESSAGE)).isInstanceOf(IllegalStateException.class);
        assertThat(transport.requests().stream()
                        .filter(r -> r.uri().getPath().equals("/auth/o2/token"))
                        .count())
                .isEqualTo(tokenRequests);
    }

    @Test
    void theSeedStyleClientsRefuseCallsOnceClosed() {
        FakeTransport transport = FakeTransport.accepting();
        AccessTokenClient tokens = AccessTokenClient.builder()
                .baseAddress("http://127.0.0.1:9")
                .transport(transport)
                .build();
        tokens.close();
        assertThatThrownBy(() -> tokens.send("id", "secret")).isInstanceOf(IllegalStateException.class);

        SkillMessageClient client = SkillMessageClient.builder()
                .baseAddress("http://127.0.0.1:9")
                .accessToken("tok")
                .transport(transport)
                .build();
        client.close();
        assertThatThrownBy(() -> client.send(MESSAGE, "u1")).isInstanceOf(IllegalStateException.class);
        assertThat(transport.requests()).isEmpty();
    }
}
