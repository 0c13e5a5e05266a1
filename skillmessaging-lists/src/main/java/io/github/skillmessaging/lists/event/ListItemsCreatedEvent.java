package io.github.skillmessaging.lists.event;

import io.github.skillmessaging.request.RequestHeader;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code AlexaHouseholdListEvent.ItemsCreated}: items were added to a list.
 *
 * @param header type, request id, timestamp and locale
 * @param eventCreationTime when the change happened, when readable
 * @param eventPublishingTime when Alexa published the event, when readable
 * @param listId the list ({@code request.body.listId})
 * @param listItemIds the items ({@code request.body.listItemIds})
 */
public record ListItemsCreatedEvent(
        RequestHeader header,
        Optional<Instant> eventCreationTime,
        Optional<Instant> eventPublishingTime,
        String listId,
        List<String> listItemIds)
        implements ListItemsEvent {
    /** The value of {@code request.type} for this event. */
    public static final String TYPE = "AlexaHouseholdListEvent.ItemsCreated";

    public ListItemsCreatedEvent {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(eventCreationTime, "eventCreationTime");
        Objects.requireNonNull(eventPublishingTime, "eventPublishingTime");
        Objects.requireNonNull(listId, "listId");
        listItemIds = List.copyOf(listItemIds);
    }
}
