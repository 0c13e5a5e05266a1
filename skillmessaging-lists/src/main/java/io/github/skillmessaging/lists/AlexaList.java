package io.github.skillmessaging.lists;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a household list with its items of one status, as
 * {@link ListManagementClient#getList} returns it.
 *
 * @param listId the list id
 * @param name the list name; empty when Amazon sent none
 * @param state the list state
 * @param version the list version; {@code 0} when Amazon sent none
 * @param items the items of this page; unmodifiable, may be empty
 * @param nextLink {@code links.next} as Amazon sent it: the next page, when there is one (follow it
 *     with {@link ListManagementClient#getNextPage} or read all pages with
 *     {@link ListManagementClient#getAllItems})
 */
public record AlexaList(
        String listId, String name, ListState state, long version, List<ListItem> items, Optional<String> nextLink) {
    public AlexaList {
        Objects.requireNonNull(listId, "listId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        items = List.copyOf(items);
        Objects.requireNonNull(nextLink, "nextLink");
    }

    /** Whether Amazon has another page of items. */
    public boolean hasNextPage() {
        return nextLink.isPresent();
    }

    /**
     * The first item of this page whose value matches {@code value} as {@link ListItem#hasValue}
     * says: trimmed, ignoring case. Only this page: use
     * {@link ListManagementClient#findItemByValue} to search all pages.
     */
    public Optional<ListItem> findItemByValue(String value) {
        Objects.requireNonNull(value, "value");
        return items.stream().filter(item -> item.hasValue(value)).findFirst();
    }
}
