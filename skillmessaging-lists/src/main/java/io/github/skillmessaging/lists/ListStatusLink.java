package io.github.skillmessaging.lists;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.skillmessaging.internal.JsonFields;

/** One entry of a list's {@code statusMap}: where to read the list's items of one status. */
public final class ListStatusLink {
    private final JsonNode json;
    private final String href;
    private final ItemStatus status;

    /** Reads a {@code statusMap} entry, which has a {@code status}. */
    ListStatusLink(JsonNode json) {
        this.json = ListJson.requireObject(json, "statusMap entry");
        this.href = JsonFields.text(json, "href").orElse("");
        this.status = ItemStatus.of(ListJson.required(json, "status", "statusMap entry"));
    }

    /**
     * Reads a {@code statusMap} entry from its JSON text, e.g. for tests.
     *
     * @throws IllegalArgumentException when {@code json} is not a JSON object with a {@code status}
     */
    public static ListStatusLink fromJson(String json) {
        return new ListStatusLink(ListJson.parse(json, "statusMap entry"));
    }

    /** The path of the items, e.g. {@code /v2/householdlists/{listId}/active}; empty when Amazon sent none. */
    public String href() {
        return href;
    }

    /** The item status the path returns. */
    public ItemStatus status() {
        return status;
    }

    /** A copy of the entry as sent, with the fields this SDK does not model. */
    public JsonNode json() {
        return json.deepCopy();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ListStatusLink that && href.equals(that.href) && status.equals(that.status);
    }

    @Override
    public int hashCode() {
        return 31 * href.hashCode() + status.hashCode();
    }

    @Override
    public String toString() {
        return "ListStatusLink[href=" + href + ", status=" + status + "]";
    }
}
