package io.github.skillmessaging.lists;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;

/**
 * The status of a list item, and the status whose items a list read returns: {@link #ACTIVE} or
 * {@link #COMPLETED}.
 *
 * <p>Forward compatible: a value Amazon adds later is kept as it came ({@link #isKnown()} is
 * {@code false}) and sent back unchanged, rather than failing the read. Known values are matched
 * case-insensitively and always sent in Amazon's lower-case form. Compare with {@code equals}.
 */
public final class ItemStatus extends WireValue {
    /** {@code active}: still to do or to buy. */
    public static final ItemStatus ACTIVE = new ItemStatus("active", true);
    /** {@code completed}: done or bought. */
    public static final ItemStatus COMPLETED = new ItemStatus("completed", true);

    private ItemStatus(String value, boolean known) {
        super(value, known);
    }

    /**
     * The status for a wire value: {@link #ACTIVE} or {@link #COMPLETED} whatever the case, else an
     * unknown status carrying {@code value} verbatim.
     *
     * @throws IllegalArgumentException when {@code value} is {@code null} or blank
     */
    @JsonCreator
    public static ItemStatus of(String value) {
        return of(value, "item status", List.of(ACTIVE, COMPLETED), unknown -> new ItemStatus(unknown, false));
    }
}
