package io.github.skillmessaging.request;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * {@code LaunchRequest}: the user opened the skill without asking for anything specific.
 */
public final class LaunchRequest implements Request {
    /** The value of {@code request.type} for this request. */
    public static final String TYPE = "LaunchRequest";

    private final RequestHeader header;

    /** Reads the {@code request} object whose common fields are {@code header}. */
    LaunchRequest(RequestHeader header, JsonNode request) {
        this.header = header;
    }

    @Override
    public RequestHeader header() {
        return header;
    }

    private List<Object> values() {
        return List.of(header);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LaunchRequest that && values().equals(that.values());
    }

    @Override
    public int hashCode() {
        return values().hashCode();
    }

    @Override
    public String toString() {
        return "LaunchRequest[header=" + header + "]";
    }
}
