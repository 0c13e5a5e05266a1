package io.github.skillmessaging;

import io.github.skillmessaging.http.HttpTransport;
import io.github.skillmessaging.internal.ApiCaller;
import io.github.skillmessaging.internal.ClientOptions;
import io.github.skillmessaging.internal.Endpoints;
import io.github.skillmessaging.internal.ErrorMapper;
import io.github.skillmessaging.internal.Futures;
import io.github.skillmessaging.internal.Requests;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Sends skill messages with an access token you got yourself. The Java form of the .NET
 * {@code SkillMessageClient}:
 *
 * <pre>{@code
 * var messageClient = new SkillMessageClient(alexaEndpoint + "/v1/skillmessages/users/", accessToken.token());
 * String messageId = messageClient.send(new Message(Map.of("Key", "Some Value"), 3600), userId);
 * }</pre>
 *
 * <p>It does not own credentials: when the token expires, Alexa answers 403 and this client
 * throws {@link io.github.skillmessaging.error.ForbiddenException}. {@link SkillMessaging} owns the
 * credentials, caches the token and refreshes it for you. Thread-safe.
 */
public final class SkillMessageClient implements AutoCloseable {
    /** The Skill Messaging path under an Alexa API endpoint. */
    public static final String USERS_PATH = "/v1/skillmessages/users/";

    static final String OPERATION = "send skill message";

    private final String baseAddress;
    private final String accessToken;
    private final ApiCaller caller;

    /**
     * @param baseAddress the endpoint and path up to the user id, e.g.
     *     {@code https://api.amazonalexa.com/v1/skillmessages/users/}
     * @param accessToken a token for {@code alexa:skill_messaging}
     */
    public SkillMessageClient(String baseAddress, String accessToken) {
        this(baseAddress, accessToken, ClientOptions.defaults());
    }

    private SkillMessageClient(String baseAddress, String accessToken, ClientOptions options) {
        this.baseAddress = Endpoints.baseUrl(baseAddress, "Skill Messaging base address") + "/";
        if (accessToken == null || accessToken.isBlank()) {
            throw new IllegalArgumentException("accessToken must not be blank");
        }
        this.accessToken = accessToken;
        this.caller = new ApiCaller(options);
    }

    /** A builder, for your own transport, retries, timeouts or clock. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sends {@code message} to {@code userId} and blocks until Alexa has queued it (202).
     *
     * @return the message id: the {@code X-Amzn-RequestId} of the 202 answer, or the empty
     *     string when Alexa sent none; never {@code null}
     */
    public String send(Message message, String userId) {
        return Futures.join(sendAsync(message, userId), OPERATION);
    }

    /** {@link #send} without blocking. */
    public CompletableFuture<String> sendAsync(Message message, String userId) {
        HttpTransport.Request request = request(URI.create(baseAddress + userIdSegment(userId)), accessToken, message);
        CompletableFuture<HttpTransport.Response> sent =
                caller.execute(ErrorMapper.Api.ALEXA, OPERATION, request, ApiCaller.Idempotency.IDEMPOTENT);
        return Futures.cancelling(sent.thenApply(SkillMessageClient::messageId), sent);
    }

    /** The POST of {@code message}. Shared with {@link SkillMessaging}. */
    static HttpTransport.Request request(URI uri, String token, Message message) {
        Objects.requireNonNull(message, "message");
        return Requests.bearerJsonBytes("POST", uri, token, message.toJsonBytes());
    }

    /** The POST of a message already serialized, for one attempt. Shared with {@link SkillMessaging}. */
    static HttpTransport.Request request(URI uri, String token, byte[] messageJson, java.time.Duration timeout) {
        return Requests.bearerJsonBytes("POST", uri, token, messageJson, timeout);
    }

    /**
     * The address of {@code userId}'s messages at {@code endpoint}, a base URL checked by
     * {@link Endpoints#baseUrl}. For an endpoint without a path (Alexa's) only the path is parsed,
     * not the whole URL again: the same URI, in less time (it is made once per recipient).
     */
    static URI userUri(URI endpoint, String userId) {
        String path = USERS_PATH + userIdSegment(userId);
        if (endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty()) {
            return endpoint.resolve(URI.create(path));
        }
        return URI.create(endpoint + path);
    }

    /** The user id as a path segment, checked. */
    static String userIdSegment(String userId) {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("userId must not be blank");
        }
        return Requests.pathSegment(userId);
    }

    /** The message id of a 202 answer. */
    static String messageId(HttpTransport.Response response) {
        return response.header("X-Amzn-RequestId").orElse("");
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

    /** Shows the base address only, never the token. */
    @Override
    public String toString() {
        return "SkillMessageClient[" + baseAddress + "]";
    }

    /** Builds a {@link SkillMessageClient}. */
    public static final class Builder extends ClientBuilder<Builder> {
        private String baseAddress;
        private String accessToken;

        private Builder() {}

        /** The endpoint and path up to the user id. Required. */
        public Builder baseAddress(String baseAddress) {
            this.baseAddress = baseAddress;
            return this;
        }

        /** The token to send. Required. */
        public Builder accessToken(String accessToken) {
            this.accessToken = accessToken;
            return this;
        }

        /**
         * Builds the client.
         *
         * @throws IllegalStateException naming every missing required setting
         */
        public SkillMessageClient build() {
            StringBuilder missing = new StringBuilder();
            if (baseAddress == null) {
                missing.append(" baseAddress");
            }
            if (accessToken == null) {
                missing.append(" accessToken");
            }
            if (missing.length() > 0) {
                throw new IllegalStateException("SkillMessageClient.Builder is missing:" + missing);
            }
            return new SkillMessageClient(baseAddress, accessToken, options());
        }
    }
}
