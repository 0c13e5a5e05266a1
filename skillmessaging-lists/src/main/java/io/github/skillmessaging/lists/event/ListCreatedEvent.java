package io.github.skillmessaging.lists.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.skillmessaging.request.RequestFields;
import io.github.skillmessaging.request.RequestHeader;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code AlexaHouseholdListEvent.ListCreated}: a list was created.
 */
public final class ListCreatedEvent implements ListEvent {
    /** The value of {@code request.type} for this event. */
    public static final String TYPE = "AlexaHouseholdListEvent.ListCreated";

    private final RequestHeader header;
    private final Optional<Instant> eventCreationTime;
    private final Optional<Instant> eventPublishingTime;
    private final String listId;

    /** Reads the {@code request} object whose common fields are {@code header}. */
    ListCreatedEvent(RequestHeader header, JsonNode request) {
        this.header = header;
        this.eventCreationTime = RequestFields.instant(request, "eventCreationTime");
        this.eventPublishingTime = RequestFields.instant(request, "eventPublishingTime");
        this.listId = RequestFields.requiredText(request.path("body"), "listId", "request.body.listId");
    }

    @Override
    public RequestHeader header() {
        return header;
    }

    @Override
    public Optional<Instant> eventCreationTime() {
        return eventCreationTime;
    }

    @Override
    public Optional<Instant> eventPublishingTime() {
        return eventPublishingTime;
    }

    @Override
    public String listId() {
        return listId;
    }

    private List<Object> values() {
        return List.of(header, eventCreationTime, eventPublishingTime, listId);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ListCreatedEvent that && values().equals(that.values());
    }

    @Override
    public int hashCode() {
        return values().hashCode();
    }

    @Override
    public String toString() {
        return "ListCreatedEvent[header=" + header + ", eventCreationTime=" + eventCreationTime
                + ", eventPublishingTime=" + eventPublishingTime + ", listId=" + listId + "]";
    }
}
