package io.github.skillmessaging.request;

import java.util.Objects;
import java.util.Optional;

/**
 * A slot of an {@link Intent}.
 *
 * @param name the slot name
 * @param value what the user said for it, when filled
 */
public record Slot(String name, Optional<String> value) {
    public Slot {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
