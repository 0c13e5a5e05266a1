package io.github.skillmessaging.lists.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.skillmessaging.lists.internal.JsonFields;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads any household list event by its {@code request.type}.
 *
 * <pre>{@code
 * JsonNode request = envelope.get("request");
 * if (ListEvents.isListEvent(request.path("type").asText())) {
 *     ListEvent event = ListEvents.fromJson(request);
 * }
 * }</pre>
 */
public final class ListEvents {
    private static final Map<String, Function<JsonNode, ? extends ListEvent>> READERS = readers();

    private ListEvents() {
    }

    private static Map<String, Function<JsonNode, ? extends ListEvent>> readers() {
        Map<String, Function<JsonNode, ? extends ListEvent>> m = new LinkedHashMap<>();
        m.put(ListItemsCreatedEvent.TYPE, ListItemsCreatedEvent::fromJson);
        m.put(ListItemsUpdatedEvent.TYPE, ListItemsUpdatedEvent::fromJson);
        m.put(ListItemsDeletedEvent.TYPE, ListItemsDeletedEvent::fromJson);
        m.put(ListCreatedEvent.TYPE, ListCreatedEvent::fromJson);
        m.put(ListUpdatedEvent.TYPE, ListUpdatedEvent::fromJson);
        m.put(ListDeletedEvent.TYPE, ListDeletedEvent::fromJson);
        return Map.copyOf(m);
    }

    /** The six request types read here. */
    public static Set<String> types() {
        return READERS.keySet();
    }

    /** Whether {@code type} is one of {@link #types()}. */
    public static boolean isListEvent(String type) {
        return type != null && READERS.containsKey(type);
    }

    /** The record type for request type {@code type}, for a registry keyed by type. */
    public static Function<JsonNode, ? extends ListEvent> reader(String type) {
        Function<JsonNode, ? extends ListEvent> reader = type == null ? null : READERS.get(type);
        if (reader == null) {
            throw new IllegalArgumentException("not a household list event type: " + type);
        }
        return reader;
    }

    /**
     * Reads the {@code request} object of an envelope as the event its {@code type} names.
     *
     * @throws IllegalArgumentException when the type is missing or not a list event, or a required
     *     field ({@code requestId}, {@code body.listId}) is missing
     */
    public static ListEvent fromJson(JsonNode request) {
        String type = JsonFields.text(request, "type")
                .orElseThrow(() -> new IllegalArgumentException("request has no \"type\""));
        return reader(type).apply(request);
    }
}
