package io.github.skillmessaging.request;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code Messaging.MessageReceived}: a message sent to the skill through the Skill Messaging API
 * arrived. Out of session; acknowledge it with
 * {@link io.github.skillmessaging.response.SkillResponse#empty()} or Alexa redelivers it.
 *
 * @param header the common request fields
 * @param message what the sender put in {@code data}, in the order sent; a value that is not a
 *     JSON string is given as its compact JSON text ({@code 42}, {@code true}, {@code null},
 *     {@code {"a":1}}); empty when absent
 */
public record MessageReceivedRequest(RequestHeader header, Map<String, String> message) implements Request {
    /** The value of {@code request.type} for this request. */
    public static final String TYPE = "Messaging.MessageReceived";

    public MessageReceivedRequest {
        Objects.requireNonNull(header, "header");
        message = Collections.unmodifiableMap(new LinkedHashMap<>(message));
        message.forEach((key, value) -> {
            Objects.requireNonNull(key, "message key");
            Objects.requireNonNull(value, "message value");
        });
    }
}
