package io.github.skillmessaging.lists;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.skillmessaging.lists.internal.JsonFields;
import io.github.skillmessaging.lists.internal.Times;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads List Management responses. Lenient where Amazon may vary (unknown fields, missing names,
 * versions and times, new enum values); strict on ids and statuses, without which a value is
 * useless: their absence is an {@link IllegalArgumentException}.
 */
final class ListJson {
    private ListJson() {
    }

    static List<ListMetadata> metadataList(JsonNode root) {
        List<ListMetadata> out = new ArrayList<>();
        for (JsonNode node : JsonFields.objects(root, "lists")) {
            out.add(metadata(node));
        }
        return List.copyOf(out);
    }

    static ListMetadata metadata(JsonNode node) {
        requireObject(node, "list");
        List<ListStatusLink> links = new ArrayList<>();
        for (JsonNode link : JsonFields.objects(node, "statusMap")) {
            links.add(new ListStatusLink(JsonFields.text(link, "href").orElse(""),
                    ItemStatus.of(JsonFields.requiredText(link, "status", "statusMap entry"))));
        }
        return new ListMetadata(JsonFields.requiredText(node, "listId", "list"), JsonFields.text(node, "name").orElse(""),
                ListState.of(JsonFields.requiredText(node, "state", "list")), JsonFields.longValue(node, "version"),
                links);
    }

    static AlexaList list(JsonNode node) {
        requireObject(node, "list");
        List<ListItem> items = new ArrayList<>();
        for (JsonNode item : JsonFields.objects(node, "items")) {
            items.add(item(item));
        }
        Optional<String> next = JsonFields.text(node.path("links"), "next").map(String::trim).filter(s -> !s.isEmpty());
        return new AlexaList(JsonFields.requiredText(node, "listId", "list"), JsonFields.text(node, "name").orElse(""),
                ListState.of(JsonFields.requiredText(node, "state", "list")), JsonFields.longValue(node, "version"),
                items, next);
    }

    static ListItem item(JsonNode node) {
        requireObject(node, "list item");
        return new ListItem(JsonFields.requiredText(node, "id", "list item"), JsonFields.longValue(node, "version"),
                JsonFields.text(node, "value").orElse(""),
                ItemStatus.of(JsonFields.requiredText(node, "status", "list item")),
                Times.parse(node.get("createdTime")), Times.parse(node.get("updatedTime")),
                JsonFields.text(node, "href").filter(s -> !s.isBlank()));
    }

    private static void requireObject(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("expected a JSON object for the " + what);
        }
    }
}
