package io.github.skillmessaging.request;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The intent of an {@link IntentRequest}.
 *
 * @param name the intent name, e.g. {@code AddItemIntent}
 * @param slots the slots by name, in the order sent; empty when none
 */
public record Intent(String name, Map<String, Slot> slots) {
    public Intent {
        Objects.requireNonNull(name, "name");
        slots = Collections.unmodifiableMap(new LinkedHashMap<>(slots));
        slots.forEach((slotName, slot) -> {
            Objects.requireNonNull(slotName, "slot name");
            Objects.requireNonNull(slot, "slot");
        });
    }

    /** The value of the slot named {@code slotName}, when the slot exists and has a value. */
    public Optional<String> slotValue(String slotName) {
        Slot slot = slots.get(slotName);
        return slot == null ? Optional.empty() : slot.value();
    }
}
