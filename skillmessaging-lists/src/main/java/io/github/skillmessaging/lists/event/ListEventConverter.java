package io.github.skillmessaging.lists.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.skillmessaging.request.Request;
import io.github.skillmessaging.request.RequestFields;
import io.github.skillmessaging.request.RequestHeader;
import io.github.skillmessaging.request.RequestTypeConverter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the six {@code AlexaHouseholdListEvent} types into {@link ListEvent} records. Registered
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
        Optional<Instant> created = RequestFields.instant(request, "eventCreationTime");
        Optional<Instant> published = RequestFields.instant(request, "eventPublishingTime");
        JsonNode body = request.path("body");
        String listId = RequestFields.requiredText(body, "listId", "request.body.listId");
        List<String> itemIds = RequestFields.texts(body, "listItemIds");
        switch (header.type()) {
            case ListItemsCreatedEvent.TYPE:
                return new ListItemsCreatedEvent(header, created, published, listId, itemIds);
            case ListItemsUpdatedEvent.TYPE:
                return new ListItemsUpdatedEvent(header, created, published, listId, itemIds);
            case ListItemsDeletedEvent.TYPE:
                return new ListItemsDeletedEvent(header, created, published, listId, itemIds);
            case ListCreatedEvent.TYPE:
                return new ListCreatedEvent(header, created, published, listId);
            case ListUpdatedEvent.TYPE:
                return new ListUpdatedEvent(header, created, published, listId);
            case ListDeletedEvent.TYPE:
                return new ListDeletedEvent(header, created, published, listId);
            default:
                throw new IllegalArgumentException("not a household list event: " + header.type());
        }
    }
}
