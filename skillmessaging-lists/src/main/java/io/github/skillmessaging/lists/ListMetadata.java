package io.github.skillmessaging.lists;

import java.util.List;
import java.util.Objects;

/**
 * A household list without its items, as {@link ListManagementClient#getListsMetadata()} and the
 * list create and update calls return it.
 *
 * @param listId the list id (base64; stable when the skill is re-enabled)
 * @param name the list name; empty when Amazon sent none
 * @param state {@link ListState#ACTIVE} or {@link ListState#ARCHIVED} (or a newer value)
 * @param version the version to send back with an update; {@code 0} when Amazon sent none
 * @param statusMap where to read the items of each status; unmodifiable, may be empty
 */
public record ListMetadata(String listId, String name, ListState state, long version, List<ListStatusLink> statusMap) {
    public ListMetadata {
        Objects.requireNonNull(listId, "listId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        statusMap = List.copyOf(statusMap);
    }

    /** Whether this is the user's Alexa shopping list (see {@link DefaultLists}). */
    public boolean isDefaultShoppingList() {
        return DefaultLists.isShoppingList(listId);
    }

    /** Whether this is the user's Alexa to-do list (see {@link DefaultLists}). */
    public boolean isDefaultToDoList() {
        return DefaultLists.isToDoList(listId);
    }
}
