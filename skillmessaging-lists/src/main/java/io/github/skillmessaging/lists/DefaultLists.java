package io.github.skillmessaging.lists;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * Recognises the user's default Alexa lists by their id, whatever their localised name.
 *
 * <p>Amazon documents that the id of a default list is base64 of a value ending in
 * {@value #SHOPPING_SUFFIX} (shopping list) or {@value #TODO_SUFFIX} (to-do list). Ids are decoded
 * with the standard or the URL-safe alphabet, padding optional; an id that is not base64 is
 * compared as it is. Nothing here throws for a malformed id: it is simply not a default list.
 */
public final class DefaultLists {
    /** End of the decoded id of the shopping list. */
    public static final String SHOPPING_SUFFIX = "-SHOPPING_ITEM";
    /** End of the decoded id of the to-do list. */
    public static final String TODO_SUFFIX = "-TASK";

    private DefaultLists() {}

    /** Whether {@code listId} is the id of the Alexa shopping list. */
    public static boolean isShoppingList(String listId) {
        return decoded(listId).endsWith(SHOPPING_SUFFIX);
    }

    /** Whether {@code listId} is the id of the Alexa to-do list. */
    public static boolean isToDoList(String listId) {
        return decoded(listId).endsWith(TODO_SUFFIX);
    }

    /** The shopping list among {@code lists}, if there. */
    public static Optional<ListMetadata> findShoppingList(Collection<ListMetadata> lists) {
        Objects.requireNonNull(lists, "lists");
        return lists.stream().filter(ListMetadata::isDefaultShoppingList).findFirst();
    }

    /** The to-do list among {@code lists}, if there. */
    public static Optional<ListMetadata> findToDoList(Collection<ListMetadata> lists) {
        Objects.requireNonNull(lists, "lists");
        return lists.stream().filter(ListMetadata::isDefaultToDoList).findFirst();
    }

    private static String decoded(String listId) {
        if (listId == null) {
            return "";
        }
        String id = listId.trim();
        try {
            return new String(Base64.getDecoder().decode(id), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notStandard) {
            try {
                return new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notBase64) {
                return id;
            }
        }
    }
}
