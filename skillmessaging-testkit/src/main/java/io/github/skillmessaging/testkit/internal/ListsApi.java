package io.github.skillmessaging.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.skillmessaging.AlexaRegion;
import io.github.skillmessaging.internal.Json;
import io.github.skillmessaging.internal.Requests;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The List Management API of one region, and the list changes a user makes "through Alexa". Every
 * change, whoever makes it, is announced to the user's skills as an
 * {@code AlexaHouseholdListEvent}, as Alexa does (so a skill sees its own writes come back).
 */
public final class ListsApi {
    /** How Amazon's documentation shows item times. */
    public static final DateTimeFormatter ITEM_TIME = DateTimeFormatter.ofPattern(
                    "EEE MMM dd HH:mm:ss 'UTC' yyyy", Locale.US)
            .withZone(ZoneOffset.UTC);

    private static final String BASE = "/v2/householdlists";

    /** Where list events go. */
    public interface EventSink {
        /** Announces {@code type} with {@code body} to the skills of {@code user} that may read lists. */
        void listEvent(SandboxState.UserState user, String type, ObjectNode body);
    }

    private final SandboxState state;
    private final int pageSize;
    private final EventSink events;

    public ListsApi(SandboxState state, int pageSize, EventSink events) {
        this.state = state;
        this.pageSize = pageSize;
        this.events = events;
    }

    /** Thrown by state changes to answer with an error status. */
    public static final class ApiError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final String type;

        public ApiError(int status, String type, String message) {
            super(message, null, false, false);
            this.status = status;
            this.type = type;
        }
    }

    /** Handles one request to {@code /v2/householdlists...} on the server of {@code region}. */
    public void handle(Exchange exchange, AlexaRegion region) throws IOException {
        try {
            List<String> path = segments(exchange.getRequestURI().getRawPath());
            String method = exchange.getRequestMethod();
            boolean write = !method.equals("GET");
            SandboxState.UserState user = authorize(exchange, region, write);
            Object result;
            int status = 200;
            byte[] body = Http.body(exchange);
            if (path.isEmpty()) {
                if (method.equals("GET")) {
                    result = listsMetadata(user);
                } else if (method.equals("POST")) {
                    JsonNode in = json(body);
                    result = metadata(
                            createList(user, text(in, "name"), in.path("state").asText("active")));
                    status = 201;
                } else {
                    throw new ApiError(405, "METHOD_NOT_ALLOWED", method + " is not allowed here");
                }
            } else if (path.size() == 1) {
                String listId = path.get(0);
                if (method.equals("PUT")) {
                    JsonNode in = json(body);
                    result = metadata(updateList(
                            user,
                            listId,
                            text(in, "name"),
                            text(in, "state"),
                            in.path("version").asLong(-1)));
                } else if (method.equals("DELETE")) {
                    deleteList(user, listId);
                    result = null;
                } else {
                    throw new ApiError(405, "METHOD_NOT_ALLOWED", method + " is not allowed here");
                }
            } else if (path.size() == 2 && !path.get(1).equals("items")) {
                result = listPage(
                        user, path.get(0), path.get(1), Http.query(exchange).getOrDefault("nextToken", "0"));
            } else if (path.size() == 2 && method.equals("POST")) {
                JsonNode in = json(body);
                result = item(
                        path.get(0),
                        addItem(
                                user,
                                path.get(0),
                                text(in, "value"),
                                in.path("status").asText("active")));
                status = 201;
            } else if (path.size() == 3 && path.get(1).equals("items")) {
                String listId = path.get(0);
                String itemId = path.get(2);
                switch (method) {
                    case "GET":
                        result = item(listId, findItem(user, listId, itemId));
                        break;
                    case "PUT": {
                        JsonNode in = json(body);
                        result = item(
                                listId,
                                updateItem(
                                        user,
                                        listId,
                                        itemId,
                                        text(in, "value"),
                                        text(in, "status"),
                                        in.path("version").asLong(-1)));
                        break;
                    }
                    case "DELETE":
                        deleteItem(user, listId, itemId);
                        result = null;
                        break;
                    default:
                        throw new ApiError(405, "METHOD_NOT_ALLOWED", method + " is not allowed here");
                }
            } else {
                throw new ApiError(404, "NOT_FOUND", "No such resource");
            }
            Http.json(exchange, status, result);
        } catch (ApiError e) {
            if (e.status == 403) {
                ObjectNode forbidden = Json.mapper().createObjectNode();
                forbidden.put("Message", e.getMessage());
                Http.json(exchange, 403, forbidden);
            } else {
                Http.error(exchange, e.status, e.type, e.getMessage());
            }
        }
    }

    private SandboxState.UserState authorize(Exchange exchange, AlexaRegion region, boolean write) {
        SandboxState.Token token = state.validToken(Http.bearer(exchange))
                .filter(t -> t.userId() != null)
                .orElseThrow(
                        () -> new ApiError(403, "ACCESS_DENIED", "The apiAccessToken is missing, invalid or expired"));
        synchronized (state) {
            SandboxState.UserState user = state.users.get(token.userId());
            if (user == null || user.region != region) {
                throw new ApiError(403, "ACCESS_DENIED", "The apiAccessToken is not valid in this region");
            }
            Set<String> granted = state.permissions(user, token.applicationId());
            String needed = write ? SandboxState.LIST_WRITE : SandboxState.LIST_READ;
            if (!granted.contains(needed)) {
                throw new ApiError(403, "ACCESS_DENIED", "The user has not granted " + needed);
            }
            return user;
        }
    }

    // ---- state changes, shared by the API and the simulated user ----

    public HouseholdList createList(SandboxState.UserState user, String name, String listState) {
        HouseholdList list;
        synchronized (state) {
            requireName(name);
            for (HouseholdList existing : user.lists.values()) {
                if (existing.name.equalsIgnoreCase(name) && existing.state.equals("active")) {
                    throw new ApiError(409, "NAME_CONFLICT", "A list named \"" + name + "\" already exists");
                }
            }
            list = new HouseholdList(SandboxState.listId(UUID.randomUUID() + "-CUSTOM"), name);
            list.state = listState;
            user.lists.put(list.listId, list);
        }
        events.listEvent(user, "AlexaHouseholdListEvent.ListCreated", listBody(list.listId));
        return list;
    }

    public HouseholdList updateList(
            SandboxState.UserState user, String listId, String name, String listState, long version) {
        HouseholdList list;
        synchronized (state) {
            list = findList(user, listId);
            requireName(name);
            if (version != list.version) {
                throw new ApiError(
                        409, "CONFLICT", "Version " + version + " is not the list's current version " + list.version);
            }
            list.name = name;
            list.state = listState == null ? list.state : listState;
            list.version++;
        }
        events.listEvent(user, "AlexaHouseholdListEvent.ListUpdated", listBody(listId));
        return list;
    }

    public void deleteList(SandboxState.UserState user, String listId) {
        synchronized (state) {
            findList(user, listId);
            String decoded = decodeId(listId);
            if (decoded.endsWith("-SHOPPING_ITEM") || decoded.endsWith("-TASK")) {
                throw new ApiError(400, "INVALID_REQUEST", "Default lists cannot be deleted");
            }
            user.lists.remove(listId);
        }
        events.listEvent(user, "AlexaHouseholdListEvent.ListDeleted", listBody(listId));
    }

    public HouseholdList.Item addItem(SandboxState.UserState user, String listId, String value, String status) {
        HouseholdList.Item item;
        synchronized (state) {
            HouseholdList list = writableList(user, listId);
            requireValue(value);
            item = new HouseholdList.Item(UUID.randomUUID().toString(), value, status(status), state.now());
            list.items.put(item.id, item);
        }
        events.listEvent(user, "AlexaHouseholdListEvent.ItemsCreated", itemsBody(listId, item.id));
        return item;
    }

    public HouseholdList.Item updateItem(
            SandboxState.UserState user, String listId, String itemId, String value, String status, long version) {
        HouseholdList.Item item;
        synchronized (state) {
            writableList(user, listId);
            item = findItem(user, listId, itemId);
            requireValue(value);
            if (version != item.version) {
                throw new ApiError(
                        409, "CONFLICT", "Version " + version + " is not the item's current version " + item.version);
            }
            item.value = value;
            item.status = status(status);
            item.version++;
            item.updatedTime = state.now();
        }
        events.listEvent(user, "AlexaHouseholdListEvent.ItemsUpdated", itemsBody(listId, itemId));
        return item;
    }

    public void deleteItem(SandboxState.UserState user, String listId, String itemId) {
        synchronized (state) {
            HouseholdList list = writableList(user, listId);
            findItem(user, listId, itemId);
            list.items.remove(itemId);
        }
        events.listEvent(user, "AlexaHouseholdListEvent.ItemsDeleted", itemsBody(listId, itemId));
    }

    public HouseholdList findList(SandboxState.UserState user, String listId) {
        synchronized (state) {
            HouseholdList list = user.lists.get(listId);
            if (list == null) {
                throw new ApiError(404, "NOT_FOUND", "No list " + listId);
            }
            return list;
        }
    }

    public HouseholdList.Item findItem(SandboxState.UserState user, String listId, String itemId) {
        synchronized (state) {
            HouseholdList.Item item = findList(user, listId).items.get(itemId);
            if (item == null) {
                throw new ApiError(404, "NOT_FOUND", "No item " + itemId + " in list " + listId);
            }
            return item;
        }
    }

    private HouseholdList writableList(SandboxState.UserState user, String listId) {
        HouseholdList list = findList(user, listId);
        if (!list.state.equals("active")) {
            throw new ApiError(400, "INVALID_REQUEST", "The list is archived and cannot be changed");
        }
        return list;
    }

    // ---- JSON ----

    private ObjectNode listsMetadata(SandboxState.UserState user) {
        ObjectNode out = Json.mapper().createObjectNode();
        ArrayNode lists = out.putArray("lists");
        synchronized (state) {
            user.lists.values().forEach(l -> lists.add(metadata(l)));
        }
        return out;
    }

    private ObjectNode metadata(HouseholdList list) {
        synchronized (state) {
            ObjectNode node = Json.mapper().createObjectNode();
            node.put("listId", list.listId);
            node.put("name", list.name);
            node.put("state", list.state);
            node.put("version", list.version);
            ArrayNode statusMap = node.putArray("statusMap");
            for (String status : List.of("active", "completed")) {
                statusMap
                        .addObject()
                        .put("href", BASE + "/" + Requests.pathSegment(list.listId) + "/" + status)
                        .put("status", status);
            }
            return node;
        }
    }

    private ObjectNode listPage(SandboxState.UserState user, String listId, String status, String nextToken) {
        if (!status.equals("active") && !status.equals("completed")) {
            throw new ApiError(400, "INVALID_REQUEST", "Status must be active or completed");
        }
        int offset;
        try {
            offset = Integer.parseInt(nextToken);
        } catch (NumberFormatException e) {
            throw new ApiError(400, "INVALID_REQUEST", "Bad nextToken");
        }
        synchronized (state) {
            HouseholdList list = findList(user, listId);
            List<HouseholdList.Item> matching = new ArrayList<>();
            list.items.values().stream().filter(i -> i.status.equals(status)).forEach(matching::add);
            ObjectNode node = Json.mapper().createObjectNode();
            node.put("listId", list.listId);
            node.put("name", list.name);
            node.put("state", list.state);
            node.put("version", list.version);
            ArrayNode items = node.putArray("items");
            int end = Math.min(matching.size(), offset + pageSize);
            for (int i = offset; i < end; i++) {
                items.add(item(listId, matching.get(i)));
            }
            ObjectNode links = node.putObject("links");
            if (end < matching.size()) {
                links.put("next", BASE + "/" + Requests.pathSegment(listId) + "/" + status + "?nextToken=" + end);
            }
            return node;
        }
    }

    private ObjectNode item(String listId, HouseholdList.Item item) {
        synchronized (state) {
            ObjectNode node = Json.mapper().createObjectNode();
            node.put("id", item.id);
            node.put("version", item.version);
            node.put("value", item.value);
            node.put("status", item.status);
            node.put("createdTime", ITEM_TIME.format(item.createdTime));
            node.put("updatedTime", ITEM_TIME.format(item.updatedTime));
            node.put("href", BASE + "/" + Requests.pathSegment(listId) + "/items/" + Requests.pathSegment(item.id));
            return node;
        }
    }

    private static ObjectNode listBody(String listId) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("listId", listId);
        return body;
    }

    private static ObjectNode itemsBody(String listId, String itemId) {
        ObjectNode body = listBody(listId);
        body.putArray("listItemIds").add(itemId);
        return body;
    }

    private static JsonNode json(byte[] body) {
        JsonNode node = Json.readTreeOrNull(body);
        if (node == null || !node.isObject()) {
            throw new ApiError(400, "INVALID_REQUEST", "The body is not a JSON object");
        }
        return node;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank() || name.length() > 256) {
            throw new ApiError(400, "INVALID_REQUEST", "A list name of 1 to 256 characters is required");
        }
    }

    private static void requireValue(String value) {
        if (value == null || value.isBlank() || value.length() > 256) {
            throw new ApiError(400, "INVALID_REQUEST", "An item value of 1 to 256 characters is required");
        }
    }

    private static String status(String status) {
        if (status == null || !(status.equals("active") || status.equals("completed"))) {
            throw new ApiError(400, "INVALID_REQUEST", "Status must be active or completed");
        }
        return status;
    }

    private static String decodeId(String listId) {
        try {
            return new String(java.util.Base64.getDecoder().decode(listId), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return listId;
        }
    }

    /** The path below {@code /v2/householdlists}, percent-decoded segment by segment. */
    static List<String> segments(String rawPath) {
        String rest = rawPath.substring(BASE.length());
        List<String> out = new ArrayList<>();
        for (String s : rest.split("/")) {
            if (!s.isEmpty()) {
                out.add(percentDecode(s));
            }
        }
        return out;
    }

    /** Percent-decoding of a path segment ({@code +} stays a plus). */
    static String percentDecode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
