package io.github.skillmessaging.request;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * {@code SessionEndedRequest}: the session ended other than by the skill's own response.
 */
public final class SessionEndedRequest implements Request {
    /** The value of {@code request.type} for this request. */
    public static final String TYPE = "SessionEndedRequest";

    private final RequestHeader header;
    private final Optional<String> reason;

    /** Reads the {@code request} object whose common fields are {@code header}. */
    SessionEndedRequest(RequestHeader header, JsonNode request) {
        this.header = header;
        this.reason = RequestFields.text(request, "reason");
    }

    @Override
    public RequestHeader header() {
        return header;
    }

    /** {@code request.reason}, e.g. {@code USER_INITIATED} or {@code ERROR}, when sent. */
    public Optional<String> reason() {
        return reason;
    }

    private List<Object> values() {
        return List.of(header, reason);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SessionEndedRequest that && values().equals(that.values());
    }

    @Override
    public int hashCode() {
        return values().hashCode();
    }

    @Override
    public String toString() {
        return "SessionEndedRequest[header=" + header + ", reason=" + reason + "]";
    }
}
