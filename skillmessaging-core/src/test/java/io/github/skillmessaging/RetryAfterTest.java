package io.github.skillmessaging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.skillmessaging.error.ServerErrorException;
import io.github.skillmessaging.testing.Lwa;
import io.github.skillmessaging.testing.MutableClock;
import io.github.skillmessaging.testing.RecordingSleeper;
import io.github.skillmessaging.testing.Sequence;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code Retry-After} is honoured on every status that is retried, not only on 429. */
class RetryAfterTest {
    static final String PATH = "/v1/skillmessages/users/u1";

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    final MutableClock clock = MutableClock.at("2026-11-25T10:00:00Z");
    final RecordingSleeper sleeper = new RecordingSleeper(clock);
    final Message message = new Message(Map.of("k", "v"));

    SkillMessaging client() {
        return SkillMessaging.builder()
                .clientId("id")
                .clientSecret("secret")
                .tokenBaseAddress(wm.baseUrl())
                .defaultEndpoint(wm.baseUrl())
                .clock(clock)
                .sleeper(sleeper)
                .retryPolicy(RetryPolicy.builder().jitter(0).build())
                .build();
    }

    @BeforeEach
    void tokenEndpoint() {
        wm.stubFor(Lwa.tokenStub("tok", 3600));
    }

    @Test
    void a503WithRetryAfterThreeSecondsWaitsThreeSecondsBeforeRetrying() {
        Sequence.stub(
                wm,
                () -> post(urlEqualTo(PATH)),
                aResponse().withStatus(503).withHeader("Retry-After", "3"),
                aResponse().withStatus(202));
        client().send("u1", message);
        assertThat(sleeper.sleeps()).hasSize(1);
        assertThat(sleeper.sleeps().get(0)).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {408, 500, 502, 503, 504})
    void everyRetriedStatusWaitsForItsRetryAfterSeconds(int status) {
        Sequence.stub(
                wm,
                () -> post(urlEqualTo(PATH)),
                aResponse().withStatus(status).withHeader("Retry-After", "4"),
                aResponse().withStatus(202));
        client().send("u1", message);
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(4));
    }

    @Test
    void a503WithRetryAfterAsAnHttpDateWaitsUntilThatDate() {
        Sequence.stub(
                wm,
                () -> post(urlEqualTo(PATH)),
                aResponse().withStatus(503).withHeader("Retry-After", "Wed, 25 Nov 2026 10:00:09 GMT"),
                aResponse().withStatus(202));
        client().send("u1", message);
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(9));
    }

    @Test
    void aRetryAfterShorterThanTheBackoffWaitsTheBackoff() {
        Sequence.stub(
                wm,
                () -> post(urlEqualTo(PATH)),
                aResponse().withStatus(500).withHeader("Retry-After", "0"),
                aResponse().withStatus(202));
        client().send("u1", message);
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(500));
    }

    @Test
    void a503WhoseRetryAfterPassesTheTotalTimeoutFailsAtOnce() {
        wm.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "61")));
        ServerErrorException e = (ServerErrorException) catchThrowable(() -> client().send("u1", message));
        assertThat(e.statusCode()).isEqualTo(503);
        assertThat(e.header("Retry-After")).contains("61");
        assertThat(sleeper.sleeps()).isEmpty();
        wm.verify(1, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void theTokenRequestHonoursRetryAfterOnA503Too() {
        Sequence.stub(
                wm,
                () -> post(urlEqualTo(Lwa.TOKEN_PATH)),
                aResponse().withStatus(503).withHeader("Retry-After", "5"),
                aResponse().withStatus(200).withBody("{\"access_token\":\"tok\",\"expires_in\":3600}"));
        wm.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(202)));
        client().send("u1", message);
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(5));
    }
}
