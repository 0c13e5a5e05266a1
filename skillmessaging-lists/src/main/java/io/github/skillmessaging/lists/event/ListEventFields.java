package io.github.skillmessaging.lists.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.skillmessaging.request.RequestFields;
import io.github.skillmessaging.request.RequestHeader;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What every household list event reads from its {@code request} object, for the event classes of
 * this package: the accessors of {@link ListEvent}, and equality by class and these values.
 */
abstract class ListEventFields {
    private final RequestHeader header;
    private final Optional<Instant> eventCreationTime;
    private final Optional<Instant> eventPublishingTime;
    private final String listId;

    /** Reads the {@code request} object whose common fields are {@code header}. */
    ListEventFields(RequestHeader header, JsonNode request) {
        this.header = header;
        this.eventCreationTime = RequestFields.instant(request, "eventCreationTime");
        this.eventPublishingTime = RequestFields.instant(request, "eventPublishingTime");
        this.listId = RequestFields.requiredText(request.path("body"), "listId", "request.body.listId");
    }

    /** The common fields of the request. */
    public RequestHeader header() {
        return header;
    }

    /** When the change happened ({@code request.eventCreationTime}), if Alexa sent it. */
    public Optional<Instant> eventCreationTime() {
        return eventCreationTime;
    }

    /** When Alexa published the event ({@code request.eventPublishingTime}), if sent. */
    public Optional<Instant> eventPublishingTime() {
        return eventPublishingTime;
    }

    /** The list that changed ({@code request.body.listId}). */
    public String listId() {
        return listId;
    }

    /** The modelled values, in {@link #toString()} order. */
    List<Object> values() {
        return List.of(header, eventCreationTime, eventPublishingTime, listId);
    }

    /** The text of {@link #toString()} after the class name's bracket. */
    String fieldsText() {
        return "header=" + header + ", eventCreationTime=" + eventCreationTime + ", eventPublishingTime="
                + eventPublishingTime + ", listId=" + listId;
    }

    @Override
    @SuppressWarnings("EqualsGetClass") // a created and a deleted event with the same fields differ
    public final boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && values().equals(((ListEventFields) other).values());
    }

    @Override
    public final int hashCode() {
        return values().hashCode();
    }

    @Override
    public final String toString() {
        return getClass().getSimpleName() + "[" + fieldsText() + "]";
    }
}
