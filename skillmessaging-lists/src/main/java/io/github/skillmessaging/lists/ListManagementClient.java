package io.github.skillmessaging.lists;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.skillmessaging.ClientBuilder;
import io.github.skillmessaging.error.ConflictException;
import io.github.skillmessaging.error.ForbiddenException;
import io.github.skillmessaging.error.SkillMessagingException;
import io.github.skillmessaging.http.HttpTransport;
import io.github.skillmessaging.internal.ApiCaller;
import io.github.skillmessaging.internal.ApiCaller.Idempotency;
import io.github.skillmessaging.internal.ClientOptions;
import io.github.skillmessaging.internal.Endpoints;
import io.github.skillmessaging.internal.ErrorMapper;
import io.github.skillmessaging.internal.ExceptionAccess;
import io.github.skillmessaging.internal.Futures;
import io.github.skillmessaging.internal.Json;
import io.github.skillmessaging.internal.Requests;
import io.github.skillmessaging.request.SkillRequest;
import io.github.skillmessaging.request.SystemContext;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The Alexa List Management API (household lists) for one user, through the {@code apiEndpoint}
 * and {@code apiAccessToken} of a request Alexa sent the skill:
 *
 * <pre>{@code
 * var lists = ListManagementClient.create(system.apiEndpoint(), system.apiAccessToken());
 * ListMetadata shopping = lists.findShoppingList().orElseThrow();
 * lists.createItem(shopping.listId(), "milk", ItemStatus.ACTIVE);
 * }</pre>
 *
 * <p>The endpoint is used as given ({@code https://api.eu.amazonalexa.com} for a European user):
 * the client never assumes North America. Every call has a blocking form and an {@code ...Async}
 * form; the blocking form waits for the async one. Calls go through the SDK's one retry loop:
 * reads, updates and deletes are retried on 429, 5xx and lost connections; creates (POST) only on
 * 429 and when the request surely never reached Amazon, so that an item is never added twice.
 * Updates carry a version, so a repeated update cannot apply twice: at worst the retry answers 409
 * although the first attempt succeeded, and a repeated delete answers 404. Read again in that case.
 *
 * <p>Errors are {@link io.github.skillmessaging.error.AlexaServiceException}s as for every client
 * of the SDK, with two list-specific types: {@link ListPermissionException} for 403 and
 * {@link ListVersionConflictException} for 409 to an update. Deletes that fail throw like any call.
 *
 * <p>Blank ids, names and values are refused at once with an {@link IllegalArgumentException},
 * by the {@code ...Async} forms too, before anything is sent.
 *
 * <p>The token is never shown by {@link #toString()}, in logs or in exception messages. Thread-safe;
 * cheap to create per request, it shares the JVM-wide HTTP client unless given one.
 */
public final class ListManagementClient implements AutoCloseable {
    /** The path of the household lists under the API endpoint. */
    public static final String LISTS_PATH = "/v2/householdlists/";

    /** Most pages {@link #getAllItems} follows before giving up on a {@code links.next} that never ends. */
    public static final int MAX_PAGES = 1_000;

    private final URI apiEndpoint;
    private final String apiAccessToken;
    private final ApiCaller caller;

    private ListManagementClient(String apiEndpoint, String apiAccessToken, ClientOptions options) {
        this.apiEndpoint = Endpoints.baseUrl(apiEndpoint, "apiEndpoint");
        if (apiAccessToken == null || apiAccessToken.isBlank()) {
            throw new IllegalArgumentException("apiAccessToken must not be blank");
        }
        if (apiAccessToken.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            // refused here, so that the HTTP client's own message never quotes the token
            throw new IllegalArgumentException("apiAccessToken must not contain control characters");
        }
        this.apiAccessToken = apiAccessToken;
        this.caller = new ApiCaller(options);
    }

    /**
     * A client with default settings.
     *
     * @param apiEndpoint {@code context.System.apiEndpoint} of the request, e.g.
     *     {@code https://api.eu.amazonalexa.com}
     * @param apiAccessToken {@code context.System.apiAccessToken} of the same request
     * @throws IllegalArgumentException when the endpoint is not a valid https URL or the token is
     *     blank or has control characters
     */
    public static ListManagementClient create(String apiEndpoint, String apiAccessToken) {
        return builder().apiEndpoint(apiEndpoint).apiAccessToken(apiAccessToken).build();
    }

    /**
     * A client with default settings for the user of {@code request}: its
     * {@code context.System.apiEndpoint} and {@code apiAccessToken}. Any request carries them,
     * {@code Messaging.MessageReceived} included: that is how a skill writes to a list out of
     * session. Use the client while handling that request: the token expires.
     *
     * @throws IllegalArgumentException when the request has no {@code apiEndpoint} or no
     *     {@code apiAccessToken}
     */
    public static ListManagementClient forRequest(SkillRequest request) {
        return builder().request(request).build();
    }

    /** A builder, for your own transport, retries, timeouts or clock. */
    public static Builder builder() {
        return new Builder();
    }

    /** The API endpoint every call goes to, without a trailing slash. */
    public URI apiEndpoint() {
        return apiEndpoint;
    }

    // ---- lists ----

    /** All lists of the household, without items ({@code GET /v2/householdlists/}). */
    public List<ListMetadata> getListsMetadata() {
        return Futures.join(getListsMetadataAsync(), Op.GET_LISTS.description);
    }

    /** {@link #getListsMetadata()} without blocking. */
    public CompletableFuture<List<ListMetadata>> getListsMetadataAsync() {
        return call(Op.GET_LISTS, request("GET", listsUri(), null), ListJson::metadataList);
    }

    /**
     * Creates a list in the {@code active} state ({@code POST /v2/householdlists/}). Not retried
     * on 5xx, so that the list is not created twice. Amazon allows at most 100 active lists.
     */
    public ListMetadata createList(String name) {
        return Futures.join(createListAsync(name), Op.CREATE_LIST.description);
    }

    /** {@link #createList} without blocking. */
    public CompletableFuture<ListMetadata> createListAsync(String name) {
        requireText(name, "name");
        return call(
                Op.CREATE_LIST,
                request("POST", listsUri(), new CreateListBody(name, ListState.ACTIVE.value())),
                ListJson::metadata);
    }

    /**
     * One page of a list with its items of {@code status}
     * ({@code GET /v2/householdlists/{listId}/{status}}). Follow {@link AlexaList#nextLink()} with
     * {@link #getNextPage}, or use {@link #getAllItems} for every page.
     */
    public AlexaList getList(String listId, ItemStatus status) {
        return Futures.join(getListAsync(listId, status), Op.GET_LIST.description);
    }

    /** {@link #getList} without blocking. */
    public CompletableFuture<AlexaList> getListAsync(String listId, ItemStatus status) {
        Objects.requireNonNull(status, "status");
        URI uri = URI.create(listUri(listId) + "/" + Requests.pathSegment(status.value()));
        return call(Op.GET_LIST, request("GET", uri, null), ListJson::list);
    }

    /**
     * The page after {@code page}, or empty when {@code page} is the last.
     *
     * <p>{@code links.next} is resolved against the API endpoint: a relative link, with or
     * without a leading {@code /}, is appended to the endpoint (a leading path the endpoint
     * already has is not repeated); an absolute link is followed only when its scheme, host and
     * port are the endpoint's, since the token goes with it. Any other link fails with a
     * {@link SkillMessagingException} before anything is sent.
     */
    public Optional<AlexaList> getNextPage(AlexaList page) {
        return Futures.join(getNextPageAsync(page), Op.GET_LIST.description);
    }

    /** {@link #getNextPage} without blocking. */
    public CompletableFuture<Optional<AlexaList>> getNextPageAsync(AlexaList page) {
        Objects.requireNonNull(page, "page");
        if (page.nextLink().isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        URI uri;
        try {
            uri = resolveNextLink(page.nextLink().get());
        } catch (SkillMessagingException e) {
            return CompletableFuture.failedFuture(e);
        }
        return call(Op.GET_LIST, request("GET", uri, null), ListJson::list).thenApply(Optional::of);
    }

    /**
     * Every item of {@code status} in the list, following {@code links.next} page after page (see
     * {@link #getNextPage} for how links are resolved). Fails if a link repeats or after
     * {@value #MAX_PAGES} pages, rather than looping for ever.
     */
    public List<ListItem> getAllItems(String listId, ItemStatus status) {
        return Futures.join(getAllItemsAsync(listId, status), Op.GET_LIST.description);
    }

    /** {@link #getAllItems} without blocking. */
    public CompletableFuture<List<ListItem>> getAllItemsAsync(String listId, ItemStatus status) {
        List<ListItem> items = new ArrayList<>();
        return pages(listId, status, page -> {
                    items.addAll(page.items());
                    return false;
                })
                .thenApply(ignored -> List.copyOf(items));
    }

    /**
     * Updates a list's name and state ({@code PUT /v2/householdlists/{listId}}).
     *
     * @param version the version last read; Amazon answers 409
     *     ({@link ListVersionConflictException}) when it is no longer current
     */
    public ListMetadata updateList(String listId, String name, ListState state, long version) {
        return Futures.join(updateListAsync(listId, name, state, version), Op.UPDATE_LIST.description);
    }

    /** {@link #updateList} without blocking. */
    public CompletableFuture<ListMetadata> updateListAsync(String listId, String name, ListState state, long version) {
        requireText(name, "name");
        Objects.requireNonNull(state, "state");
        return call(
                Op.UPDATE_LIST,
                request("PUT", listUri(listId), new UpdateListBody(name, state.value(), version)),
                ListJson::metadata);
    }

    /** Deletes a list ({@code DELETE /v2/householdlists/{listId}}); any failure throws. */
    public void deleteList(String listId) {
        Futures.join(deleteListAsync(listId), Op.DELETE_LIST.description);
    }

    /** {@link #deleteList} without blocking. */
    public CompletableFuture<Void> deleteListAsync(String listId) {
        return call(Op.DELETE_LIST, request("DELETE", listUri(listId), null), node -> null);
    }

    // ---- items ----

    /**
     * Adds an item ({@code POST /v2/householdlists/{listId}/items}). Not retried on 5xx, so that
     * the item is not added twice.
     */
    public ListItem createItem(String listId, String value, ItemStatus status) {
        return Futures.join(createItemAsync(listId, value, status), Op.CREATE_ITEM.description);
    }

    /** {@link #createItem} without blocking. */
    public CompletableFuture<ListItem> createItemAsync(String listId, String value, ItemStatus status) {
        requireText(value, "value");
        Objects.requireNonNull(status, "status");
        return call(
                Op.CREATE_ITEM,
                request("POST", itemsUri(listId), new CreateItemBody(value, status.value())),
                ListJson::item);
    }

    /** One item ({@code GET /v2/householdlists/{listId}/items/{itemId}}). */
    public ListItem getItem(String listId, String itemId) {
        return Futures.join(getItemAsync(listId, itemId), Op.GET_ITEM.description);
    }

    /** {@link #getItem} without blocking. */
    public CompletableFuture<ListItem> getItemAsync(String listId, String itemId) {
        return call(Op.GET_ITEM, request("GET", itemUri(listId, itemId), null), ListJson::item);
    }

    /**
     * Updates an item's value and status ({@code PUT /v2/householdlists/{listId}/items/{itemId}}).
     *
     * @param version the version last read; Amazon answers 409
     *     ({@link ListVersionConflictException}) when it is no longer current
     */
    public ListItem updateItem(String listId, String itemId, String value, ItemStatus status, long version) {
        return Futures.join(updateItemAsync(listId, itemId, value, status, version), Op.UPDATE_ITEM.description);
    }

    /** {@link #updateItem} without blocking. */
    public CompletableFuture<ListItem> updateItemAsync(
            String listId, String itemId, String value, ItemStatus status, long version) {
        requireText(value, "value");
        Objects.requireNonNull(status, "status");
        return call(
                Op.UPDATE_ITEM,
                request("PUT", itemUri(listId, itemId), new UpdateItemBody(value, status.value(), version)),
                ListJson::item);
    }

    /** Deletes an item ({@code DELETE /v2/householdlists/{listId}/items/{itemId}}); any failure throws. */
    public void deleteItem(String listId, String itemId) {
        Futures.join(deleteItemAsync(listId, itemId), Op.DELETE_ITEM.description);
    }

    /** {@link #deleteItem} without blocking. */
    public CompletableFuture<Void> deleteItemAsync(String listId, String itemId) {
        return call(Op.DELETE_ITEM, request("DELETE", itemUri(listId, itemId), null), node -> null);
    }

    // ---- helpers ----

    /** The user's Alexa shopping list, found by its id (see {@link DefaultLists}). */
    public Optional<ListMetadata> findShoppingList() {
        return Futures.join(findShoppingListAsync(), Op.GET_LISTS.description);
    }

    /** {@link #findShoppingList()} without blocking. */
    public CompletableFuture<Optional<ListMetadata>> findShoppingListAsync() {
        return getListsMetadataAsync().thenApply(DefaultLists::findShoppingList);
    }

    /** The user's Alexa to-do list, found by its id (see {@link DefaultLists}). */
    public Optional<ListMetadata> findToDoList() {
        return Futures.join(findToDoListAsync(), Op.GET_LISTS.description);
    }

    /** {@link #findToDoList()} without blocking. */
    public CompletableFuture<Optional<ListMetadata>> findToDoListAsync() {
        return getListsMetadataAsync().thenApply(DefaultLists::findToDoList);
    }

    /**
     * The first item of {@code status} whose value matches {@code value}, trimmed and ignoring case
     * ({@link ListItem#hasValue}), reading pages until it is found.
     */
    public Optional<ListItem> findItemByValue(String listId, ItemStatus status, String value) {
        return Futures.join(findItemByValueAsync(listId, status, value), Op.GET_LIST.description);
    }

    /** {@link #findItemByValue} without blocking. */
    public CompletableFuture<Optional<ListItem>> findItemByValueAsync(String listId, ItemStatus status, String value) {
        Objects.requireNonNull(value, "value");
        ListItem[] found = new ListItem[1];
        return pages(listId, status, page -> {
                    found[0] = page.findItemByValue(value).orElse(null);
                    return found[0] != null;
                })
                .thenApply(ignored -> Optional.ofNullable(found[0]));
    }

    /**
     * Stops this client's background work: calls waiting to retry fail with
     * {@link IllegalStateException}, calls in flight are not retried, and later calls fail at once
     * with {@link IllegalStateException}. The transport is left open. Idempotent; never throws a
     * checked exception.
     */
    @Override
    public void close() {
        caller.close();
    }

    /** Shows the endpoint only, never the token. */
    @Override
    public String toString() {
        return "ListManagementClient[" + apiEndpoint + "]";
    }

    // ---- plumbing ----

    /**
     * Reads pages from the first on, handing each to {@code stop} until it returns {@code true}
     * or the last page is read.
     */
    private CompletableFuture<Void> pages(String listId, ItemStatus status, Function<AlexaList, Boolean> stop) {
        Set<String> seen = new HashSet<>();
        return getListAsync(listId, status).thenCompose(first -> nextPages(first, stop, seen));
    }

    private CompletableFuture<Void> nextPages(AlexaList page, Function<AlexaList, Boolean> stop, Set<String> seen) {
        if (stop.apply(page) || page.nextLink().isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        String next = page.nextLink().get();
        if (!seen.add(next)) {
            return CompletableFuture.failedFuture(
                    new SkillMessagingException("Failed to get list: links.next repeats a page already read: " + next));
        }
        if (seen.size() >= MAX_PAGES) {
            return CompletableFuture.failedFuture(
                    new SkillMessagingException("Failed to get list: more than " + MAX_PAGES + " pages"));
        }
        return getNextPageAsync(page).thenCompose(p -> nextPages(p.orElseThrow(), stop, seen));
    }

    /** See {@link #getNextPage} for the rules. */
    URI resolveNextLink(String next) {
        URI link;
        try {
            link = new URI(next.trim());
        } catch (URISyntaxException e) {
            throw new SkillMessagingException("Not following links.next: not a valid URL: " + next);
        }
        if (link.getScheme() != null || link.getRawAuthority() != null) {
            URI absolute = apiEndpoint.resolve(link);
            if (!sameOrigin(absolute, apiEndpoint)) {
                throw new SkillMessagingException("Not following links.next to " + absolute.getScheme() + "://"
                        + absolute.getRawAuthority() + ": the access token is only sent to the API endpoint "
                        + apiEndpoint);
            }
            return absolute;
        }
        String path = link.getRawPath() == null ? "" : link.getRawPath();
        if (path.isEmpty()) {
            throw new SkillMessagingException("Not following links.next: it has no path: " + next);
        }
        String endpointPath = apiEndpoint.getRawPath() == null ? "" : apiEndpoint.getRawPath();
        String query = link.getRawQuery() == null ? "" : "?" + link.getRawQuery();
        String origin = apiEndpoint.getScheme() + "://" + apiEndpoint.getRawAuthority();
        if (path.startsWith("/") && !endpointPath.isEmpty() && path.startsWith(endpointPath + "/")) {
            return URI.create(origin + path + query);
        }
        String relative = path.replaceFirst("^/+", "");
        return URI.create(origin + endpointPath + "/" + relative + query);
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null
                && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null
                && a.getHost().toLowerCase(Locale.ROOT).equals(b.getHost().toLowerCase(Locale.ROOT))
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
    }

    private URI listsUri() {
        return URI.create(apiEndpoint + LISTS_PATH);
    }

    private URI listUri(String listId) {
        return URI.create(apiEndpoint + LISTS_PATH + Requests.pathSegment(requireText(listId, "listId")));
    }

    private URI itemsUri(String listId) {
        return URI.create(listUri(listId) + "/items");
    }

    private URI itemUri(String listId, String itemId) {
        return URI.create(itemsUri(listId) + "/" + Requests.pathSegment(requireText(itemId, "itemId")));
    }

    private HttpTransport.Request request(String method, URI uri, Object body) {
        return Requests.bearerJson(method, uri, apiAccessToken, body);
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    /**
     * Runs {@code op} through the retry loop, turns 403 and 409 into the list types, reads the
     * answer with {@code reader}. Cancelling the returned future cancels the call.
     */
    private <T> CompletableFuture<T> call(Op op, HttpTransport.Request request, Function<JsonNode, T> reader) {
        CompletableFuture<HttpTransport.Response> sent =
                caller.execute(ErrorMapper.Api.ALEXA, op.description, request, op.idempotency);
        CompletableFuture<T> result = sent.handle((response, error) -> {
            if (error != null) {
                throw translate(op, error);
            }
            return read(op, response, reader);
        });
        result.whenComplete((value, error) -> {
            if (result.isCancelled()) {
                sent.cancel(true);
            }
        });
        return result;
    }

    private static RuntimeException translate(Op op, Throwable error) {
        Throwable cause = Futures.unwrap(error);
        if (cause instanceof ForbiddenException fe && !(cause instanceof ListPermissionException)) {
            ListPermissionException lpe = new ListPermissionException(
                    fe.operation(),
                    fe.statusCode(),
                    fe.headers(),
                    fe.body(),
                    op.write ? ListPermissionException.WRITE_SCOPE : ListPermissionException.READ_SCOPE);
            lpe.setStackTrace(fe.getStackTrace());
            keepDeliveryOutcome(fe, lpe);
            return lpe;
        }
        if (op.versioned && cause instanceof ConflictException ce && !(cause instanceof ListVersionConflictException)) {
            ListVersionConflictException lvce =
                    new ListVersionConflictException(ce.operation(), ce.statusCode(), ce.headers(), ce.body());
            lvce.setStackTrace(ce.getStackTrace());
            keepDeliveryOutcome(ce, lvce);
            return lvce;
        }
        return ApiCaller.wrap(cause, op.description);
    }

    /**
     * The list type replacing {@code from} says, as {@code from} did, that an earlier attempt may
     * have taken effect: a 409 after a reset update may be caused by that very update.
     */
    private static void keepDeliveryOutcome(SkillMessagingException from, SkillMessagingException to) {
        if (from.mayHaveBeenDelivered()) {
            ExceptionAccess.markMayHaveBeenDelivered(to);
        }
    }

    private static <T> T read(Op op, HttpTransport.Response response, Function<JsonNode, T> reader) {
        if (op.method.equals("DELETE")) {
            return reader.apply(null);
        }
        try {
            JsonNode node = Json.mapper().readTree(response.body());
            return reader.apply(node);
        } catch (IOException | RuntimeException e) {
            throw new SkillMessagingException(
                    "Failed to " + op.description + ": unexpected response (HTTP " + response.statusCode() + "): "
                            + e.getMessage(),
                    e);
        }
    }

    /** The operations, with what the retry loop and the error mapping need to know of each. */
    private enum Op {
        GET_LISTS("get lists metadata", "GET", Idempotency.IDEMPOTENT, false, false),
        CREATE_LIST("create list", "POST", Idempotency.NOT_IDEMPOTENT, true, false),
        GET_LIST("get list", "GET", Idempotency.IDEMPOTENT, false, false),
        UPDATE_LIST("update list", "PUT", Idempotency.IDEMPOTENT, true, true),
        DELETE_LIST("delete list", "DELETE", Idempotency.IDEMPOTENT, true, false),
        CREATE_ITEM("create list item", "POST", Idempotency.NOT_IDEMPOTENT, true, false),
        GET_ITEM("get list item", "GET", Idempotency.IDEMPOTENT, false, false),
        UPDATE_ITEM("update list item", "PUT", Idempotency.IDEMPOTENT, true, true),
        DELETE_ITEM("delete list item", "DELETE", Idempotency.IDEMPOTENT, true, false);

        final String description;
        final String method;
        final Idempotency idempotency;
        final boolean write;
        final boolean versioned;

        Op(String description, String method, Idempotency idempotency, boolean write, boolean versioned) {
            this.description = description;
            this.method = method;
            this.idempotency = idempotency;
            this.write = write;
            this.versioned = versioned;
        }
    }

    private record CreateListBody(
            @JsonProperty("name") String name,
            @JsonProperty("state") String state) {}

    private record UpdateListBody(
            @JsonProperty("name") String name,
            @JsonProperty("state") String state,
            @JsonProperty("version") long version) {}

    private record CreateItemBody(
            @JsonProperty("value") String value,
            @JsonProperty("status") String status) {}

    private record UpdateItemBody(
            @JsonProperty("value") String value,
            @JsonProperty("status") String status,
            @JsonProperty("version") long version) {}

    /** Builds a {@link ListManagementClient}; the shared settings are those of {@link ClientBuilder}. */
    public static final class Builder extends ClientBuilder<Builder> {
        private String apiEndpoint;
        private String apiAccessToken;

        private Builder() {}

        /** {@code context.System.apiEndpoint} of the request, used as given. Required. */
        public Builder apiEndpoint(String apiEndpoint) {
            this.apiEndpoint = apiEndpoint;
            return this;
        }

        /** {@code context.System.apiAccessToken} of the same request. Required. */
        public Builder apiAccessToken(String apiAccessToken) {
            this.apiAccessToken = apiAccessToken;
            return this;
        }

        /**
         * Takes {@code apiEndpoint} and {@code apiAccessToken} from {@code request}'s
         * {@code context.System}.
         *
         * @throws IllegalArgumentException naming what the request lacks
         */
        public Builder request(SkillRequest request) {
            Objects.requireNonNull(request, "request");
            SystemContext system = request.system();
            List<String> missing = new ArrayList<>();
            if (system.apiEndpoint().isEmpty()) {
                missing.add("context.System.apiEndpoint");
            }
            if (system.apiAccessToken().isEmpty()) {
                missing.add("context.System.apiAccessToken");
            }
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("The " + request.request().type() + " request has no "
                        + String.join(" and no ", missing) + ": it cannot be used to call the List Management API");
            }
            this.apiEndpoint = system.apiEndpoint().get();
            this.apiAccessToken = system.apiAccessToken().get();
            return this;
        }

        /**
         * Builds the client.
         *
         * @throws IllegalStateException naming every missing required setting
         * @throws IllegalArgumentException when the endpoint is not a valid https URL or the token is blank
         */
        public ListManagementClient build() {
            StringBuilder missing = new StringBuilder();
            if (apiEndpoint == null) {
                missing.append(" apiEndpoint");
            }
            if (apiAccessToken == null) {
                missing.append(" apiAccessToken");
            }
            if (missing.length() > 0) {
                throw new IllegalStateException("ListManagementClient.Builder is missing:" + missing);
            }
            return new ListManagementClient(apiEndpoint, apiAccessToken, options());
        }

        /** Never shows the token. */
        @Override
        public String toString() {
            return "ListManagementClient.Builder[" + apiEndpoint + "]";
        }
    }
}
