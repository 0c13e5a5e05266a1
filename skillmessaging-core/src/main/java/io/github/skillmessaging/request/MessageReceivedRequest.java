package io.github.skillmessaging.request;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code Messaging.MessageReceived}: a message sent to the skill through the Skill Messaging API
 * arrived. Out of session; acknowledge it with
 * {@link io.github.skillmessaging.response.SkillResponse#empty()} or Alexa redelivers it.
 */
public final class MessageReceivedRequest implements Request {
    /** The value of {@code request.type} for this request. */
    public static final String TYPE = "Messaging.MessageReceived";

    private final RequestHeader header;
    private final Map<String, String> message;

    /** Reads the {@code request} object whose common fields are {@code header}. */
    MessageReceivedRequest(RequestHeader header, JsonNode request) {
        this.header = header;
        Map<String, String> read = new LinkedHashMap<>();
        RequestFields.object(request, "message")
                .ifPresent(object -> object.properties().forEach(entry -> {
                    JsonNode value = entry.getValue();
                    read.put(entry.getKey(), value.isTextual() ? value.asText() : value.toString());
                }));
        this.message = Collections.unmodifiableMap(read);
    }

    @Override
    public RequestHeader header() {
        return header;
    }

    /**
     * What the sender put in {@code data}, in the order sent; a value that is not a JSON string is
     * given as its compact JSON text ({@code 42}, {@code true}, {@code null}, {@code {"a":1}});
     * empty when absent.
     */
    public Map<String, String> message() {
        return message;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MessageReceivedRequest that
                && header.equals(that.header)
                && message.equals(that.message);
    }

    @Override
    public int hashCode() {
        return 31 * header.hashCode() + message.hashCode();
    }

    @Override
    public String toString() {
        return "MessageReceivedRequest[header=" + header + ", message=" + message + "]";
    }
}
