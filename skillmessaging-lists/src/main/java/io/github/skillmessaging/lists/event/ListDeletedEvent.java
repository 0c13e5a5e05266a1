package io.github.skillmessaging.lists.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code AlexaHouseholdListEvent.ListDeleted}: a list was deleted.
 *
 * @param requestId the request id
 * @param timestamp {@code request.timestamp}, when readable
 * @param locale {@code request.locale}, when sent
 * @param eventCreationTime when the change happened, when readable
 * @param eventPublishingTime when Alexa published the event, when readable
 * @param listId the list ({@code request.body.listId})
 */
public record ListDeletedEvent(String requestId, Optional<Instant> timestamp, Optional<String> locale,
        Optional<Instant> eventCreationTime, Optional<Instant> eventPublishingTime, String listId)
        implements ListEvent {

    /** The request type of this event. */
    public static final String TYPE = "AlexaHouseholdListEvent.ListDeleted";

    public ListDeletedEvent {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(eventCreationTime, "eventCreationTime");
        Objects.requireNonNull(eventPublishingTime, "eventPublishingTime");
        Objects.requireNonNull(listId, "listId");
    }

    /**
     * Reads the {@code request} object of the envelope.
     *
     * @throws IllegalArgumentException when it is not a {@value #TYPE} request or lacks its
     *     {@code requestId} or {@code body.listId}
     */
    public static ListDeletedEvent fromJson(JsonNode request) {
        EventFields f = EventFields.read(request, TYPE);
        return new ListDeletedEvent(f.requestId(), f.timestamp(), f.locale(), f.eventCreationTime(), f.eventPublishingTime(),
                f.listId());
    }

    /** Always {@value #TYPE}. */
    @Override
    public String type() {
        return TYPE;
    }
}
