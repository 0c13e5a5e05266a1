package io.github.skillmessaging.lists;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A forward-compatible enumeration as Amazon's JSON carries it: the known values are constants, a
 * value Amazon adds later is kept as it came ({@link #isKnown()} is {@code false}) and sent back
 * unchanged. Known values match case-insensitively and are sent in Amazon's lower-case form.
 */
abstract class WireValue {
    private final String value;
    private final boolean known;

    WireValue(String value, boolean known) {
        this.value = value;
        this.known = known;
    }

    /** The constant of {@code known} whose value is {@code value} in any case, else {@code unknown}'s. */
    static <T extends WireValue> T of(String value, String what, List<T> known, Function<String, T> unknown) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        String lower = value.trim().toLowerCase(Locale.ROOT);
        for (T constant : known) {
            if (constant.value().equals(lower)) {
                return constant;
            }
        }
        return unknown.apply(value);
    }

    /** The wire value, e.g. {@code active}; an unknown value exactly as Amazon sent it. */
    @JsonValue
    public String value() {
        return value;
    }

    /** Whether this is one of the constants. */
    public boolean isKnown() {
        return known;
    }

    @Override
    @SuppressWarnings("EqualsGetClass") // an ItemStatus never equals a ListState of the same text
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && value.equals(((WireValue) o).value);
    }

    @Override
    public int hashCode() {
        return getClass().hashCode() * 31 + value.hashCode();
    }

    /** The wire value. */
    @Override
    public String toString() {
        return value;
    }
}
