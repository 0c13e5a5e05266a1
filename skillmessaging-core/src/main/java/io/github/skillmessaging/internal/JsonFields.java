package io.github.skillmessaging.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one set of readers of typed JSON fields, for requests, events and API answers whose shape
 * Amazon may extend (public face: {@code request.RequestFields}). Lenient: a missing field, a
 * JSON {@code null} or a value of the wrong kind reads as absent, except in the {@code required}
 * readers, whose errors name the field's path, never its value. Every reader accepts a
 * {@code null} object as one without fields.
 */
public final class JsonFields {
    private JsonFields() {}

    private static JsonNode field(JsonNode object, String field) {
        return object == null ? null : object.get(field);
    }

    private static boolean isText(JsonNode value) {
        return value != null && (value.isTextual() || value.isNumber() || value.isBoolean());
    }

    /** A JSON string as is, a number or boolean as its JSON text; absent for anything else. */
    public static Optional<String> text(JsonNode object, String field) {
        JsonNode value = field(object, field);
        return isText(value) ? Optional.of(value.asText()) : Optional.empty();
    }

    /** The texts of the array {@code object.field} (see {@link #text}), skipping other elements; empty when not an array. */
    public static List<String> texts(JsonNode object, String field) {
        JsonNode array = field(object, field);
        if (array == null || !array.isArray()) {
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode element : array) {
            if (isText(element)) {
                texts.add(element.asText());
            }
        }
        return Collections.unmodifiableList(texts);
    }

    /** The object {@code object.field}; absent when missing or not a JSON object. */
    public static Optional<JsonNode> object(JsonNode object, String field) {
        JsonNode value = field(object, field);
        return value != null && value.isObject() ? Optional.of(value) : Optional.empty();
    }

    /** The objects of the array {@code object.field}, skipping other elements; empty when not an array. */
    public static List<JsonNode> objects(JsonNode object, String field) {
        JsonNode array = field(object, field);
        if (array == null || !array.isArray()) {
            return List.of();
        }
        List<JsonNode> objects = new ArrayList<>();
        for (JsonNode element : array) {
            if (element.isObject()) {
                objects.add(element);
            }
        }
        return Collections.unmodifiableList(objects);
    }

    /** {@code object.field} as a long: a JSON integer or a string of digits; {@code 0} when absent or not such a number. */
    public static long longValue(JsonNode object, String field) {
        JsonNode value = field(object, field);
        if (value == null) {
            return 0;
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isTextual()) {
            try {
                return Long.parseLong(value.textValue().trim());
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    /** {@code object.field} read as a time by {@link Times#parse(JsonNode)}; absent when missing or unreadable. */
    public static Optional<Instant> instant(JsonNode object, String field) {
        return Times.parse(field(object, field));
    }

    /**
     * The string {@code object.field}, which must be there (it may be blank).
     *
     * @param path the field's path, for the error message, e.g. {@code request.body.listId}
     * @param failure makes the exception from a message such as {@code "request.type is missing"}
     * @throws X when the field is missing, {@code null} or not a string
     */
    public static <X extends RuntimeException> String requiredText(
            JsonNode object, String field, String path, Function<String, X> failure) {
        JsonNode value = field(object, field);
        if (value == null || value.isNull()) {
            throw failure.apply(path + " is missing");
        }
        if (!value.isTextual()) {
            throw failure.apply(path + " is not a string");
        }
        return value.textValue();
    }

    /**
     * {@link #requiredText} that must also not be blank.
     *
     * @throws X when the field is missing, {@code null}, not a string or blank
     */
    public static <X extends RuntimeException> String requiredNonBlankText(
            JsonNode object, String field, String path, Function<String, X> failure) {
        String text = requiredText(object, field, path, failure);
        if (text.isBlank()) {
            throw failure.apply(path + " is blank");
        }
        return text;
    }
}
