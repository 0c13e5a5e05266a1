package io.github.skillmessaging.request;

import java.time.Instant;
import java.util.Optional;

/**
 * The {@code request} object of a {@link SkillRequest}: one implementation per request type,
 * chosen by {@link RequestConverter} from {@code request.type}. Route on it with
 * {@code instanceof}; types nobody converts arrive as {@link UnknownRequest}.
 *
 * <p>Implementations are immutable records holding the common fields in a {@link RequestHeader}.
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
}
