package io.github.skillmessaging.request;

import static io.github.skillmessaging.request.Requests.envelope;
import static io.github.skillmessaging.request.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every request model gives the JSON it was read from, so a field Amazon adds can be read today. */
class UnmodelledFieldsTest {
    private static final String FULL = """
            {"version": "1.0", "newTopLevel": 1,
             "session": {"new": false, "sessionId": "s", "attributes": {"cart": 3}},
             "context": {"AudioPlayer": {"playerActivity": "IDLE"},
               "System": {"newSystemField": "sys",
                 "application": {"applicationId": "amzn1.ask.skill.test", "newApplicationField": "app"},
                 "user": {"userId": "u", "newUserField": "usr", "permissions": {"consentToken": "c", "newPermissionsField": "perm"}},
                 "device": {"deviceId": "d", "supportedInterfaces": {}, "persistentEndpointId": "dev"},
                 "apiEndpoint": "https://api.amazonalexa.com"}},
             "request": {"type": "IntentRequest", "requestId": "r", "timestamp": "2026-11-25T10:00:00Z",
               "newRequestField": "req",
               "intent": {"name": "AddItemIntent", "confirmationStatus": "CONFIRMED",
                 "slots": {"item": {"name": "item", "value": "milk", "slotValue": {"type": "Simple"}}}}}}
            """;

    @Test
    void everyPartOfTheEnvelope_givesItsJson_withTheFieldsTheSdkDoesNotModel() {
        SkillRequest skillRequest = RequestConverter.parse(FULL);
        SystemContext system = skillRequest.system();
        IntentRequest intentRequest = (IntentRequest) skillRequest.request();

        assertThat(skillRequest.json().path("newTopLevel").asInt()).isEqualTo(1);
        assertThat(skillRequest
                        .session()
                        .orElseThrow()
                        .json()
                        .path("attributes")
                        .path("cart")
                        .asInt())
                .isEqualTo(3);
        assertThat(skillRequest
                        .context()
                        .json()
                        .path("AudioPlayer")
                        .path("playerActivity")
                        .asText())
                .isEqualTo("IDLE");
        assertThat(system.json().path("newSystemField").asText()).isEqualTo("sys");
        assertThat(system.application()
                        .orElseThrow()
                        .json()
                        .path("newApplicationField")
                        .asText())
                .isEqualTo("app");
        assertThat(system.user().json().path("newUserField").asText()).isEqualTo("usr");
        assertThat(system.user()
                        .permissions()
                        .orElseThrow()
                        .json()
                        .path("newPermissionsField")
                        .asText())
                .isEqualTo("perm");
        assertThat(system.device()
                        .orElseThrow()
                        .json()
                        .path("persistentEndpointId")
                        .asText())
                .isEqualTo("dev");
        assertThat(intentRequest.json().path("newRequestField").asText()).isEqualTo("req");
        assertThat(intentRequest.header().json()).isEqualTo(intentRequest.json());
        assertThat(intentRequest.intent().json().path("confirmationStatus").asText())
                .isEqualTo("CONFIRMED");
        assertThat(intentRequest
                        .intent()
                        .slots()
                        .get("item")
                        .json()
                        .path("slotValue")
                        .path("type")
                        .asText())
                .isEqualTo("Simple");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Messaging.MessageReceived",
                "LaunchRequest",
                "SessionEndedRequest",
                "AlexaSkillEvent.SkillEnabled",
                "AlexaSkillEvent.SkillDisabled",
                "AlexaSkillEvent.SkillAccountLinked",
                "AlexaSkillEvent.SkillPermissionAccepted",
                "AlexaSkillEvent.SkillPermissionChanged",
                "Some.TypeNobodyConverts"
            })
    void everyRequestType_givesTheWholeRequestObject(String type) {
        Request request = RequestConverter.parse(envelope(request(type, "\"body\": {\"newBodyField\": \"b\"}")))
                .request();

        assertThat(request.json().path("type").asText()).isEqualTo(type);
        assertThat(request.json().path("body").path("newBodyField").asText()).isEqualTo("b");
    }

    @Test
    void aConvertersOwnRequestType_getsJsonFromItsHeader() {
        RequestConverter converter = RequestConverter.builder()
                .discoverConverters(false)
                .add(new TaggedRequest.ExactConverter("mine", "Test.Own"))
                .build();

        Request request =
                converter.convert(envelope(request("Test.Own", "\"extra\": 7"))).request();

        assertThat(request).isInstanceOf(TaggedRequest.class);
        assertThat(request.json().path("extra").asInt()).isEqualTo(7);
    }

    @Test
    void json_isACopy_changingItChangesNothing() {
        SkillRequest skillRequest = RequestConverter.parse(FULL);

        ((ObjectNode) skillRequest.json()).put("version", "2.0");
        ((ObjectNode) skillRequest.request().json()).put("type", "Changed");
        ((ObjectNode) skillRequest.system().user().json()).put("userId", "someone else");

        assertThat(skillRequest.json().path("version").asText()).isEqualTo("1.0");
        assertThat(skillRequest.request().json().path("type").asText()).isEqualTo("IntentRequest");
        assertThat(skillRequest.system().user().json().path("userId").asText()).isEqualTo("u");
        assertThat(skillRequest.userId()).isEqualTo("u");
    }

    @Test
    void equality_isOnTheModelledValues() {
        SkillRequest one = RequestConverter.parse(FULL);
        SkillRequest same = RequestConverter.parse(FULL);
        SkillRequest otherUnmodelledField = RequestConverter.parse(FULL.replace("\"sys\"", "\"other\""));
        SkillRequest otherUser = RequestConverter.parse(FULL.replace("\"userId\": \"u\"", "\"userId\": \"v\""));

        assertThat(one).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(one).isEqualTo(otherUnmodelledField);
        assertThat(one).isNotEqualTo(otherUser);
        assertThat(one.toString()).doesNotContain("newSystemField", "sys\"");
    }

    @Test
    void modelsAreFinalClasses_withoutPublicConstructors() {
        for (Class<?> model : List.of(
                SkillRequest.class,
                Context.class,
                SystemContext.class,
                Application.class,
                User.class,
                Permissions.class,
                Device.class,
                Session.class,
                RequestHeader.class,
                Intent.class,
                Slot.class,
                LaunchRequest.class,
                IntentRequest.class,
                SessionEndedRequest.class,
                MessageReceivedRequest.class,
                SkillEnabledRequest.class,
                SkillDisabledRequest.class,
                SkillAccountLinkedRequest.class,
                SkillPermissionAcceptedRequest.class,
                SkillPermissionChangedRequest.class,
                UnknownRequest.class)) {
            assertThat(model.isRecord()).as(model.getSimpleName()).isFalse();
            assertThat(Modifier.isFinal(model.getModifiers()))
                    .as(model.getSimpleName())
                    .isTrue();
            assertThat(model.getConstructors()).as(model.getSimpleName()).isEmpty();
            assertThat(hasJsonAccessor(model)).as(model.getSimpleName()).isTrue();
        }
    }

    private static boolean hasJsonAccessor(Class<?> model) {
        try {
            return model.getMethod("json").getReturnType() == JsonNode.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
