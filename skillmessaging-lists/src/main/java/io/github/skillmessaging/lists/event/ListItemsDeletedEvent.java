package io.github.skillmessaging.lists.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.skillmessaging.request.RequestHeader;

/**
 * {@code AlexaHouseholdListEvent.ItemsDeleted}: items were deleted from a list.
 */
public final class ListItemsDeletedEvent extends ListItemsEventFields implements ListItemsEvent {
    /** The value of {@code request.type} for this event. */
    public static final String TYPE = "AlexaHouseholdListEvent.ItemsDeleted";

    /** Reads the {@code request} object whose common fields are {@code header}. */
    ListItemsDeletedEvent(RequestHeader header, JsonNode request) {
        super(header, request);
    }
}
