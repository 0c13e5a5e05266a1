package io.github.skillmessaging.request;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** A slot of an {@link Intent}; {@link #json()} has its resolutions and the rest. */
public final class Slot {
    private final JsonNode json;
    private final String name;
    private final Optional<String> value;

    /** Reads the slot object {@code json} found under the key {@code key} of {@code intent.slots}. */
    Slot(String key, JsonNode json) {
        this.json = json;
        this.name = RequestFields.text(json, "name").orElse(key);
        this.value = RequestFields.text(json, "value");
    }

    /** The slot name (its key in {@code intent.slots} when the slot carries none). */
    public String name() {
        return name;
    }

    /** What the user said for it, when filled. */
    public Optional<String> value() {
        return value;
    }

    /** A copy of the slot object as sent, with the fields this SDK does not model. */
    public JsonNode json() {
        return json.deepCopy();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Slot that && name.equals(that.name) && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + value.hashCode();
    }

    @Override
    public String toString() {
        return "Slot[name=" + name + ", value=" + value + "]";
    }
}
