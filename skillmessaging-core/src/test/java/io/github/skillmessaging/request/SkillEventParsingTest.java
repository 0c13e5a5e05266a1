package io.github.skillmessaging.request;

import static io.github.skillmessaging.request.Requests.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SkillEventParsingTest {

    private static String event(String type, String body) {
        return envelope("""
                {"type": "%s", "requestId": "amzn1.echo-api.request.e1", "timestamp": "2026-11-25T10:00:02Z",
                 "eventCreationTime": "2026-11-25T10:00:00Z", "eventPublishingTime": "2026-11-25T10:00:01Z"%s}
                """.formatted(type, body.isEmpty() ? "" : ", \"body\": " + body));
    }

    private static void assertEventTimes(EventRequest event) {
        assertThat(event.requestId()).isEqualTo("amzn1.echo-api.request.e1");
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-11-25T10:00:02Z"));
        assertThat(event.eventCreationTime()).contains(Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(event.eventPublishingTime()).contains(Instant.parse("2026-11-25T10:00:01Z"));
    }

    @Test
    void skillEnabled_isTypedWithItsEventTimes() {
        SkillRequest skillRequest = RequestConverter.parse(event("AlexaSkillEvent.SkillEnabled", ""));

        assertThat(skillRequest.request()).isInstanceOf(SkillEnabledRequest.class);
        assertEventTimes((EventRequest) skillRequest.request());
        assertThat(skillRequest.userId()).isEqualTo("amzn1.ask.account.test");
        assertThat(skillRequest.session()).isEmpty();
    }

    @Test
    void skillDisabled_carriesThePersistenceStatus() {
        SkillDisabledRequest event = (SkillDisabledRequest) RequestConverter.parse(
                        event("AlexaSkillEvent.SkillDisabled", "{\"userInformationPersistenceStatus\": \"PERSISTED\"}"))
                .request();

        assertEventTimes(event);
        assertThat(event.userInformationPersistenceStatus()).contains("PERSISTED");
    }

    @Test
    void skillDisabledWithoutBodyOrApiAccessToken_stillParses() {
        String json = """
                {"version": "1.0", "context": {"System": {"application": {"applicationId": "a"},
                  "user": {"userId": "u"}, "apiEndpoint": "https://api.amazonalexa.com"}},
                 "request": {"type": "AlexaSkillEvent.SkillDisabled", "requestId": "r", "timestamp": "2026-11-25T10:00:00Z"}}
                """;

        SkillRequest skillRequest = RequestConverter.parse(json);

        SkillDisabledRequest event = (SkillDisabledRequest) skillRequest.request();
        assertThat(event.userInformationPersistenceStatus()).isEmpty();
        assertThat(event.eventCreationTime()).isEmpty();
        assertThat(skillRequest.system().apiAccessToken()).isEmpty();
    }

    @Test
    void skillAccountLinked_carriesTheLinkedAccessToken() {
        SkillAccountLinkedRequest event = (SkillAccountLinkedRequest) RequestConverter.parse(
                        event("AlexaSkillEvent.SkillAccountLinked", "{\"accessToken\": \"linked-SECRET\"}"))
                .request();

        assertEventTimes(event);
        assertThat(event.accessToken()).contains("linked-SECRET");
    }

    @Test
    void skillPermissionAccepted_listsTheAcceptedScopes() {
        SkillPermissionAcceptedRequest event = (SkillPermissionAcceptedRequest)
                RequestConverter.parse(event("AlexaSkillEvent.SkillPermissionAccepted", """
                        {"acceptedPermissions": [{"scope": "alexa::household:lists:read"},
                                                 {"scope": "alexa::household:lists:write"}],
                         "acceptedPersonPermissions": [{"scope": "alexa::profile:name:read"}]}
                        """))
                        .request();

        assertEventTimes(event);
        assertThat(event.acceptedPermissions())
                .containsExactly("alexa::household:lists:read", "alexa::household:lists:write");
        assertThat(event.acceptedPersonPermissions()).containsExactly("alexa::profile:name:read");
    }

    @Test
    void skillPermissionChanged_listsTheAcceptedScopes_andToleratesOddEntries() {
        SkillPermissionChangedRequest event = (SkillPermissionChangedRequest)
                RequestConverter.parse(event("AlexaSkillEvent.SkillPermissionChanged", """
                        {"acceptedPermissions": [{"scope": "alexa::household:lists:read"}, {}, "odd", null]}
                        """))
                        .request();

        assertEventTimes(event);
        assertThat(event.acceptedPermissions()).containsExactly("alexa::household:lists:read");
        assertThat(event.acceptedPersonPermissions()).isEmpty();
    }
}
