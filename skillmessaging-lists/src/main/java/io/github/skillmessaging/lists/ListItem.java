package io.github.skillmessaging.lists;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An item of a household list.
 *
 * <p>Times are read from ISO-8601 with {@code Z} or an offset, ISO-8601 without a zone (taken as
 * UTC), epoch milliseconds, RFC 1123, and the {@code Wed Jul 19 23:24:10 UTC 2017} form of Amazon's
 * docs; never in the JVM's time zone. A time in any other form is empty rather than an error, so
 * that a new format does not make a whole list unreadable.
 *
 * @param id the item id (stable when the skill is re-enabled)
 * @param version the version to send back with an update; {@code 0} when Amazon sent none
 * @param value the item text; empty when Amazon sent none
 * @param status {@link ItemStatus#ACTIVE} or {@link ItemStatus#COMPLETED} (or a newer value)
 * @param createdTime when the item was created, when known
 * @param updatedTime when the item was last changed, when known
 * @param href the item's path, when Amazon sent one
 */
public record ListItem(
        String id,
        long version,
        String value,
        ItemStatus status,
        Optional<Instant> createdTime,
        Optional<Instant> updatedTime,
        Optional<String> href) {
    public ListItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdTime, "createdTime");
        Objects.requireNonNull(updatedTime, "updatedTime");
        Objects.requireNonNull(href, "href");
    }

    /**
     * Whether {@code text} names this item: both trimmed, compared ignoring case with
     * {@link String#equalsIgnoreCase} (the same in every locale).
     */
    public boolean hasValue(String text) {
        Objects.requireNonNull(text, "text");
        return value.trim().equalsIgnoreCase(text.trim());
    }
}
