package io.github.skillmessaging.lists.event;

import io.github.skillmessaging.request.EventRequest;

/**
 * A household list event: a list ({@link ListCreatedEvent}, {@link ListUpdatedEvent},
 * {@link ListDeletedEvent}) or its items ({@link ListItemsEvent}) changed. Alexa sends one for every
 * change, including those the skill itself made through the List Management API, and redelivers
 * an unacknowledged one for up to an hour with its original timestamp.
 *
 * <p>{@link io.github.skillmessaging.request.RequestConverter#parse} returns these types when this
 * module is on the class path ({@link ListEventConverter} is registered through
 * {@code ServiceLoader}).
 */
public sealed interface ListEvent extends EventRequest
        permits ListItemsEvent, ListCreatedEvent, ListUpdatedEvent, ListDeletedEvent {
    /** The list that changed ({@code request.body.listId}). */
    String listId();
}
