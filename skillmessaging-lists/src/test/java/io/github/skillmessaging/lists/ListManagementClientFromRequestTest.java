package io.github.skillmessaging.lists;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.skillmessaging.RetryPolicy;
import io.github.skillmessaging.request.RequestConverter;
import io.github.skillmessaging.request.SkillRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The seed's last step: a client made from the request that carried the message. */
class ListManagementClientFromRequestTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static SkillRequest messageReceived(String system) {
        return RequestConverter.parse("{\"version\":\"1.0\",\"context\":{\"System\":{"
                + "\"user\":{\"userId\":\"amzn1.ask.account.1\"}" + system + "}},"
                + "\"request\":{\"type\":\"Messaging.MessageReceived\",\"requestId\":\"r1\","
                + "\"timestamp\":\"2026-11-25T10:00:00Z\",\"message\":{\"item\":\"eggs\"}}}");
    }

    @Test
    void theClientCallsTheRequestsEndpointWithTheRequestsToken() {
        wm.stubFor(get(urlEqualTo("/v2/householdlists/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"lists\":[]}")));
        SkillRequest request = messageReceived(",\"apiEndpoint\":\"" + wm.baseUrl()
                + "\",\"apiAccessToken\":\"api-token-1\"");

        assertThat(ListManagementClient.forRequest(request).getListsMetadata()).isEmpty();
        assertThat(ListManagementClient.builder().request(request).retryPolicy(RetryPolicy.none()).build()
                .getListsMetadata()).isEmpty();

        wm.verify(2, getRequestedFor(urlEqualTo("/v2/householdlists/"))
                .withHeader("Authorization", equalTo("Bearer api-token-1")));
    }

    @Test
    void aRequestWithoutEndpointOrTokenIsRefusedNamingWhatIsMissing() {
        assertThatThrownBy(() -> ListManagementClient.forRequest(messageReceived("")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The Messaging.MessageReceived request has no context.System.apiEndpoint and no "
                        + "context.System.apiAccessToken: it cannot be used to call the List Management API");
        assertThatThrownBy(() -> ListManagementClient.forRequest(messageReceived(
                ",\"apiEndpoint\":\"https://api.eu.amazonalexa.com\""))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no context.System.apiAccessToken").hasMessageNotContaining("apiEndpoint and");
    }
}
