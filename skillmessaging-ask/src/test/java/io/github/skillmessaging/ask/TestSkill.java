package io.github.skillmessaging.ask;

import com.amazon.ask.Skill;
import com.amazon.ask.Skills;
import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.dispatcher.request.handler.RequestHandler;
import com.amazon.ask.model.Response;
import com.amazon.ask.model.interfaces.messaging.MessageReceivedRequest;
import com.amazon.ask.request.Predicates;
import io.github.skillmessaging.lists.ItemStatus;
import io.github.skillmessaging.lists.ListManagementClient;
import io.github.skillmessaging.request.SkillRequest;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An ASK skill as an ASK developer writes it ({@code Skills.standard()}, request handlers), whose
 * {@code Messaging.MessageReceived} handler writes the message's item into the user's shopping
 * list through this SDK's client. Records every request type its handlers ran for.
 */
final class TestSkill {
    final List<String> handled = new CopyOnWriteArrayList<>();
    /** What each handler got as {@code getContext()}: the VerifiedRequest behind AskSkillServlet. */
    final List<Object> contexts = new CopyOnWriteArrayList<>();

    final Skill skill = Skills.standard()
            .addRequestHandlers(new MessageToList(), new Acknowledge())
            .build();

    final class MessageToList implements RequestHandler {
        @Override
        public boolean canHandle(HandlerInput input) {
            return input.matches(Predicates.requestType(MessageReceivedRequest.class));
        }

        @Override
        public Optional<Response> handle(HandlerInput input) {
            handled.add("Messaging.MessageReceived");
            contexts.add(String.valueOf(input.getContext()));
            // This SDK's typed view of the same request: the message as Map<String, String>.
            SkillRequest request = AskRequests.toSkillRequest(input);
            String item = ((io.github.skillmessaging.request.MessageReceivedRequest) request.request())
                    .message()
                    .get("item");
            ListManagementClient lists = AskLists.forHandlerInput(input); // the request's region and token
            String shopping = lists.findShoppingList().orElseThrow().listId();
            if (lists.findItemByValue(shopping, ItemStatus.ACTIVE, item).isEmpty()) {
                lists.createItem(shopping, item, ItemStatus.ACTIVE);
            }
            return input.getResponseBuilder().build();
        }
    }

    /** Skill events and list events (the skill's own writes come back): acknowledged. */
    final class Acknowledge implements RequestHandler {
        @Override
        public boolean canHandle(HandlerInput input) {
            return true;
        }

        @Override
        public Optional<Response> handle(HandlerInput input) {
            handled.add(
                    input.getRequestEnvelopeJson().path("request").path("type").asText());
            return input.getResponseBuilder().build();
        }
    }
}
