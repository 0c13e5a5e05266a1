package io.github.skillmessaging.lists.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.skillmessaging.request.RequestHeader;

/**
 * {@code AlexaHouseholdListEvent.ListDeleted}: a list was deleted.
 */
public final class ListDeletedEvent extends ListEventFields implements ListEvent {
    /** The value of {@code request.type} for this event. */
    public static final String TYPE = "AlexaHouseholdListEvent.ListDeleted";

    /** Reads the {@code request} object whose common fields are {@code header}. */
    ListDeletedEvent(RequestHeader header, JsonNode request) {
        super(header, request);
    }
}
