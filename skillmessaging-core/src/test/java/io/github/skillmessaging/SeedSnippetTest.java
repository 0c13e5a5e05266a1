package io.github.skillmessaging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.skillmessaging.testing.Lwa;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The .NET seed's code, line for line in Java, against a local Amazon. */
class SeedSnippetTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @Test
    void theSeedCodeWorksAsItReads() throws Exception {
        wm.stubFor(Lwa.tokenStub("seed-token", 3600));
        wm.stubFor(post(urlEqualTo("/v1/skillmessages/users/amzn1.ask.account.SEED"))
                .willReturn(aResponse().withStatus(202).withHeader("X-Amzn-RequestId", "seed-msg-1")));
        String clientId = "amzn1.application-oa2-client.seed";
        String clientSecret = "seed-secret";
        String alexaEndpoint = wm.baseUrl();
        String userId = "amzn1.ask.account.SEED";

        var client = new AccessTokenClient(wm.baseUrl()); // AccessTokenClient.API_DOMAIN_BASE_ADDRESS in production
        AccessToken accessToken = client.send(clientId, clientSecret);
        var payload = Map.of("Key", "Some Value");
        var messageClient = new SkillMessageClient(alexaEndpoint + "/v1/skillmessages/users/", accessToken.token());
        var messageToSend = new Message(payload, 3600);
        String messageId = messageClient.send(messageToSend, userId);

        assertThat(messageId).isEqualTo("seed-msg-1");
        assertThat(accessToken.token()).isEqualTo("seed-token");
        assertThat(accessToken.tokenType()).isEqualTo("bearer");
        assertThat(accessToken.scope()).isEqualTo("alexa:skill_messaging");
        assertThat(accessToken.expiresIn()).isEqualTo(Duration.ofHours(1));
        assertThat(accessToken.expiresAt()).isAfter(java.time.Instant.now().plus(Duration.ofMinutes(59)));
        assertThat(client.sendAsync(clientId, clientSecret).get().token()).isEqualTo("seed-token");
        assertThat(messageClient.sendAsync(messageToSend, userId).get()).isEqualTo("seed-msg-1");
        wm.verify(
                2,
                postRequestedFor(urlEqualTo("/v1/skillmessages/users/amzn1.ask.account.SEED"))
                        .withHeader("Authorization", equalTo("Bearer seed-token"))
                        .withRequestBody(
                                equalToJson("{\"data\":{\"Key\":\"Some Value\"},\"expiresAfterSeconds\":3600}")));
    }

    @Test
    void theProductionConstantIsAmazonsTokenServer() {
        assertThat(AccessTokenClient.API_DOMAIN_BASE_ADDRESS).isEqualTo("https://api.amazon.com");
        assertThat(new AccessTokenClient(AccessTokenClient.API_DOMAIN_BASE_ADDRESS).toString())
                .isEqualTo("AccessTokenClient[https://api.amazon.com/auth/o2/token]");
    }
}
