package io.github.skillmessaging.lists.event;

import java.time.Instant;
import java.util.Optional;

/**
 * A household list event: a list ({@link ListCreatedEvent}, {@link ListUpdatedEvent},
 * {@link ListDeletedEvent}) or its items ({@link ListItemsEvent}) changed.
 *
 * <p>Times are read as {@link io.github.skillmessaging.lists.internal.Times} describes, never in
 * the JVM's time zone; a time that cannot be read is empty.
 */
public sealed interface ListEvent permits ListItemsEvent, ListCreatedEvent, ListUpdatedEvent, ListDeletedEvent {
    /** The request type, e.g. {@code AlexaHouseholdListEvent.ItemsCreated}. */
    String type();

    /** The request id; Alexa keeps it when it redelivers an event. */
    String requestId();

    /** {@code request.timestamp}, when readable. */
    Optional<Instant> timestamp();

    /** {@code request.locale}, e.g. {@code en-US}, when sent. */
    Optional<String> locale();

    /** When the change happened ({@code request.eventCreationTime}), when readable. */
    Optional<Instant> eventCreationTime();

    /** When Alexa published the event ({@code request.eventPublishingTime}), when readable. */
    Optional<Instant> eventPublishingTime();

    /** The list that changed ({@code request.body.listId}). */
    String listId();
}
