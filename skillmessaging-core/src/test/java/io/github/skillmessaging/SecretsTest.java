package io.github.skillmessaging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.skillmessaging.testing.CapturingLoggerFinder;
import io.github.skillmessaging.testing.Lwa;
import io.github.skillmessaging.testing.RecordingSleeper;
import io.github.skillmessaging.testing.Sequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client secret and tokens never show in toString, exception messages or log output. */
class SecretsTest {
    static final String SECRET = "TOP-SECRET-client-secret-42";
    static final String TOKEN = "Atc|SECRET-ACCESS-TOKEN-77";

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @Test
    void secretsAppearInNoStringTheSdkProduces() {
        wm.stubFor(Lwa.tokenStub(TOKEN, 3600));
        Sequence.stub(
                wm,
                () -> post(urlPathMatching("/v1/skillmessages/users/.*")),
                aResponse().withStatus(503),
                aResponse().withStatus(403),
                aResponse().withStatus(202));
        List<String> strings = new ArrayList<>();

        SkillMessaging.Builder builder = SkillMessaging.builder()
                .clientId("client-id")
                .clientSecret(SECRET)
                .tokenBaseAddress(wm.baseUrl())
                .defaultEndpoint(wm.baseUrl())
                .sleeper(new RecordingSleeper());
        strings.add(builder.toString());
        SkillMessaging messaging = builder.build();
        strings.add(messaging.toString());
        messaging.send("user", new Message(Map.of("k", "v")));
        AccessToken token = messaging.accessToken();
        strings.add(token.toString());
        assertThat(token.token()).isEqualTo(TOKEN);

        SkillMessageClient seedClient = new SkillMessageClient(wm.baseUrl() + "/v1/skillmessages/users/", TOKEN);
        strings.add(seedClient.toString());
        wm.stubFor(post(urlEqualTo("/v1/skillmessages/users/x"))
                .willReturn(aResponse().withStatus(403)));
        Throwable forbidden = catchThrowable(() -> seedClient.send(new Message(Map.of()), "x"));
        strings.add(String.valueOf(forbidden));

        wm.stubFor(
                post(urlEqualTo(Lwa.TOKEN_PATH))
                        .willReturn(
                                aResponse()
                                        .withStatus(401)
                                        .withBody(
                                                "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}")));
        Throwable refused = catchThrowable(() -> new AccessTokenClient(wm.baseUrl()).send("client-id", SECRET));
        strings.add(String.valueOf(refused));
        strings.addAll(CapturingLoggerFinder.lines());

        assertThat(CapturingLoggerFinder.lines())
                .as("the SDK logged something to check")
                .isNotEmpty();
        assertThat(strings)
                .allSatisfy(s -> assertThat(s)
                        .doesNotContain(SECRET)
                        .doesNotContain(TOKEN)
                        .doesNotContain("SECRET-ACCESS-TOKEN"));
    }
}
