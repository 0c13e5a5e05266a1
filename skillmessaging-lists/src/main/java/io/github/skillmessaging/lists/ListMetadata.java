package io.github.skillmessaging.lists;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.skillmessaging.internal.JsonFields;
import java.util.ArrayList;
import java.util.List;

/**
 * A household list without its items, as {@link ListManagementClient#getListsMetadata()} and the
 * list create and update calls return it.
 */
public final class ListMetadata {
    private final JsonNode json;
    private final String listId;
    private final String name;
    private final ListState state;
    private final long version;
    private final List<ListStatusLink> statusMap;

    /** Reads a list object, which has a {@code listId} and a {@code state}. */
    ListMetadata(JsonNode json) {
        this.json = ListJson.requireObject(json, "list");
        this.listId = ListJson.required(json, "listId", "list");
        this.name = JsonFields.text(json, "name").orElse("");
        this.state = ListState.of(ListJson.required(json, "state", "list"));
        this.version = JsonFields.longValue(json, "version");
        List<ListStatusLink> links = new ArrayList<>();
        for (JsonNode link : JsonFields.objects(json, "statusMap")) {
            links.add(new ListStatusLink(link));
        }
        this.statusMap = List.copyOf(links);
    }

    /**
     * Reads a list's metadata from its JSON text as the List Management API sends it, e.g. for
     * tests: {@code {"listId": "…", "name": "Alexa shopping list", "state": "active", "version": 1}}.
     *
     * @throws IllegalArgumentException when {@code json} is not a JSON object with a {@code listId}
     *     and a {@code state}
     */
    public static ListMetadata fromJson(String json) {
        return new ListMetadata(ListJson.parse(json, "list"));
    }

    /** The list id (base64; stable when the skill is re-enabled). */
    public String listId() {
        return listId;
    }

    /** The list name; empty when Amazon sent none. */
    public String name() {
        return name;
    }

    /** {@link ListState#ACTIVE} or {@link ListState#ARCHIVED} (or a newer value). */
    public ListState state() {
        return state;
    }

    /** The version to send back with an update; {@code 0} when Amazon sent none. */
    public long version() {
        return version;
    }

    /** Where to read the items of each status; unmodifiable, may be empty. */
    public List<ListStatusLink> statusMap() {
        return statusMap;
    }

    /** Whether this is the user's Alexa shopping list (see {@link DefaultLists}). */
    public boolean isDefaultShoppingList() {
        return DefaultLists.isShoppingList(listId);
    }

    /** Whether this is the user's Alexa to-do list (see {@link DefaultLists}). */
    public boolean isDefaultToDoList() {
        return DefaultLists.isToDoList(listId);
    }

    /** A copy of the list object as sent, with the fields this SDK does not model. */
    public JsonNode json() {
        return json.deepCopy();
    }

    private List<Object> values() {
        return List.of(listId, name, state, version, statusMap);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ListMetadata that && values().equals(that.values());
    }

    @Override
    public int hashCode() {
        return values().hashCode();
    }

    @Override
    public String toString() {
        return "ListMetadata[listId=" + listId + ", name=" + name + ", state=" + state + ", version=" + version
                + ", statusMap=" + statusMap + "]";
    }
}
