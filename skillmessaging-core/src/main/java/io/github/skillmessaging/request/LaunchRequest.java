package io.github.skillmessaging.request;

import java.util.Objects;

/**
 * {@code LaunchRequest}: the user opened the skill without asking for anything specific.
 *
 * @param header the common request fields
 */
public record LaunchRequest(RequestHeader header) implements Request {
    /** The value of {@code request.type} for this request. */
    public static final String TYPE = "LaunchRequest";

    public LaunchRequest {
        Objects.requireNonNull(header, "header");
    }
}
