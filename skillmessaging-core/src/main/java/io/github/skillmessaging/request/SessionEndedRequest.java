package io.github.skillmessaging.request;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code SessionEndedRequest}: the session ended other than by the skill's own response.
 *
 * @param header the common request fields
 * @param reason {@code request.reason}, e.g. {@code USER_INITIATED} or {@code ERROR}, when sent
 */
public record SessionEndedRequest(RequestHeader header, Optional<String> reason) implements Request {
    /** The value of {@code request.type} for this request. */
    public static final String TYPE = "SessionEndedRequest";

    public SessionEndedRequest {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(reason, "reason");
    }
}
