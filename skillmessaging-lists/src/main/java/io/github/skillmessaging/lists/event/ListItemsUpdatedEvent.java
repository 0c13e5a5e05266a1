package io.github.skillmessaging.lists.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.skillmessaging.request.RequestFields;
import io.github.skillmessaging.request.RequestHeader;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code AlexaHouseholdListEvent.ItemsUpdated}: items of a list were changed (renamed, completed, reopened).
 */
public final class ListItemsUpdatedEvent implements ListItemsEvent {
    /** The value of {@code request.type} for this event. */
    public static final String TYPE = "AlexaHouseholdListEvent.ItemsUpdated";

    private final RequestHeader header;
    private final Optional<Instant> eventCreationTime;
    private final Optional<Instant> eventPublishingTime;
    private final String listId;
    private final List<String> listItemIds;

    /** Reads the {@code request} object whose common fields are {@code header}. */
    ListItemsUpdatedEvent(RequestHeader header, JsonNode request) {
        this.header = header;
        this.eventCreationTime = RequestFields.instant(request, "eventCreationTime");
        this.eventPublishingTime = RequestFields.instant(request, "eventPublishingTime");
        this.listId = RequestFields.requiredText(request.path("body"), "listId", "request.body.listId");
        this.listItemIds = RequestFields.texts(request.path("body"), "listItemIds");
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

    @Override
    public List<String> listItemIds() {
        return listItemIds;
    }

    private List<Object> values() {
        return List.of(header, eventCreationTime, eventPublishingTime, listId, listItemIds);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ListItemsUpdatedEvent that && values().equals(that.values());
    }

    @Override
    public int hashCode() {
        return values().hashCode();
    }

    @Override
    public String toString() {
        return "ListItemsUpdatedEvent[header=" + header + ", eventCreationTime=" + eventCreationTime
                + ", eventPublishingTime=" + eventPublishingTime + ", listId=" + listId + ", listItemIds=" + listItemIds
                + "]";
    }
}
