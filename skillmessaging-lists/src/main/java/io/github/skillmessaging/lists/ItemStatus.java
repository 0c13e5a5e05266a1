package io.github.skillmessaging.lists;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Objects;

/**
 * The status of a list item, and the status whose items a list read returns: {@link #ACTIVE} or
 * {@link #COMPLETED}.
 *
 * <p>Forward compatible: a value Amazon adds later is kept as it came ({@link #isKnown()} is
 * {@code false}) and sent back unchanged, rather than failing the read. Known values are matched
 * case-insensitively and always sent in Amazon's lower-case form. Compare with {@code equals}.
 */
public final class ItemStatus {
    /** {@code active}: still to do or to buy. */
    public static final ItemStatus ACTIVE = new ItemStatus("active", true);
    /** {@code completed}: done or bought. */
    public static final ItemStatus COMPLETED = new ItemStatus("completed", true);

    private final String value;
    private final boolean known;

    private ItemStatus(String value, boolean known) {
        this.value = value;
        this.known = known;
    }

    /**
     * The status for a wire value: {@link #ACTIVE} or {@link #COMPLETED} whatever the case, else an
     * unknown status carrying {@code value} verbatim.
     *
     * @throws IllegalArgumentException when {@code value} is {@code null} or blank
     */
    @JsonCreator
    public static ItemStatus of(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("item status must not be blank");
        }
        String lower = value.trim().toLowerCase(Locale.ROOT);
        if (lower.equals(ACTIVE.value)) {
            return ACTIVE;
        }
        if (lower.equals(COMPLETED.value)) {
            return COMPLETED;
        }
        return new ItemStatus(value, false);
    }

    /** The wire value, e.g. {@code active}; an unknown value exactly as Amazon sent it. */
    @JsonValue
    public String value() {
        return value;
    }

    /** Whether this is {@link #ACTIVE} or {@link #COMPLETED}. */
    public boolean isKnown() {
        return known;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ItemStatus other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ItemStatus.class, value);
    }

    /** The wire value. */
    @Override
    public String toString() {
        return value;
    }
}
