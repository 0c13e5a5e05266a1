package io.github.skillmessaging.request;

import static io.github.skillmessaging.request.Requests.envelope;
import static io.github.skillmessaging.request.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SkillRequestParsingTest {

    @Test
    void amazonsDocumentedMessageReceivedExample_withoutApplication_parses() {
        SkillRequest skillRequest = RequestConverter.parse(Requests.MESSAGE_RECEIVED_WITHOUT_APPLICATION);

        assertThat(skillRequest.version()).isEqualTo("1.0");
        assertThat(skillRequest.session()).isEmpty();
        assertThat(skillRequest.context().system().application()).isEmpty();
        assertThat(skillRequest.context().system().applicationId()).isEmpty();
        assertThat(skillRequest.context().system().user().userId()).isEqualTo("amzn1.ask.account.…");
        assertThat(skillRequest.context().system().user().accessToken()).contains("account-linking token");
        assertThat(skillRequest.context().system().user().permissions()).isEmpty();
        assertThat(skillRequest.context().system().device()).isEmpty();
        assertThat(skillRequest.context().system().apiEndpoint()).contains("https://api.amazonalexa.com");
        assertThat(skillRequest.context().system().apiAccessToken())
                .contains("token for Alexa APIs, valid 60 minutes, do not persist");
        assertThat(skillRequest.request()).isInstanceOf(MessageReceivedRequest.class);
        MessageReceivedRequest message = (MessageReceivedRequest) skillRequest.request();
        assertThat(message.type()).isEqualTo("Messaging.MessageReceived");
        assertThat(message.requestId()).isEqualTo("amzn1.echo-api.request.…");
        assertThat(message.timestamp()).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(message.locale()).isEmpty();
        assertThat(message.message()).containsExactly(java.util.Map.entry("Key", "Some Value"));
    }

    @Test
    void messageReceivedAsInApiNotes_withApplication_parsesTheApplicationId() {
        SkillRequest skillRequest = RequestConverter.parse(Requests.MESSAGE_RECEIVED_AS_DOCUMENTED);

        assertThat(skillRequest.context().system().applicationId()).contains("amzn1.ask.skill.…");
        assertThat(skillRequest.userId()).isEqualTo("amzn1.ask.account.…");
        assertThat(skillRequest.requestAs(MessageReceivedRequest.class))
                .get()
                .extracting(MessageReceivedRequest::message)
                .isEqualTo(java.util.Map.of("Key", "Some Value"));
    }

    @Test
    void bytesParseLikeText() {
        SkillRequest fromBytes =
                RequestConverter.parse(Requests.MESSAGE_RECEIVED_AS_DOCUMENTED.getBytes(StandardCharsets.UTF_8));

        assertThat(fromBytes).isEqualTo(RequestConverter.parse(Requests.MESSAGE_RECEIVED_AS_DOCUMENTED));
    }

    @Test
    void fullEnvelope_withSessionDeviceAndPermissions_isRead() {
        String json = """
                {"version": "1.0",
                 "session": {"new": true, "sessionId": "amzn1.echo-api.session.1",
                             "application": {"applicationId": "amzn1.ask.skill.test"},
                             "user": {"userId": "amzn1.ask.account.test"}, "attributes": {"a": 1}},
                 "context": {"System": {
                   "application": {"applicationId": "amzn1.ask.skill.test"},
                   "user": {"userId": "amzn1.ask.account.test", "permissions": {"consentToken": "ct"}},
                   "device": {"deviceId": "amzn1.ask.device.1", "supportedInterfaces": {"AudioPlayer": {}, "Display": {}}},
                   "apiEndpoint": "https://api.fe.amazonalexa.com", "apiAccessToken": "at", "unknownField": [1, 2]},
                   "AudioPlayer": {"playerActivity": "IDLE"}},
                 "request": {"type": "LaunchRequest", "requestId": "r1", "timestamp": "2026-11-25T10:00:00Z", "locale": "de-DE"},
                 "somethingAmazonAddsLater": {"x": true}}
                """;

        SkillRequest skillRequest = RequestConverter.parse(json);

        Session session = skillRequest.session().orElseThrow();
        assertThat(session.sessionId()).isEqualTo("amzn1.echo-api.session.1");
        assertThat(session.newSession()).isTrue();
        SystemContext system = skillRequest.system();
        assertThat(system.applicationId()).contains("amzn1.ask.skill.test");
        assertThat(system.user().accessToken()).isEmpty();
        assertThat(system.user().permissions().map(Permissions::consentToken)).contains("ct");
        Device device = system.device().orElseThrow();
        assertThat(device.deviceId()).isEqualTo("amzn1.ask.device.1");
        assertThat(device.supportedInterfaces()).containsExactlyInAnyOrder("AudioPlayer", "Display");
        assertThat(system.apiEndpoint()).contains("https://api.fe.amazonalexa.com");
        assertThat(skillRequest.request()).isInstanceOf(LaunchRequest.class);
        assertThat(skillRequest.request().locale()).contains("de-DE");
    }

    @Test
    void absentOptionalParts_readAsEmpty_neverNull() {
        String json = """
                {"version": "1.0", "context": {"System": {"user": {"userId": "u"}}},
                 "request": {"type": "Messaging.MessageReceived", "requestId": "r", "timestamp": "2026-11-25T10:00:00Z"}}
                """;

        SkillRequest skillRequest = RequestConverter.parse(json);

        SystemContext system = skillRequest.system();
        assertThat(system.application()).isEmpty();
        assertThat(system.device()).isEmpty();
        assertThat(system.apiEndpoint()).isEmpty();
        assertThat(system.apiAccessToken()).isEmpty();
        assertThat(system.user().accessToken()).isEmpty();
        assertThat(system.user().permissions()).isEmpty();
        assertThat(skillRequest.session()).isEmpty();
        assertThat(((MessageReceivedRequest) skillRequest.request()).message()).isEmpty();
    }

    @Test
    void nonStringMessageValues_becomeTheirJsonText() {
        String json = envelope(request("Messaging.MessageReceived", """
                "message": {"text": "hi", "count": 42, "ratio": 1.5, "flag": true, "nothing": null,
                            "object": {"a": [1, "b"]}, "array": [1, 2], "big": 123456789012345678901234567890}
                """));

        MessageReceivedRequest message =
                (MessageReceivedRequest) RequestConverter.parse(json).request();

        assertThat(message.message())
                .containsExactly(
                        java.util.Map.entry("text", "hi"),
                        java.util.Map.entry("count", "42"),
                        java.util.Map.entry("ratio", "1.5"),
                        java.util.Map.entry("flag", "true"),
                        java.util.Map.entry("nothing", "null"),
                        java.util.Map.entry("object", "{\"a\":[1,\"b\"]}"),
                        java.util.Map.entry("array", "[1,2]"),
                        java.util.Map.entry("big", "123456789012345678901234567890"));
    }

    @Test
    void messageThatIsNotAnObject_readsAsEmpty() {
        String json = envelope(request("Messaging.MessageReceived", "\"message\": \"just text\""));

        assertThat(((MessageReceivedRequest) RequestConverter.parse(json).request()).message())
                .isEmpty();
    }

    @Test
    void launchRequest_isTyped() {
        Request request =
                RequestConverter.parse(envelope(request("LaunchRequest", ""))).request();

        assertThat(request).isInstanceOf(LaunchRequest.class);
        assertThat(request.header().type()).isEqualTo("LaunchRequest");
        assertThat(request.header().requestId()).isEqualTo("amzn1.echo-api.request.1");
        assertThat(request.header().timestamp()).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(request.header().locale()).contains("en-GB");
    }

    @Test
    void intentRequest_carriesIntentNameAndSlotValues() {
        String json = envelope(request("IntentRequest", """
                "dialogState": "COMPLETED",
                "intent": {"name": "AddItemIntent", "confirmationStatus": "NONE",
                  "slots": {"item": {"name": "item", "value": "milk", "confirmationStatus": "NONE"},
                            "list": {"name": "list"}}}
                """));

        IntentRequest request = (IntentRequest) RequestConverter.parse(json).request();

        assertThat(request.intent().name()).isEqualTo("AddItemIntent");
        assertThat(request.intent().slotValue("item")).contains("milk");
        assertThat(request.intent().slotValue("list")).isEmpty();
        assertThat(request.intent().slotValue("absent")).isEmpty();
        assertThat(request.intent().slots()).containsOnlyKeys("item", "list");
        assertThat(request.dialogState()).contains("COMPLETED");
    }

    @Test
    void intentRequestWithoutSlots_hasNoSlots() {
        String json = envelope(request("IntentRequest", "\"intent\": {\"name\": \"AMAZON.HelpIntent\"}"));

        IntentRequest request = (IntentRequest) RequestConverter.parse(json).request();

        assertThat(request.intent().slots()).isEmpty();
        assertThat(request.dialogState()).isEmpty();
    }

    @Test
    void sessionEndedRequest_carriesTheReason() {
        String json = envelope(request("SessionEndedRequest", "\"reason\": \"USER_INITIATED\""));

        SessionEndedRequest request =
                (SessionEndedRequest) RequestConverter.parse(json).request();

        assertThat(request.reason()).contains("USER_INITIATED");
    }

    @Test
    void unknownType_becomesUnknownRequest_keepingTheRequestJson() {
        String json =
                envelope(request("Alexa.Presentation.APL.UserEvent", "\"arguments\": [\"go\", 3], \"token\": \"t\""));

        Request request = RequestConverter.parse(json).request();

        assertThat(request).isInstanceOf(UnknownRequest.class);
        UnknownRequest unknown = (UnknownRequest) request;
        assertThat(unknown.type()).isEqualTo("Alexa.Presentation.APL.UserEvent");
        assertThat(unknown.requestId()).isEqualTo("amzn1.echo-api.request.1");
        assertThat(unknown.json().path("arguments").get(1).asInt()).isEqualTo(3);
        assertThat(unknown.json().path("type").asText()).isEqualTo("Alexa.Presentation.APL.UserEvent");
    }

    @Test
    void unknownRequestJson_cannotBeChangedThroughItsAccessor() {
        UnknownRequest unknown = (UnknownRequest) RequestConverter.parse(envelope(request("Some.Type", "\"x\": 1")))
                .request();

        ((com.fasterxml.jackson.databind.node.ObjectNode) unknown.json()).put("x", 2);

        assertThat(unknown.json().path("x").asInt()).isEqualTo(1);
    }

    @Test
    void unknownSkillEventType_becomesUnknownRequest() {
        String json = envelope(request("AlexaSkillEvent.ProactiveSubscriptionChanged", "\"body\": {}"));

        assertThat(RequestConverter.parse(json).request()).isInstanceOf(UnknownRequest.class);
    }

    @Test
    void parsedValuesAreImmutable() {
        MessageReceivedRequest message = (MessageReceivedRequest)
                RequestConverter.parse(Requests.MESSAGE_RECEIVED_AS_DOCUMENTED).request();

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> message.message().put("k", "v"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
