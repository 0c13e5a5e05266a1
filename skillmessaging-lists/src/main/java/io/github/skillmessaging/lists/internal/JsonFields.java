package io.github.skillmessaging.lists.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Lenient readers of JSON fields, for responses and events whose shape Amazon may extend. */
public final class JsonFields {
    private JsonFields() {
    }

    /** The text of field {@code name}; numbers and booleans as their text; empty when absent or null. */
    public static Optional<String> text(JsonNode node, String name) {
        JsonNode v = node == null ? null : node.get(name);
        if (v == null || v.isNull() || !v.isValueNode()) {
            return Optional.empty();
        }
        return Optional.of(v.asText());
    }

    /**
     * The text of field {@code name}, which must be present and not blank.
     *
     * @throws IllegalArgumentException naming the field and {@code where}
     */
    public static String requiredText(JsonNode node, String name, String where) {
        return text(node, name).filter(s -> !s.isBlank())
                .orElseThrow(() -> new IllegalArgumentException(where + " has no \"" + name + "\""));
    }

    /** Field {@code name} as a long: a JSON integer or a string of digits; {@code 0} when absent or not a number. */
    public static long longValue(JsonNode node, String name) {
        JsonNode v = node == null ? null : node.get(name);
        if (v == null || v.isNull()) {
            return 0;
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        if (v.isTextual()) {
            try {
                return Long.parseLong(v.textValue().trim());
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    /** The texts of array field {@code name}, skipping nulls; empty when absent or not an array. */
    public static List<String> texts(JsonNode node, String name) {
        JsonNode v = node == null ? null : node.get(name);
        List<String> out = new ArrayList<>();
        if (v != null && v.isArray()) {
            for (JsonNode e : v) {
                if (e != null && e.isValueNode() && !e.isNull()) {
                    out.add(e.asText());
                }
            }
        }
        return List.copyOf(out);
    }

    /** The objects of array field {@code name}; empty when absent or not an array. */
    public static List<JsonNode> objects(JsonNode node, String name) {
        JsonNode v = node == null ? null : node.get(name);
        List<JsonNode> out = new ArrayList<>();
        if (v != null && v.isArray()) {
            for (JsonNode e : v) {
                if (e != null && e.isObject()) {
                    out.add(e);
                }
            }
        }
        return out;
    }
}
