package io.github.skillmessaging.ask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.RequestEnvelope;
import com.amazon.ask.util.JacksonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.skillmessaging.lists.event.ListItemsCreatedEvent;
import io.github.skillmessaging.request.MessageReceivedRequest;
import io.github.skillmessaging.request.SkillRequest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AskAdaptersTest {
    private static final String MESSAGE = """
            {"version":"1.0","context":{"System":{"application":{"applicationId":"amzn1.ask.skill.1"},
             "user":{"userId":"amzn1.ask.account.A"},"apiEndpoint":"https://api.eu.amazonalexa.com",
             "apiAccessToken":"secret-token"}},
             "request":{"type":"Messaging.MessageReceived","requestId":"amzn1.echo-api.request.1",
             "timestamp":"2026-11-25T10:00:00Z","message":{"item":"oat milk","count":2},"newField":"kept"}}""";
    private static final String LIST_EVENT = """
            {"version":"1.0","context":{"System":{"user":{"userId":"amzn1.ask.account.A"},
             "apiEndpoint":"https://api.fe.amazonalexa.com","apiAccessToken":"secret-token"}},
             "request":{"type":"AlexaHouseholdListEvent.ItemsCreated","requestId":"r2","timestamp":"2026-11-25T10:00:00Z",
             "eventCreationTime":"2026-11-25T09:59:59Z","body":{"listId":"L1","listItemIds":["i1","i2"]}}}""";

    private static RequestEnvelope envelope(String json) {
        return new JacksonSerializer().deserialize(json, RequestEnvelope.class);
    }

    @Test
    void userContext_readsUserIdEndpointAndToken_inOneCall_andNeverPrintsTheToken() {
        AskUserContext context = AskUserContext.of(envelope(MESSAGE));
        assertThat(context.userId()).isEqualTo("amzn1.ask.account.A");
        assertThat(context.apiEndpoint()).isEqualTo("https://api.eu.amazonalexa.com");
        assertThat(context.apiAccessToken()).isEqualTo("secret-token");
        assertThat(context.toString()).doesNotContain("secret-token").contains("amzn1.ask.account.A");
        assertThat(AskLists.forRequestEnvelope(envelope(MESSAGE))).isNotNull();
    }

    @Test
    void userContext_namesEveryMissingPart() {
        RequestEnvelope bare = envelope("""
                {"version":"1.0","context":{"System":{}},"request":{"type":"LaunchRequest","requestId":"r",
                 "timestamp":"2026-11-25T10:00:00Z"}}""");
        assertThatThrownBy(() -> AskUserContext.of(bare))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the request has no context.System.user.userId, context.System.apiEndpoint, "
                        + "context.System.apiAccessToken");
        HandlerInput input = HandlerInput.builder().withRequestEnvelope(bare).build();
        assertThatThrownBy(() -> AskLists.forHandlerInput(input)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void typedView_fromTheOriginalJson_givesTheMessageAsStrings_andOptionalContext() throws Exception {
        HandlerInput input = HandlerInput.builder()
                .withRequestEnvelope(envelope(MESSAGE))
                .withRequestEnvelopeJson(new ObjectMapper().readTree(MESSAGE))
                .build();
        SkillRequest request = AskRequests.toSkillRequest(input);
        MessageReceivedRequest message = (MessageReceivedRequest) request.request();
        assertThat(message.message()).containsEntry("item", "oat milk").containsEntry("count", "2");
        assertThat(message.timestamp()).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(request.system().apiEndpoint()).contains("https://api.eu.amazonalexa.com");
    }

    @Test
    void typedView_fromAnEnvelopeAlone_isWrittenAgainByAsksSerializer() {
        SkillRequest request = AskRequests.toSkillRequest(envelope(LIST_EVENT));
        assertThat(request.request()).isInstanceOfSatisfying(ListItemsCreatedEvent.class, created -> {
            assertThat(created.listId()).isEqualTo("L1");
            assertThat(created.listItemIds()).containsExactly("i1", "i2");
            assertThat(created.timestamp()).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
        });
        assertThat(request.userId()).isEqualTo("amzn1.ask.account.A");
    }
}
