package io.github.skillmessaging.request;

import static io.github.skillmessaging.request.Requests.API_ACCESS_TOKEN;
import static io.github.skillmessaging.request.Requests.CONSENT_TOKEN;
import static io.github.skillmessaging.request.Requests.USER_ACCESS_TOKEN;
import static io.github.skillmessaging.request.Requests.envelope;
import static io.github.skillmessaging.request.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretRedactionTest {

    @Test
    void skillRequestToString_containsNoToken_butStillTheUserId() {
        SkillRequest skillRequest = RequestConverter.parse(envelope(request("LaunchRequest", "")));

        assertThat(skillRequest.toString())
                .doesNotContain(API_ACCESS_TOKEN, USER_ACCESS_TOKEN, CONSENT_TOKEN, "SECRET")
                .contains("amzn1.ask.account.test", "***");
    }

    @Test
    void systemContextUserAndPermissions_redactTheirTokens() {
        SystemContext system =
                RequestConverter.parse(envelope(request("LaunchRequest", ""))).system();

        assertThat(system.toString())
                .doesNotContain("SECRET")
                .contains("apiEndpoint=Optional[https://api.eu.amazonalexa.com]");
        assertThat(system.user().toString()).doesNotContain("SECRET");
        assertThat(system.user().permissions().orElseThrow().toString()).doesNotContain("SECRET");
    }

    @Test
    void absentTokens_showAsEmpty() {
        User user = RequestConverter.parse(
                        "{\"version\": \"1.0\", \"context\": {\"System\": {\"user\": {\"userId\": \"u\"}}},"
                                + " \"request\": " + request("LaunchRequest", "") + "}")
                .system()
                .user();

        assertThat(user.toString()).isEqualTo("User[userId=u, accessToken=Optional.empty, permissions=Optional.empty]");
    }

    @Test
    void accountLinkedEvent_redactsTheLinkedToken() {
        String json = envelope(
                request("AlexaSkillEvent.SkillAccountLinked", "\"body\": {\"accessToken\": \"linked-SECRET-4\"}"));

        SkillRequest skillRequest = RequestConverter.parse(json);

        assertThat(skillRequest.request().toString())
                .doesNotContain("linked-SECRET-4")
                .contains("accessToken=Optional[***]");
        assertThat(skillRequest.toString()).doesNotContain("SECRET");
    }

    @Test
    void unknownRequest_leavesItsJsonOutOfToString() {
        Request unknown = RequestConverter.parse(envelope(request("X.Unknown", "\"token\": \"SECRET-5\"")))
                .request();

        assertThat(unknown).isInstanceOf(UnknownRequest.class);
        assertThat(unknown.toString()).doesNotContain("SECRET").contains("<5 fields>");
    }
}
