package io.github.skillmessaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.skillmessaging.error.SkillMessagingException;
import io.github.skillmessaging.http.HttpTransport;
import io.github.skillmessaging.testing.FakeTransport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The token endpoint's answer is read from the JSON tree, as binding it to a class read it. */
class AccessTokenResponseTest {

    private static AccessTokenClient answering(String body) {
        FakeTransport lwa = new FakeTransport(r -> new HttpTransport.Response(
                200, Map.of("Content-Type", List.of("application/json")), body.getBytes(StandardCharsets.UTF_8)));
        return AccessTokenClient.builder()
                .baseAddress("https://lwa.example")
                .transport(lwa)
                .retryPolicy(RetryPolicy.none())
                .build();
    }

    @Test
    void readsEveryField() {
        AccessToken token = answering("{\"access_token\":\"Atc|x\",\"token_type\":\"bearer\",\"expires_in\":120,"
                        + "\"scope\":\"alexa:skill_messaging\",\"unknown\":{\"ignored\":[1,2]}}")
                .send("id", "secret");
        assertThat(token.token()).isEqualTo("Atc|x");
        assertThat(token.tokenType()).isEqualTo("bearer");
        assertThat(token.scope()).isEqualTo("alexa:skill_messaging");
        assertThat(token.expiresIn()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void coercesScalarsAsJacksonBindingDid() {
        AccessToken token = answering("{\"access_token\":12345,\"token_type\":true,\"expires_in\":\" 300 \"}")
                .send("id", "secret", "alexa::proactive_events");
        assertThat(token.token()).isEqualTo("12345");
        assertThat(token.tokenType()).isEqualTo("true");
        assertThat(token.scope()).isEqualTo("alexa::proactive_events");
        assertThat(token.expiresIn()).isEqualTo(Duration.ofSeconds(300));
        assertThat(answering("{\"access_token\":\"t\",\"expires_in\":299.9}")
                        .send("id", "s")
                        .expiresIn())
                .isEqualTo(Duration.ofSeconds(299));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"access_token\":\"t\"}",
                "{\"access_token\":\"t\",\"expires_in\":null}",
                "{\"access_token\":\"t\",\"expires_in\":\"\"}",
                "{\"access_token\":\"t\",\"expires_in\":0}",
                "{\"access_token\":\"t\",\"expires_in\":-5}"
            })
    void aMissingOrUselessExpiryMeansOneHour(String body) {
        assertThat(answering(body).send("id", "s").expiresIn()).isEqualTo(Duration.ofHours(1));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "[]",
                "\"token\"",
                "42",
                "{\"access_token\":[\"t\"]}",
                "{\"access_token\":{}}",
                "{\"access_token\":\"t\",\"expires_in\":\"soon\"}",
                "{\"access_token\":\"t\",\"expires_in\":true}",
                "{\"access_token\":\"t\",\"expires_in\":99999999999999999999}",
                "{\"access_token\":\"t\",\"scope\":[]}",
                "not json",
                "{\"access_token\":\"t\""
            })
    void anythingElseIsNotATokenResponse(String body) {
        assertThat(catchThrowable(() -> answering(body).send("id", "s")))
                .isInstanceOf(SkillMessagingException.class)
                .hasMessage("Login-With-Amazon answered HTTP 200 with a body that is not a token response");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "null", "{}", "{\"access_token\":null}", "{\"access_token\":\"\"}"})
    void noTokenIsSaidSo(String body) {
        assertThat(catchThrowable(() -> answering(body).send("id", "s")))
                .isInstanceOf(SkillMessagingException.class)
                .hasMessage("Login-With-Amazon answered HTTP 200 without an access_token");
    }
}
