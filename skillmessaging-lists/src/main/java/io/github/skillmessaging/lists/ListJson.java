package io.github.skillmessaging.lists;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.skillmessaging.internal.JsonFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads List Management responses. Lenient where Amazon may vary (unknown fields, missing names,
 * versions and times, new enum values); strict on ids and statuses, without which a value is
 * useless: their absence is an {@link IllegalArgumentException}.
 */
final class ListJson {
    private ListJson() {}

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
            links.add(new ListStatusLink(
                    JsonFields.text(link, "href").orElse(""),
                    ItemStatus.of(required(link, "status", "statusMap entry"))));
        }
        return new ListMetadata(
                required(node, "listId", "list"),
                JsonFields.text(node, "name").orElse(""),
                ListState.of(required(node, "state", "list")),
                JsonFields.longValue(node, "version"),
                links);
    }

    static AlexaList list(JsonNode node) {
        requireObject(node, "list");
        List<ListItem> items = new ArrayList<>();
        for (JsonNode item : JsonFields.objects(node, "items")) {
            items.add(item(item));
        }
        Optional<String> next =
                JsonFields.text(node.path("links"), "next").map(String::trim).filter(s -> !s.isEmpty());
        return new AlexaList(
                required(node, "listId", "list"),
                JsonFields.text(node, "name").orElse(""),
                ListState.of(required(node, "state", "list")),
                JsonFields.longValue(node, "version"),
                items,
                next);
    }

    static ListItem item(JsonNode node) {
        requireObject(node, "list item");
        return new ListItem(
                required(node, "id", "list item"),
                JsonFields.longValue(node, "version"),
                JsonFields.text(node, "value").orElse(""),
                ItemStatus.of(required(node, "status", "list item")),
                JsonFields.instant(node, "createdTime"),
                JsonFields.instant(node, "updatedTime"),
                JsonFields.text(node, "href").filter(s -> !s.isBlank()));
    }

    /** An id or status, without which a value is useless: a non-blank string ("list item's "id" is missing"). */
    private static String required(JsonNode node, String field, String what) {
        return JsonFields.requiredNonBlankText(
                node, field, what + "'s \"" + field + "\"", IllegalArgumentException::new);
    }

    private static void requireObject(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("expected a JSON object for the " + what);
        }
    }
}
