package io.github.skillmessaging.lists.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.skillmessaging.request.RequestHeader;

/**
 * {@code AlexaHouseholdListEvent.ListCreated}: a list was created.
 */
public final class ListCreatedEvent extends ListEventFields implements ListEvent {
    /** The value of {@code request.type} for this event. */
    public static final String TYPE = "AlexaHouseholdListEvent.ListCreated";

    /** Reads the {@code request} object whose common fields are {@code header}. */
    ListCreatedEvent(RequestHeader header, JsonNode request) {
        super(header, request);
    }
}
