package io.github.skillmessaging.request;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code request} object of a {@link SkillRequest}: one implementation per request type,
 * chosen by {@link RequestConverter} from {@code request.type}. Route on it with
 * {@code instanceof}; types nobody converts arrive as {@link UnknownRequest}.
 *
 * <p>Implementations are immutable and hold the common fields in a {@link RequestHeader}; a field
 * Amazon sends that no accessor models yet is in {@link #json()}.
 */
public interface Request {
    /** The fields every request has. */
    RequestHeader header();

    /** {@code request.type}, e.g. {@code Messaging.MessageReceived}. */
    default String type() {
        return header().type();
    }

    /** {@code request.requestId}. */
    default String requestId() {
        return header().requestId();
    }

    /** {@code request.timestamp}: when Alexa created the request (redeliveries keep it). */
    default Instant timestamp() {
        return header().timestamp();
    }

    /** {@code request.locale}, e.g. {@code en-US}, when sent. */
    default Optional<String> locale() {
        return header().locale();
    }

    /**
     * A copy of the whole {@code request} object as sent, with the fields this SDK does not model
     * (by default {@code header().json()}). It may hold tokens, so do not log it.
     */
    default JsonNode json() {
        return header().json();
    }
}
