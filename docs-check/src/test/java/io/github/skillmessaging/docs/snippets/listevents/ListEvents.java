package io.github.skillmessaging.docs.snippets.listevents;

// tag::list-events[]
import io.github.skillmessaging.lists.ListItem;
import io.github.skillmessaging.lists.ListManagementClient;
import io.github.skillmessaging.lists.event.ListItemsCreatedEvent;
import io.github.skillmessaging.request.RequestConverter;
import io.github.skillmessaging.request.SkillRequest;

public class ListEvents {
    /** Call after RequestVerifier.verify(body, headers) succeeded. */
    static void onRequest(byte[] body) {
        SkillRequest request = RequestConverter.parse(body);
        if (request.request() instanceof ListItemsCreatedEvent created) {
            ListManagementClient lists = ListManagementClient.forRequest(request);
            for (String itemId : created.listItemIds()) {
                ListItem item = lists.getItem(created.listId(), itemId);
                System.out.println("copy to the provider: " + item.value());
            }
        }
    }
}
// end::list-events[]
