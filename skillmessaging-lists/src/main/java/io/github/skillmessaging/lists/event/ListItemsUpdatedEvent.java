package io.github.skillmessaging.lists.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.skillmessaging.request.RequestHeader;

/**
 * {@code AlexaHouseholdListEvent.ItemsUpdated}: items of a list were changed (renamed, completed, reopened).
 */
public final class ListItemsUpdatedEvent extends ListItemsEventFields implements ListItemsEvent {
    /** The value of {@code request.type} for this event. */
    public static final String TYPE = "AlexaHouseholdListEvent.ItemsUpdated";

    /** Reads the {@code request} object whose common fields are {@code header}. */
    ListItemsUpdatedEvent(RequestHeader header, JsonNode request) {
        super(header, request);
    }
}
