package io.github.skillmessaging.request;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.skillmessaging.error.RequestParseException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Lenient readers of request JSON for {@link RequestTypeConverter} authors: a missing field, a
 * JSON {@code null} or a value of the wrong kind reads as absent, never as an exception, except
 * in {@link #header} and {@link #requiredText}. Error messages name fields, never values.
 */
public final class RequestFields {
    private static final Pattern EPOCH_MILLIS = Pattern.compile("-?\\d{1,19}");
    private static final double MAX_MILLIS_AS_DOUBLE = 9.0e18;

    private RequestFields() {
    }

    /**
     * Reads the fields every request has from the {@code request} object.
     *
     * @throws RequestParseException when {@code type}, {@code requestId} or {@code timestamp} is
     *     missing or unreadable
     */
    public static RequestHeader header(JsonNode request) {
        String type = requiredText(request, "type", "request.type");
        String requestId = requiredText(request, "requestId", "request.requestId");
        JsonNode timestampNode = request.get("timestamp");
        if (timestampNode == null || timestampNode.isNull()) {
            throw new RequestParseException("request.timestamp is missing");
        }
        Instant timestamp = toInstant(timestampNode).orElseThrow(() -> new RequestParseException(
                "request.timestamp is neither ISO-8601 date-time text nor epoch milliseconds"));
        return new RequestHeader(type, requestId, timestamp, text(request, "locale"));
    }

    /**
     * The text of {@code object.field}: a JSON string as is, a number or boolean as its JSON
     * text; absent for anything else.
     */
    public static Optional<String> text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value != null && (value.isTextual() || value.isNumber() || value.isBoolean())) {
            return Optional.of(value.asText());
        }
        return Optional.empty();
    }

    /** The object {@code object.field}, absent when missing or not a JSON object. */
    public static Optional<JsonNode> object(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value != null && value.isObject() ? Optional.of(value) : Optional.empty();
    }

    /** The texts of the array {@code object.field} (see {@link #text}); empty when not an array. */
    public static List<String> texts(JsonNode object, String field) {
        JsonNode array = object.get(field);
        if (array == null || !array.isArray()) {
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode element : array) {
            if (element.isTextual() || element.isNumber() || element.isBoolean()) {
                texts.add(element.asText());
            }
        }
        return Collections.unmodifiableList(texts);
    }

    /** {@code object.field} read as a time by {@link #toInstant}; absent when missing or unreadable. */
    public static Optional<Instant> instant(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value == null ? Optional.empty() : toInstant(value);
    }

    /**
     * Reads a time as Alexa sends it: ISO-8601 date-time text with an offset ({@code Z},
     * {@code +01:00}), optionally a zone id, and any fraction of a second; the same without offset
     * is taken as UTC (never the local time zone); or epoch milliseconds as a JSON number or as
     * text of digits. Anything else is absent.
     */
    public static Optional<Instant> toInstant(JsonNode value) {
        try {
            if (value.isIntegralNumber()) {
                return value.canConvertToLong() ? Optional.of(Instant.ofEpochMilli(value.longValue())) : Optional.empty();
            }
            if (value.isNumber()) {
                // Fractional milliseconds: read as a double (never a BigDecimal, whose exponent
                // could be huge), dropping the fraction; out of range or infinite is absent.
                double millis = value.doubleValue();
                if (!Double.isFinite(millis) || Math.abs(millis) >= MAX_MILLIS_AS_DOUBLE) {
                    return Optional.empty();
                }
                return Optional.of(Instant.ofEpochMilli((long) Math.floor(millis)));
            }
            if (value.isTextual()) {
                return parseInstantText(value.asText().trim());
            }
        } catch (ArithmeticException | DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<Instant> parseInstantText(String text) {
        Instant utc = parseUtcInstant(text);
        if (utc != null) {
            return Optional.of(utc);
        }
        if (EPOCH_MILLIS.matcher(text).matches()) {
            try {
                return Optional.of(Instant.ofEpochMilli(Long.parseLong(text)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, ZonedDateTime::from, LocalDateTime::from);
        if (parsed instanceof ZonedDateTime zoned) {
            return Optional.of(zoned.toInstant());
        }
        return Optional.of(((LocalDateTime) parsed).toInstant(ZoneOffset.UTC));
    }

    /**
     * The form Alexa sends, {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}, read without the general ISO
     * parser, which takes most of the time of reading a small request. Returns what that parser
     * returns for such text, or {@code null} for any other text (including out-of-range fields
     * such as a 60th second or a 30 February), which then goes the general way.
     */
    private static Instant parseUtcInstant(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-'
                || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int nanos = 0;
        if (length > 20) {
            if (text.charAt(19) != '.' || length == 21) {
                return null;
            }
            nanos = digits(text, 20, length - 1);
            if (nanos < 0) {
                return null;
            }
            for (int i = length - 1; i < 29; i++) {
                nanos *= 10;
            }
        }
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The decimal value of {@code text[from, to)}, or -1 when a character is not an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * The string {@code object.field}, which must be there.
     *
     * @param path the field's path in the request, for the error message, e.g.
     *     {@code request.body.listId}
     * @throws RequestParseException when the field is missing, {@code null} or not a string
     */
    public static String requiredText(JsonNode object, String field, String path) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            throw new RequestParseException(path + " is missing");
        }
        if (!value.isTextual()) {
            throw new RequestParseException(path + " is not a string");
        }
        return value.asText();
    }
}
