package io.github.skillmessaging.lists.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.skillmessaging.lists.internal.JsonFields;
import io.github.skillmessaging.lists.internal.Times;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The fields every list event has, read from a {@code request} object. */
record EventFields(String requestId, Optional<Instant> timestamp, Optional<String> locale,
        Optional<Instant> eventCreationTime, Optional<Instant> eventPublishingTime, String listId,
        List<String> listItemIds) {

    /**
     * Reads {@code request}, checking that its {@code type}, when present, is {@code type}.
     *
     * @throws IllegalArgumentException when the node is not an object, the type differs, or the
     *     request id or list id is missing
     */
    static EventFields read(JsonNode request, String type) {
        if (request == null || !request.isObject()) {
            throw new IllegalArgumentException("a " + type + " request must be a JSON object");
        }
        Optional<String> actual = JsonFields.text(request, "type");
        if (actual.isPresent() && !actual.get().equals(type)) {
            throw new IllegalArgumentException("expected a " + type + " request, got " + actual.get());
        }
        JsonNode body = request.path("body");
        return new EventFields(JsonFields.requiredText(request, "requestId", type + " request"),
                Times.parse(request.get("timestamp")),
                JsonFields.text(request, "locale").filter(s -> !s.isBlank()),
                Times.parse(request.get("eventCreationTime")),
                Times.parse(request.get("eventPublishingTime")),
                JsonFields.requiredText(body, "listId", type + " request body"),
                JsonFields.texts(body, "listItemIds"));
    }
}
