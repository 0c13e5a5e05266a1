package io.github.skillmessaging.request;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The fields every {@link Request} has. Converters read it with {@link RequestFields#header}.
 *
 * @param type {@code request.type}
 * @param requestId {@code request.requestId}
 * @param timestamp {@code request.timestamp}, read from ISO-8601 text (an absent offset means
 *     UTC) or epoch milliseconds
 * @param locale {@code request.locale}, when sent
 */
public record RequestHeader(String type, String requestId, Instant timestamp, Optional<String> locale) {
    public RequestHeader {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(locale, "locale");
    }
}
