package io.github.skillmessaging.request;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The intent of an {@link IntentRequest}; {@link #json()} has its confirmation status and the rest. */
public final class Intent {
    private final JsonNode json;
    private final String name;
    private final Map<String, Slot> slots;

    /** Reads {@code request.intent}, which has a string {@code name}. */
    Intent(JsonNode json) {
        this.json = json;
        this.name = RequestFields.requiredText(json, "name", "request.intent.name");
        Map<String, Slot> read = new LinkedHashMap<>();
        RequestFields.object(json, "slots")
                .ifPresent(object -> object.properties().forEach(entry -> {
                    if (entry.getValue().isObject()) {
                        read.put(entry.getKey(), new Slot(entry.getKey(), entry.getValue()));
                    }
                }));
        this.slots = Collections.unmodifiableMap(read);
    }

    /** The intent name, e.g. {@code AddItemIntent}. */
    public String name() {
        return name;
    }

    /** The slots by name, in the order sent; empty when none. */
    public Map<String, Slot> slots() {
        return slots;
    }

    /** The value of the slot named {@code slotName}, when the slot exists and has a value. */
    public Optional<String> slotValue(String slotName) {
        Slot slot = slots.get(slotName);
        return slot == null ? Optional.empty() : slot.value();
    }

    /** A copy of {@code request.intent} as sent, with the fields this SDK does not model. */
    public JsonNode json() {
        return json.deepCopy();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Intent that && name.equals(that.name) && slots.equals(that.slots);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + slots.hashCode();
    }

    @Override
    public String toString() {
        return "Intent[name=" + name + ", slots=" + slots + "]";
    }
}
