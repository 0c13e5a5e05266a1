package io.github.skillmessaging.lists;

import java.util.Objects;

/**
 * One entry of a list's {@code statusMap}: where to read the list's items of one status.
 *
 * @param href the path of the items, e.g. {@code /v2/householdlists/{listId}/active}
 * @param status the item status the path returns
 */
public record ListStatusLink(String href, ItemStatus status) {
    public ListStatusLink {
        Objects.requireNonNull(href, "href");
        Objects.requireNonNull(status, "status");
    }
}
