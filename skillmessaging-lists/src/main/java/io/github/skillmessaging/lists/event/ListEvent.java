package io.github.skillmessaging.lists.event;

import java.time.Instant;
import java.util.Optional;

/**
 * A household list event: a list ({@link ListCreatedEvent}, {@link ListUpdatedEvent},
 * {@link ListDeletedEvent}) or its items ({@link ListItemsEvent}) changed.
 *
 * <p>Times are read as for {@link io.github.skillmessaging.lists.ListItem}: ISO-8601 (no zone means
 * UTC), epoch milliseconds, RFC 1123 or the {@code Wed Jul 19 23:24:10 UTC 2017} form, never in
 * the JVM's time zone; a time in any other form is empty.
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
