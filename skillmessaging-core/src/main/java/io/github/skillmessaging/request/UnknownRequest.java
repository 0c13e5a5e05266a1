package io.github.skillmessaging.request;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A request whose type no registered {@link RequestTypeConverter} handles. Parsing never fails
 * because a type is unknown; the {@code request} object is kept as JSON so it can still be read.
 * {@code toString()} leaves the JSON out, as it may hold tokens.
 *
 * @param header the common request fields
 * @param json the whole {@code request} object; each call of {@link #json()} returns a fresh copy
 */
public record UnknownRequest(RequestHeader header, JsonNode json) implements Request {
    public UnknownRequest {
        Objects.requireNonNull(header, "header");
        json = json.deepCopy();
    }

    /** A copy of the {@code request} object as sent (changing it changes nothing here). */
    @Override
    public JsonNode json() {
        return json.deepCopy();
    }

    @Override
    public String toString() {
        return "UnknownRequest[header=" + header + ", json=<" + json.size() + " fields>]";
    }
}
