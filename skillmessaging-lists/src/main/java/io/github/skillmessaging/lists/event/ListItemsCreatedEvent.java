package io.github.skillmessaging.lists.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.skillmessaging.request.RequestHeader;

/**
 * {@code AlexaHouseholdListEvent.ItemsCreated}: items were added to a list.
 */
public final class ListItemsCreatedEvent extends ListItemsEventFields implements ListItemsEvent {
    /** The value of {@code request.type} for this event. */
    public static final String TYPE = "AlexaHouseholdListEvent.ItemsCreated";

    /** Reads the {@code request} object whose common fields are {@code header}. */
    ListItemsCreatedEvent(RequestHeader header, JsonNode request) {
        super(header, request);
    }
}
