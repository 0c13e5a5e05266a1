package io.github.skillmessaging.lists;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.skillmessaging.RetryPolicy;
import io.github.skillmessaging.Sleeper;
import io.github.skillmessaging.request.RequestConverter;
import io.github.skillmessaging.request.SkillRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The seed's last step: a client made from the request that carried the message. */
class ListManagementClientFromRequestTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    static SkillRequest messageReceived(String system) {
        return RequestConverter.parse("{\"version\":\"1.0\",\"context\":{\"System\":{"
                + "\"user\":{\"userId\":\"amzn1.ask.account.1\"}" + system + "}},"
                + "\"request\":{\"type\":\"Messaging.MessageReceived\",\"requestId\":\"r1\","
                + "\"timestamp\":\"2026-11-25T10:00:00Z\",\"message\":{\"item\":\"eggs\"}}}");
    }

    @Test
    void theClientCallsTheRequestsEndpointWithTheRequestsToken() {
        wm.stubFor(get(urlEqualTo("/v2/householdlists/"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"lists\":[]}")));
        SkillRequest request =
                messageReceived(",\"apiEndpoint\":\"" + wm.baseUrl() + "\",\"apiAccessToken\":\"api-token-1\"");

        assertThat(ListManagementClient.forRequest(request).getListsMetadata()).isEmpty();
        assertThat(ListManagementClient.builder()
                        .request(request)
                        .retryPolicy(RetryPolicy.none())
                        .build()
                        .getListsMetadata())
                .isEmpty();

        wm.verify(
                2,
                getRequestedFor(urlEqualTo("/v2/householdlists/"))
                        .withHeader("Authorization", equalTo("Bearer api-token-1")));
    }

    @Test
    void aRequestWithoutEndpointOrTokenIsRefusedNamingWhatIsMissing() {
        assertThatThrownBy(() -> ListManagementClient.forRequest(messageReceived("")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The Messaging.MessageReceived request has no context.System.apiEndpoint and no "
                        + "context.System.apiAccessToken: it cannot be used to call the List Management API");
        assertThatThrownBy(() -> ListManagementClient.forRequest(
                        messageReceived(",\"apiEndpoint\":\"https://api.eu.amazonalexa.com\"")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no context.System.apiAccessToken")
                .hasMessageNotContaining("apiEndpoint and");
    }

    private static SkillRequest withEndpointAndToken(String endpoint, String token) {
        return messageReceived(",\"apiEndpoint\":\"" + endpoint + "\",\"apiAccessToken\":\"" + token + "\"");
    }

    @Test
    void theClientsEndpointIsTheRequestsApiEndpoint() {
        ListManagementClient lists = ListManagementClient.forRequest(withEndpointAndToken(wm.baseUrl(), "api-token-1"));

        assertThat(lists.apiEndpoint()).hasToString(wm.baseUrl());
    }

    @Test
    void theBuilderTakesTheRequestAndKeepsTheOtherSettings() {
        wm.stubFor(get(urlEqualTo("/v2/householdlists/")).willReturn(serverError()));
        List<Duration> sleeps = new CopyOnWriteArrayList<>();
        Sleeper recording = delay -> {
            sleeps.add(delay);
            return CompletableFuture.completedFuture(null);
        };

        ListManagementClient lists = ListManagementClient.builder()
                .request(withEndpointAndToken(wm.baseUrl(), "api-token-1"))
                .retryPolicy(RetryPolicy.builder().maxAttempts(2).build())
                .sleeper(recording)
                .build();

        assertThatThrownBy(lists::getListsMetadata).hasMessageNotContaining("api-token-1");
        wm.verify(
                2,
                getRequestedFor(urlEqualTo("/v2/householdlists/"))
                        .withHeader("Authorization", equalTo("Bearer api-token-1")));
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void theLastEndpointSettingWins() {
        SkillRequest request = withEndpointAndToken(wm.baseUrl(), "api-token-1");

        assertThat(ListManagementClient.builder()
                        .apiEndpoint("https://api.amazonalexa.com")
                        .request(request)
                        .build()
                        .apiEndpoint())
                .hasToString(wm.baseUrl());
        assertThat(ListManagementClient.builder()
                        .request(request)
                        .apiEndpoint("https://api.fe.amazonalexa.com")
                        .build()
                        .apiEndpoint())
                .hasToString("https://api.fe.amazonalexa.com");
    }

    @Test
    void aRequestWithoutEndpointIsRefusedNamingOnlyTheEndpoint() {
        SkillRequest request = messageReceived(",\"apiAccessToken\":\"api-token-1\"");

        assertThatThrownBy(() -> ListManagementClient.forRequest(request))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no context.System.apiEndpoint")
                .hasMessageNotContaining("apiAccessToken")
                .hasMessageNotContaining("api-token-1");
    }

    @Test
    void theBuilderRefusesSuchARequestAtOnce() {
        SkillRequest request = messageReceived(",\"apiEndpoint\":\"https://api.eu.amazonalexa.com\"");

        assertThatThrownBy(() -> ListManagementClient.builder().request(request))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("apiAccessToken");
    }

    @Test
    void aNullRequestIsRefused() {
        assertThatThrownBy(() -> ListManagementClient.forRequest(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("request");
        assertThatThrownBy(() -> ListManagementClient.builder().request(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("request");
    }

    @Test
    void aRequestsEndpointThatIsNotHttpsIsRefusedAsWithCreate() {
        SkillRequest request = withEndpointAndToken("http://api.amazonalexa.com", "api-token-1");

        assertThatThrownBy(() -> ListManagementClient.forRequest(request))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https")
                .hasMessageNotContaining("api-token-1");
    }
}
