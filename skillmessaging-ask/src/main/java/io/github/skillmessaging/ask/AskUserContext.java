package io.github.skillmessaging.ask;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.RequestEnvelope;
import io.github.skillmessaging.lists.ListManagementClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The user id, {@code apiEndpoint} and {@code apiAccessToken} of one ASK request
 * ({@code context.System}), read in one call: what a skill stores to send messages later
 * ({@link #userId()}, {@link #apiEndpoint()}) and what it needs to call the user's lists now.
 *
 * <p>The access token is short-lived: use it for this request and never store it. It never
 * appears in {@link #toString()}.
 *
 * @param userId {@code context.System.user.userId}
 * @param apiEndpoint {@code context.System.apiEndpoint}: the user's region, used verbatim
 * @param apiAccessToken {@code context.System.apiAccessToken}
 */
public record AskUserContext(String userId, String apiEndpoint, String apiAccessToken) {
    /** Checks that every part is present. */
    public AskUserContext {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(apiEndpoint, "apiEndpoint");
        Objects.requireNonNull(apiAccessToken, "apiAccessToken");
    }

    /**
     * Reads the context of the request an ASK handler is handling.
     *
     * @throws IllegalArgumentException naming every part the request lacks
     */
    public static AskUserContext of(HandlerInput input) {
        Objects.requireNonNull(input, "input");
        return of(input.getRequestEnvelope());
    }

    /**
     * Reads the context of an ASK request envelope.
     *
     * @throws IllegalArgumentException naming every part the request lacks
     */
    public static AskUserContext of(RequestEnvelope envelope) {
        Objects.requireNonNull(envelope, "envelope");
        var system =
                envelope.getContext() == null ? null : envelope.getContext().getSystem();
        String userId = system == null || system.getUser() == null
                ? null
                : system.getUser().getUserId();
        String apiEndpoint = system == null ? null : system.getApiEndpoint();
        String apiAccessToken = system == null ? null : system.getApiAccessToken();
        List<String> missing = new ArrayList<>();
        if (isBlank(userId)) {
            missing.add("context.System.user.userId");
        }
        if (isBlank(apiEndpoint)) {
            missing.add("context.System.apiEndpoint");
        }
        if (isBlank(apiAccessToken)) {
            missing.add("context.System.apiAccessToken");
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the request has no " + String.join(", ", missing));
        }
        return new AskUserContext(userId, apiEndpoint, apiAccessToken);
    }

    /**
     * A List Management client for this user: the request's own endpoint (any region) and token.
     * Cheap and thread-safe; make one per request.
     */
    public ListManagementClient lists() {
        return ListManagementClient.create(apiEndpoint, apiAccessToken);
    }

    /** A builder for a List Management client with this endpoint and token set, for other settings. */
    public ListManagementClient.Builder listsBuilder() {
        return ListManagementClient.builder().apiEndpoint(apiEndpoint).apiAccessToken(apiAccessToken);
    }

    /** Shows the user id and endpoint, never the access token. */
    @Override
    public String toString() {
        return "AskUserContext[userId=" + userId + ", apiEndpoint=" + apiEndpoint + ", apiAccessToken=<redacted>]";
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
