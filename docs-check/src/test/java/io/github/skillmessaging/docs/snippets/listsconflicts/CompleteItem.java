package io.github.skillmessaging.docs.snippets.listsconflicts;

// tag::lists-conflicts[]
import io.github.skillmessaging.lists.ItemStatus;
import io.github.skillmessaging.lists.ListItem;
import io.github.skillmessaging.lists.ListManagementClient;
import io.github.skillmessaging.lists.ListPermissionException;
import io.github.skillmessaging.lists.ListVersionConflictException;

public class CompleteItem {
    static void complete(ListManagementClient lists, String listId, ListItem item) {
        try {
            lists.updateItem(listId, item.id(), item.value(), ItemStatus.COMPLETED, item.version());
        } catch (ListVersionConflictException e) {
            ListItem current = lists.getItem(listId, item.id()); // changed meanwhile: read again
            lists.updateItem(listId, current.id(), current.value(), ItemStatus.COMPLETED, current.version());
        } catch (ListPermissionException e) {
            System.err.println("ask the user for " + e.requiredScope()); // e.g. with a permissions card
        }
    }
}
// end::lists-conflicts[]
