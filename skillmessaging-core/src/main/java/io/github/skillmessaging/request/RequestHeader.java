package io.github.skillmessaging.request;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.skillmessaging.error.RequestParseException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The fields every {@link Request} has, and the {@code request} object they were read from.
 * Converters read it with {@link RequestFields#header}.
 */
public final class RequestHeader {
    private final JsonNode json;
    private final String type;
    private final String requestId;
    private final Instant timestamp;
    private final Optional<String> locale;

    /** Reads the {@code request} object; see {@link RequestFields#header} for what it requires. */
    RequestHeader(JsonNode json) {
        this.json = json;
        this.type = RequestFields.requiredText(json, "type", "request.type");
        this.requestId = RequestFields.requiredText(json, "requestId", "request.requestId");
        JsonNode timestampNode = json.get("timestamp");
        if (timestampNode == null || timestampNode.isNull()) {
            throw new RequestParseException("request.timestamp is missing");
        }
        this.timestamp = RequestFields.toInstant(timestampNode)
                .orElseThrow(() -> new RequestParseException(
                        "request.timestamp is neither ISO-8601 date-time text nor epoch milliseconds"));
        this.locale = RequestFields.text(json, "locale");
    }

    /** {@code request.type}. */
    public String type() {
        return type;
    }

    /** {@code request.requestId}. */
    public String requestId() {
        return requestId;
    }

    /**
     * {@code request.timestamp}, read from ISO-8601 text (an absent offset means UTC) or epoch
     * milliseconds.
     */
    public Instant timestamp() {
        return timestamp;
    }

    /** {@code request.locale}, when sent. */
    public Optional<String> locale() {
        return locale;
    }

    /** A copy of the whole {@code request} object as sent, with the fields this SDK does not model. */
    public JsonNode json() {
        return json.deepCopy();
    }

    /** The {@code request} object itself, for reading within this package without a copy. */
    JsonNode node() {
        return json;
    }

    private List<Object> values() {
        return List.of(type, requestId, timestamp, locale);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RequestHeader that && values().equals(that.values());
    }

    @Override
    public int hashCode() {
        return values().hashCode();
    }

    @Override
    public String toString() {
        return "RequestHeader[type=" + type + ", requestId=" + requestId + ", timestamp=" + timestamp + ", locale="
                + locale + "]";
    }
}
