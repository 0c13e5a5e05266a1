package io.github.skillmessaging.lists.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.skillmessaging.request.RequestHeader;

/**
 * {@code AlexaHouseholdListEvent.ListUpdated}: a list was renamed or archived.
 */
public final class ListUpdatedEvent extends ListEventFields implements ListEvent {
    /** The value of {@code request.type} for this event. */
    public static final String TYPE = "AlexaHouseholdListEvent.ListUpdated";

    /** Reads the {@code request} object whose common fields are {@code header}. */
    ListUpdatedEvent(RequestHeader header, JsonNode request) {
        super(header, request);
    }
}
