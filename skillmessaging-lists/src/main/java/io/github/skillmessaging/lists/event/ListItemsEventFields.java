package io.github.skillmessaging.lists.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.skillmessaging.request.RequestFields;
import io.github.skillmessaging.request.RequestHeader;
import java.util.List;

/** {@link ListEventFields} and the changed items' ids, for the item event classes of this package. */
abstract class ListItemsEventFields extends ListEventFields {
    private final List<String> listItemIds;

    /** Reads the {@code request} object whose common fields are {@code header}. */
    ListItemsEventFields(RequestHeader header, JsonNode request) {
        super(header, request);
        this.listItemIds = RequestFields.texts(request.path("body"), "listItemIds");
    }

    /** The ids of the changed items ({@code request.body.listItemIds}); unmodifiable, may be empty. */
    public List<String> listItemIds() {
        return listItemIds;
    }

    @Override
    List<Object> values() {
        return List.of(header(), eventCreationTime(), eventPublishingTime(), listId(), listItemIds);
    }

    @Override
    String fieldsText() {
        return super.fieldsText() + ", listItemIds=" + listItemIds;
    }
}
