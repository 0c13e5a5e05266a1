package io.github.skillmessaging.lists;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;

/**
 * The state of a list: {@link #ACTIVE} or {@link #ARCHIVED} (read-only: its items can be read but
 * not changed).
 *
 * <p>Forward compatible: a value Amazon adds later is kept as it came ({@link #isKnown()} is
 * {@code false}) and sent back unchanged, rather than failing the read. Known values are matched
 * case-insensitively and always sent in Amazon's lower-case form. Compare with {@code equals}.
 */
public final class ListState extends WireValue {
    /** {@code active}: in use, can be changed. */
    public static final ListState ACTIVE = new ListState("active", true);
    /** {@code archived}: read-only. */
    public static final ListState ARCHIVED = new ListState("archived", true);

    private ListState(String value, boolean known) {
        super(value, known);
    }

    /**
     * The state for a wire value: {@link #ACTIVE} or {@link #ARCHIVED} whatever the case, else an
     * unknown state carrying {@code value} verbatim.
     *
     * @throws IllegalArgumentException when {@code value} is {@code null} or blank
     */
    @JsonCreator
    public static ListState of(String value) {
        return of(value, "list state", List.of(ACTIVE, ARCHIVED), unknown -> new ListState(unknown, false));
    }
}
