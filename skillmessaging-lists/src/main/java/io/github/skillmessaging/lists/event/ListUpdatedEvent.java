package io.github.skillmessaging.lists.event;

import io.github.skillmessaging.request.RequestHeader;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code AlexaHouseholdListEvent.ListUpdated}: a list was renamed or archived.
 *
 * @param header type, request id, timestamp and locale
 * @param eventCreationTime when the change happened, when readable
 * @param eventPublishingTime when Alexa published the event, when readable
 * @param listId the list ({@code request.body.listId})
 */
public record ListUpdatedEvent(
        RequestHeader header, Optional<Instant> eventCreationTime, Optional<Instant> eventPublishingTime, String listId)
        implements ListEvent {
    /** The value of {@code request.type} for this event. */
    public static final String TYPE = "AlexaHouseholdListEvent.ListUpdated";

    public ListUpdatedEvent {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(eventCreationTime, "eventCreationTime");
        Objects.requireNonNull(eventPublishingTime, "eventPublishingTime");
        Objects.requireNonNull(listId, "listId");
    }
}
