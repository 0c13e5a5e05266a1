package io.github.skillmessaging.lists;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Objects;

/**
 * The state of a list: {@link #ACTIVE} or {@link #ARCHIVED} (read-only: its items can be read but
 * not changed).
 *
 * <p>Forward compatible: a value Amazon adds later is kept as it came ({@link #isKnown()} is
 * {@code false}) and sent back unchanged, rather than failing the read. Known values are matched
 * case-insensitively and always sent in Amazon's lower-case form. Compare with {@code equals}.
 */
public final class ListState {
    /** {@code active}: in use, can be changed. */
    public static final ListState ACTIVE = new ListState("active", true);
    /** {@code archived}: read-only. */
    public static final ListState ARCHIVED = new ListState("archived", true);

    private final String value;
    private final boolean known;

    private ListState(String value, boolean known) {
        this.value = value;
        this.known = known;
    }

    /**
     * The state for a wire value: {@link #ACTIVE} or {@link #ARCHIVED} whatever the case, else an
     * unknown state carrying {@code value} verbatim.
     *
     * @throws IllegalArgumentException when {@code value} is {@code null} or blank
     */
    @JsonCreator
    public static ListState of(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("list state must not be blank");
        }
        String lower = value.trim().toLowerCase(Locale.ROOT);
        if (lower.equals(ACTIVE.value)) {
            return ACTIVE;
        }
        if (lower.equals(ARCHIVED.value)) {
            return ARCHIVED;
        }
        return new ListState(value, false);
    }

    /** The wire value, e.g. {@code active}; an unknown value exactly as Amazon sent it. */
    @JsonValue
    public String value() {
        return value;
    }

    /** Whether this is {@link #ACTIVE} or {@link #ARCHIVED}. */
    public boolean isKnown() {
        return known;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ListState other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ListState.class, value);
    }

    /** The wire value. */
    @Override
    public String toString() {
        return value;
    }
}
