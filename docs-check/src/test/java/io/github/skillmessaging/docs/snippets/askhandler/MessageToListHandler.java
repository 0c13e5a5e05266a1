package io.github.skillmessaging.docs.snippets.askhandler;

// tag::ask-message-handler[]
import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.dispatcher.request.handler.RequestHandler;
import com.amazon.ask.model.Response;
import com.amazon.ask.model.interfaces.messaging.MessageReceivedRequest;
import com.amazon.ask.request.Predicates;
import io.github.skillmessaging.ask.AskLists;
import io.github.skillmessaging.ask.AskRequests;
import io.github.skillmessaging.lists.ItemStatus;
import io.github.skillmessaging.lists.ListManagementClient;
import io.github.skillmessaging.lists.ListMetadata;
import io.github.skillmessaging.request.SkillRequest;
import java.util.Optional;

public class MessageToListHandler implements RequestHandler {
    @Override
    public boolean canHandle(HandlerInput input) {
        return input.matches(Predicates.requestType(MessageReceivedRequest.class));
    }

    @Override
    public Optional<Response> handle(HandlerInput input) {
        SkillRequest request = AskRequests.toSkillRequest(input); // this SDK's typed view of the same request
        String item = request.requestAs(io.github.skillmessaging.request.MessageReceivedRequest.class)
                .orElseThrow()
                .message()
                .get("item"); // the sender's data, as strings
        ListManagementClient lists =
                AskLists.forHandlerInput(input); // the request's apiEndpoint (any region) and token
        ListMetadata shopping = lists.findShoppingList().orElseThrow();
        if (lists.findItemByValue(shopping.listId(), ItemStatus.ACTIVE, item).isEmpty()) {
            lists.createItem(shopping.listId(), item, ItemStatus.ACTIVE);
        }
        return input.getResponseBuilder().build(); // acknowledge, or Alexa redelivers
    }
}
// end::ask-message-handler[]
