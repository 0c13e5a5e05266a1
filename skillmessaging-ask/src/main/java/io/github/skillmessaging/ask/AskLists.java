package io.github.skillmessaging.ask;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.RequestEnvelope;
import io.github.skillmessaging.lists.ListManagementClient;

/**
 * This SDK's {@link ListManagementClient} for the request an ASK handler is handling, in one call:
 * it replaces {@code handlerInput.getServiceClientFactory().getListManagementService()}, which
 * always calls North America, with a client that calls the request's own {@code apiEndpoint}.
 *
 * <pre>{@code
 * ListManagementClient lists = AskLists.forHandlerInput(input);
 * lists.createItem(lists.findShoppingList().orElseThrow().listId(), "eggs", ItemStatus.ACTIVE);
 * }</pre>
 */
public final class AskLists {
    private AskLists() {}

    /**
     * The client for the user of {@code input}'s request.
     *
     * @throws IllegalArgumentException naming what the request lacks (user id, endpoint or token)
     */
    public static ListManagementClient forHandlerInput(HandlerInput input) {
        return AskUserContext.of(input).lists();
    }

    /**
     * The client for the user of an ASK request envelope.
     *
     * @throws IllegalArgumentException naming what the request lacks (user id, endpoint or token)
     */
    public static ListManagementClient forRequestEnvelope(RequestEnvelope envelope) {
        return AskUserContext.of(envelope).lists();
    }

    /**
     * A builder with the endpoint and token of {@code input}'s request set, for retries, timeouts
     * or a transport of your own.
     *
     * @throws IllegalArgumentException naming what the request lacks
     */
    public static ListManagementClient.Builder builder(HandlerInput input) {
        return AskUserContext.of(input).listsBuilder();
    }
}
