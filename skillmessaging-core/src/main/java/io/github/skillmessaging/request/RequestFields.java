package io.github.skillmessaging.request;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.skillmessaging.error.RequestParseException;
import io.github.skillmessaging.internal.JsonFields;
import io.github.skillmessaging.internal.Times;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Lenient readers of request JSON for {@link RequestTypeConverter} authors: a missing field, a
 * JSON {@code null} or a value of the wrong kind reads as absent, never as an exception, except
 * in {@link #header} and {@link #requiredText}. Error messages name fields, never values.
 */
public final class RequestFields {
    private RequestFields() {}

    /**
     * Reads the fields every request has from the {@code request} object. The header keeps the
     * object for {@link RequestHeader#json()} (and so {@link Request#json()}): do not change it
     * afterwards.
     *
     * @throws RequestParseException when the fields type, requestId or timestamp are
     *     missing or unreadable
     */
    public static RequestHeader header(JsonNode request) {
        return new RequestHeader(request);
    }

    /**
     * The text of {@code object.field}: a JSON string as is, a number or boolean as its JSON
     * text; absent for anything else.
     */
    public static Optional<String> text(JsonNode object, String field) {
        return JsonFields.text(object, field);
    }

    /** The object {@code object.field}, absent when missing or not a JSON object. */
    public static Optional<JsonNode> object(JsonNode object, String field) {
        return JsonFields.object(object, field);
    }

    /** The texts of the array {@code object.field} (see {@link #text}); empty when not an array. */
    public static List<String> texts(JsonNode object, String field) {
        return JsonFields.texts(object, field);
    }

    /** {@code object.field} read as a time by {@link #toInstant}; absent when missing or unreadable. */
    public static Optional<Instant> instant(JsonNode object, String field) {
        return JsonFields.instant(object, field);
    }

    /**
     * Reads a time as Alexa sends it: ISO-8601 date-time text with an offset ({@code Z},
     * {@code +01:00}, {@code +0100}, {@code +01}), optionally a zone id in brackets, any fraction of
     * a second, {@code T} or a space between date and time; the same without offset is taken as
     * UTC (never the local time zone); epoch milliseconds as a JSON number (a fraction is dropped)
     * or as text of digits; the {@code java.util.Date#toString} form
     * ({@code Wed Jul 19 23:24:10 UTC 2017}) and RFC 1123 ({@code Wed, 19 Jul 2017 23:24:10 GMT})
     * that Amazon's list documentation shows. Anything else is absent.
     */
    public static Optional<Instant> toInstant(JsonNode value) {
        return Times.parse(value);
    }

    /**
     * The string {@code object.field}, which must be there.
     *
     * @param path the field's path in the request, for the error message, e.g.
     *     {@code request.body.listId}
     * @throws RequestParseException when the field is missing, {@code null} or not a string
     */
    public static String requiredText(JsonNode object, String field, String path) {
        return JsonFields.requiredText(object, field, path, RequestParseException::new);
    }
}
