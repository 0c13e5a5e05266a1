package io.github.skillmessaging.lists;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.skillmessaging.internal.Json;
import io.github.skillmessaging.internal.JsonFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads List Management responses. Each model reads its own fields from its JSON object; these are
 * their shared rules: lenient where Amazon may vary (unknown fields, missing names, versions and
 * times, new enum values); strict on ids and statuses, without which a value is useless: their
 * absence is an {@link IllegalArgumentException}.
 */
final class ListJson {
    private ListJson() {}

    static List<ListMetadata> metadataList(JsonNode root) {
        List<ListMetadata> out = new ArrayList<>();
        for (JsonNode node : JsonFields.objects(root, "lists")) {
            out.add(new ListMetadata(node));
        }
        return List.copyOf(out);
    }

    static ListMetadata metadata(JsonNode node) {
        return new ListMetadata(node);
    }

    static AlexaList list(JsonNode node) {
        return new AlexaList(node);
    }

    static ListItem item(JsonNode node) {
        return new ListItem(node);
    }

    /** Parses the text of a model's {@code fromJson}; the message never quotes it. */
    static JsonNode parse(String json, String what) {
        Objects.requireNonNull(json, "json");
        try {
            return Json.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON for a " + what);
        }
    }

    /** An id or status, without which a value is useless: a non-blank string ("list item's "id" is missing"). */
    static String required(JsonNode node, String field, String what) {
        return JsonFields.requiredNonBlankText(
                node, field, what + "'s \"" + field + "\"", IllegalArgumentException::new);
    }

    /** {@code node}, which must be a JSON object. */
    static JsonNode requireObject(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("expected a JSON object for the " + what);
        }
        return node;
    }
}
