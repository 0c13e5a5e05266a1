package io.github.skillmessaging.lists;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.skillmessaging.internal.JsonFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a household list with its items of one status, as
 * {@link ListManagementClient#getList} returns it.
 */
public final class AlexaList {
    private final JsonNode json;
    private final String listId;
    private final String name;
    private final ListState state;
    private final long version;
    private final List<ListItem> items;
    private final Optional<String> nextLink;

    /** Reads a list page object, which has a {@code listId} and a {@code state}. */
    AlexaList(JsonNode json) {
        this.json = ListJson.requireObject(json, "list");
        this.listId = ListJson.required(json, "listId", "list");
        this.name = JsonFields.text(json, "name").orElse("");
        this.state = ListState.of(ListJson.required(json, "state", "list"));
        this.version = JsonFields.longValue(json, "version");
        List<ListItem> read = new ArrayList<>();
        for (JsonNode item : JsonFields.objects(json, "items")) {
            read.add(new ListItem(item));
        }
        this.items = List.copyOf(read);
        this.nextLink =
                JsonFields.text(json.path("links"), "next").map(String::trim).filter(s -> !s.isEmpty());
    }

    /**
     * Reads a page from its JSON text as the List Management API sends it, e.g. for tests:
     * {@code {"listId": "…", "name": "…", "state": "active", "version": 1, "items": [ … ]}}.
     *
     * @throws IllegalArgumentException when {@code json} is not a JSON object with a {@code listId}
     *     and a {@code state}, or an item lacks an {@code id} or {@code status}
     */
    public static AlexaList fromJson(String json) {
        return new AlexaList(ListJson.parse(json, "list"));
    }

    /** The list id. */
    public String listId() {
        return listId;
    }

    /** The list name; empty when Amazon sent none. */
    public String name() {
        return name;
    }

    /** The list state. */
    public ListState state() {
        return state;
    }

    /** The list version; {@code 0} when Amazon sent none. */
    public long version() {
        return version;
    }

    /** The items of this page; unmodifiable, may be empty. */
    public List<ListItem> items() {
        return items;
    }

    /**
     * {@code links.next} as Amazon sent it: the next page, when there is one (follow it with
     * {@link ListManagementClient#getNextPage} or read all pages with
     * {@link ListManagementClient#getAllItems}).
     */
    public Optional<String> nextLink() {
        return nextLink;
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

    /** A copy of the page object as sent (items included), with the fields this SDK does not model. */
    public JsonNode json() {
        return json.deepCopy();
    }

    private List<Object> values() {
        return List.of(listId, name, state, version, items, nextLink);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AlexaList that && values().equals(that.values());
    }

    @Override
    public int hashCode() {
        return values().hashCode();
    }

    @Override
    public String toString() {
        return "AlexaList[listId=" + listId + ", name=" + name + ", state=" + state + ", version=" + version
                + ", items=" + items + ", nextLink=" + nextLink + "]";
    }
}
