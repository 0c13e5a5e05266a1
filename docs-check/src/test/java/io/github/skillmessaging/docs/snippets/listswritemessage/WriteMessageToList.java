package io.github.skillmessaging.docs.snippets.listswritemessage;

// tag::lists-write-message[]
import io.github.skillmessaging.lists.ItemStatus;
import io.github.skillmessaging.lists.ListManagementClient;
import io.github.skillmessaging.lists.ListMetadata;
import io.github.skillmessaging.request.MessageReceivedRequest;
import io.github.skillmessaging.request.RequestConverter;
import io.github.skillmessaging.request.SkillRequest;

public class WriteMessageToList {
    /** Call after RequestVerifier.verify(body, headers) succeeded. */
    static void onRequest(byte[] body) {
        SkillRequest request = RequestConverter.parse(body);
        if (request.request() instanceof MessageReceivedRequest message) { // e.g. {"item": "oat milk"}
            ListManagementClient lists = ListManagementClient.forRequest(request); // its apiEndpoint and apiAccessToken
            ListMetadata shopping = lists.findShoppingList().orElseThrow();
            String value = message.message().get("item");
            if (lists.findItemByValue(shopping.listId(), ItemStatus.ACTIVE, value)
                    .isEmpty()) {
                lists.createItem(shopping.listId(), value, ItemStatus.ACTIVE);
            }
        }
    }
}
// end::lists-write-message[]
