package io.github.skillmessaging.lists.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.skillmessaging.request.Request;
import io.github.skillmessaging.request.RequestFields;
import io.github.skillmessaging.request.RequestHeader;
import io.github.skillmessaging.request.RequestTypeConverter;
import java.util.Set;

/**
 * Reads the six {@code AlexaHouseholdListEvent} types into {@link ListEvent}s. Registered
 * automatically through {@code ServiceLoader} when this module is on the class path (or module
 * path); register it yourself with {@code RequestConverter.register(new ListEventConverter())} or
 * on an isolated {@code RequestConverter.builder().add(new ListEventConverter())}.
 *
 * <p>{@code request.body.listId} is required ({@link io.github.skillmessaging.error.RequestParseException}
 * otherwise); {@code listItemIds} missing reads as empty; event times in ISO-8601 or epoch
 * milliseconds, unreadable ones as absent.
 */
public final class ListEventConverter implements RequestTypeConverter {
    private static final Set<String> TYPES = Set.of(
            ListItemsCreatedEvent.TYPE,
            ListItemsUpdatedEvent.TYPE,
            ListItemsDeletedEvent.TYPE,
            ListCreatedEvent.TYPE,
            ListUpdatedEvent.TYPE,
            ListDeletedEvent.TYPE);

    /** The converter; stateless. */
    public ListEventConverter() {}

    @Override
    public Set<String> requestTypes() {
        return TYPES;
    }

    @Override
    public Request convert(JsonNode request) {
        RequestHeader header = RequestFields.header(request);
        switch (header.type()) {
            case ListItemsCreatedEvent.TYPE:
                return new ListItemsCreatedEvent(header, request);
            case ListItemsUpdatedEvent.TYPE:
                return new ListItemsUpdatedEvent(header, request);
            case ListItemsDeletedEvent.TYPE:
                return new ListItemsDeletedEvent(header, request);
            case ListCreatedEvent.TYPE:
                return new ListCreatedEvent(header, request);
            case ListUpdatedEvent.TYPE:
                return new ListUpdatedEvent(header, request);
            case ListDeletedEvent.TYPE:
                return new ListDeletedEvent(header, request);
            default:
                throw new IllegalArgumentException("not a household list event: " + header.type());
        }
    }
}
