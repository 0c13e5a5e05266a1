package io.github.skillmessaging.lists;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.skillmessaging.internal.JsonFields;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An item of a household list.
 *
 * <p>Times are read from ISO-8601 with {@code Z} or an offset, ISO-8601 without a zone (taken as
 * UTC), epoch milliseconds, RFC 1123, and the {@code Wed Jul 19 23:24:10 UTC 2017} form of Amazon's
 * docs; never in the JVM's time zone. A time in any other form is empty rather than an error, so
 * that a new format does not make a whole list unreadable.
 */
public final class ListItem {
    private final JsonNode json;
    private final String id;
    private final long version;
    private final String value;
    private final ItemStatus status;
    private final Optional<Instant> createdTime;
    private final Optional<Instant> updatedTime;
    private final Optional<String> href;

    /** Reads an item object, which has an {@code id} and a {@code status}. */
    ListItem(JsonNode json) {
        this.json = ListJson.requireObject(json, "list item");
        this.id = ListJson.required(json, "id", "list item");
        this.version = JsonFields.longValue(json, "version");
        this.value = JsonFields.text(json, "value").orElse("");
        this.status = ItemStatus.of(ListJson.required(json, "status", "list item"));
        this.createdTime = JsonFields.instant(json, "createdTime");
        this.updatedTime = JsonFields.instant(json, "updatedTime");
        this.href = JsonFields.text(json, "href").filter(s -> !s.isBlank());
    }

    /**
     * Reads an item from its JSON text as the List Management API sends it, e.g. for tests:
     * {@code {"id": "…", "version": 1, "value": "milk", "status": "active"}}.
     *
     * @throws IllegalArgumentException when {@code json} is not a JSON object with an {@code id}
     *     and a {@code status}
     */
    public static ListItem fromJson(String json) {
        return new ListItem(ListJson.parse(json, "list item"));
    }

    /** The item id (stable when the skill is re-enabled). */
    public String id() {
        return id;
    }

    /** The version to send back with an update; {@code 0} when Amazon sent none. */
    public long version() {
        return version;
    }

    /** The item text; empty when Amazon sent none. */
    public String value() {
        return value;
    }

    /** {@link ItemStatus#ACTIVE} or {@link ItemStatus#COMPLETED} (or a newer value). */
    public ItemStatus status() {
        return status;
    }

    /** When the item was created, when known. */
    public Optional<Instant> createdTime() {
        return createdTime;
    }

    /** When the item was last changed, when known. */
    public Optional<Instant> updatedTime() {
        return updatedTime;
    }

    /** The item's path, when Amazon sent one. */
    public Optional<String> href() {
        return href;
    }

    /**
     * Whether {@code text} names this item: both trimmed, compared ignoring case with
     * {@link String#equalsIgnoreCase} (the same in every locale).
     */
    public boolean hasValue(String text) {
        Objects.requireNonNull(text, "text");
        return value.trim().equalsIgnoreCase(text.trim());
    }

    /** A copy of the item object as sent, with the fields this SDK does not model. */
    public JsonNode json() {
        return json.deepCopy();
    }

    private List<Object> values() {
        return List.of(id, version, value, status, createdTime, updatedTime, href);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ListItem that && values().equals(that.values());
    }

    @Override
    public int hashCode() {
        return values().hashCode();
    }

    @Override
    public String toString() {
        return "ListItem[id=" + id + ", version=" + version + ", value=" + value + ", status=" + status
                + ", createdTime=" + createdTime + ", updatedTime=" + updatedTime + ", href=" + href + "]";
    }
}
