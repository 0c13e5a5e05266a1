package io.github.skillmessaging.lists.event;

import java.util.List;

/** Items of a list were created, updated or deleted; read them with the list client if needed. */
public sealed interface ListItemsEvent extends ListEvent
        permits ListItemsCreatedEvent, ListItemsUpdatedEvent, ListItemsDeletedEvent {
    /** The ids of the changed items ({@code request.body.listItemIds}); unmodifiable, may be empty. */
    List<String> listItemIds();
}
