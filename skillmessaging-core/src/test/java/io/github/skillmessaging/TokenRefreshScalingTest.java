package io.github.skillmessaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.skillmessaging.http.HttpTransport;
import io.github.skillmessaging.testing.FakeTransport;
import io.github.skillmessaging.testing.MutableClock;
import io.github.skillmessaging.testing.RecordingSleeper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A short-lived token serves many sends: the refresh windows scale with the token's lifetime. */
class TokenRefreshScalingTest {
    final MutableClock clock = MutableClock.at("2026-11-25T10:00:00Z");
    /** When each token request was made, by the test clock. */
    final List<Instant> tokenRequests = new CopyOnWriteArrayList<>();

    /** Answers at once: LWA with a token living {@code expiresIn} seconds, Alexa with 202. */
    FakeTransport lwaIssuing(long expiresIn) {
        return new FakeTransport(r -> {
            if (r.uri().getPath().equals("/auth/o2/token")) {
                tokenRequests.add(clock.instant());
                return new HttpTransport.Response(
                        200,
                        Map.of(),
                        ("{\"access_token\":\"tok-" + tokenRequests.size() + "\",\"expires_in\":" + expiresIn + "}")
                                .getBytes(StandardCharsets.UTF_8));
            }
            return new HttpTransport.Response(202, Map.of(), null);
        });
    }

    SkillMessaging client(FakeTransport transport) {
        return SkillMessaging.builder()
                .clientId("id")
                .clientSecret("secret")
                .transport(transport)
                .defaultEndpoint("https://api.amazonalexa.com")
                .clock(clock)
                .sleeper(new RecordingSleeper(clock))
                .build();
    }

    /** Sends {@code sends} messages, the clock moving {@code step} after each. */
    void send(SkillMessaging messaging, int sends, Duration step) {
        Message message = new Message(Map.of("k", "v"));
        for (int i = 0; i < sends; i++) {
            messaging.send("user-" + i, message);
            clock.advance(step);
        }
    }

    @Test
    void aThirtySecondTokenServesFiveThousandSendsOverFiveSecondsWithAtMostThreeTokenRequests() {
        try (SkillMessaging messaging = client(lwaIssuing(30))) {
            send(messaging, 5_000, Duration.ofMillis(1));
        }
        assertThat(tokenRequests).hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void overManyLifetimesATenSecondTokenIsRequestedAboutOncePerLifetime() {
        try (SkillMessaging messaging = client(lwaIssuing(10))) {
            send(messaging, 5_000, Duration.ofMillis(12)); // 60 s: six lifetimes
        }
        // Refreshed 2.5 s before expiry: one request per 7.5 s, plus the first.
        assertThat(tokenRequests).hasSizeBetween(6, 10);
    }

    @Test
    void anHourTokenKeepsTheFiveMinuteAndOneMinuteWindows() {
        FakeTransport transport = lwaIssuing(3600);
        try (SkillMessaging messaging = client(transport)) {
            messaging.send("u", new Message(Map.of()));
            clock.advance(Duration.ofMinutes(54).plusSeconds(59));
            messaging.send("u", new Message(Map.of()));
            assertThat(tokenRequests).hasSize(1);
            clock.advance(Duration.ofSeconds(2)); // 4:59 left: inside the 5-minute prefetch window
            messaging.send("u", new Message(Map.of()));
            assertThat(tokenRequests).hasSize(2);
        }
    }
}
