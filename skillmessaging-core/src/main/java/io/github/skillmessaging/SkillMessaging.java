package io.github.skillmessaging;

import io.github.skillmessaging.error.ForbiddenException;
import io.github.skillmessaging.http.HttpTransport;
import io.github.skillmessaging.internal.ApiCaller;
import io.github.skillmessaging.internal.ClientOptions;
import io.github.skillmessaging.internal.Endpoints;
import io.github.skillmessaging.internal.ErrorMapper;
import io.github.skillmessaging.internal.Futures;
import io.github.skillmessaging.internal.TokenCache;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The production client: owns the skill's credentials, caches the access token and sends skill
 * messages to users in any region.
 *
 * <pre>{@code
 * try (var messaging = SkillMessaging.builder().clientId(id).clientSecret(secret).build()) {
 *     String messageId = messaging.send(userId, storedApiEndpoint, new Message(Map.of("listItemId", "42")));
 * }
 * }</pre>
 *
 * <p>One token serves all sends: it is fetched on first use, refreshed in the background in the
 * last quarter of its lifetime ({@code expires_in}) but at most five minutes before it expires,
 * and never used in the last tenth of its lifetime, at most its last minute (for Amazon's one-hour
 * tokens: from five minutes before expiry, never in the last minute; for a 30-second token: from
 * 7.5 s before, never in the last 3 s). When many threads need a new token at once, one request
 * goes to Login-With-Amazon and all share its answer. When Alexa
 * answers 403 (a token revoked early), the token is dropped and the send is retried once with a
 * new one. Other failures are retried as the {@link RetryPolicy} says. Thread-safe: share one
 * instance.
 */
public final class SkillMessaging implements AutoCloseable {
    /** The longest stale window: a token is never used in the last tenth of its lifetime, at most this. */
    static final Duration TOKEN_STALE_BEFORE_EXPIRY = Duration.ofMinutes(1);
    /** The longest prefetch window: refreshed from the last quarter of its lifetime, at most this. */
    static final Duration TOKEN_PREFETCH_BEFORE_EXPIRY = Duration.ofMinutes(5);

    private final String clientId;
    private final String scope;
    private final URI defaultEndpoint;
    private final int bulkConcurrency;
    private final ApiCaller caller;
    private final AccessTokenClient tokenClient;
    private final TokenCache tokens;

    private SkillMessaging(Builder b) {
        this.clientId = b.clientId;
        this.scope = b.scope;
        this.defaultEndpoint = Endpoints.baseUrl(b.defaultEndpoint, "defaultEndpoint");
        this.bulkConcurrency = b.bulkConcurrency;
        ClientOptions options = b.options();
        this.caller = new ApiCaller(options);
        this.tokenClient = AccessTokenClient.builder()
                .baseAddress(b.tokenBaseAddress)
                .transport(options.transport())
                .retryPolicy(options.retryPolicy())
                .attemptTimeout(options.attemptTimeout())
                .clock(options.clock())
                .sleeper(options.sleeper())
                .build();
        String secret = b.clientSecret;
        this.tokens = new TokenCache(
                () -> tokenClient.sendAsync(clientId, secret, scope),
                options.clock(),
                TOKEN_STALE_BEFORE_EXPIRY,
                TOKEN_PREFETCH_BEFORE_EXPIRY);
    }

    /** A builder; {@code clientId} and {@code clientSecret} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Sends to {@code userId} at the default endpoint. Blocks until Alexa queued it. */
    public String send(String userId, Message message) {
        return Futures.join(sendAsync(userId, message), SkillMessageClient.OPERATION);
    }

    /**
     * Sends to {@code userId} at {@code apiEndpoint} (the one stored for that user). Blocks until
     * Alexa queued the message.
     *
     * @return the message id ({@code X-Amzn-RequestId}), or the empty string when Alexa sent none
     */
    public String send(String userId, String apiEndpoint, Message message) {
        return Futures.join(sendAsync(userId, apiEndpoint, message), SkillMessageClient.OPERATION);
    }

    /** Sends to {@code userId} in {@code region}. Blocks until Alexa queued the message. */
    public String send(String userId, AlexaRegion region, Message message) {
        return send(userId, region.endpoint().toString(), message);
    }

    /** {@link #send(String, Message)} without blocking. */
    public CompletableFuture<String> sendAsync(String userId, Message message) {
        return sendAsync(userId, defaultEndpoint, message);
    }

    /** {@link #send(String, String, Message)} without blocking. */
    public CompletableFuture<String> sendAsync(String userId, String apiEndpoint, Message message) {
        return sendAsync(userId, Endpoints.baseUrl(apiEndpoint, "apiEndpoint"), message);
    }

    /** {@link #send(String, AlexaRegion, Message)} without blocking. */
    public CompletableFuture<String> sendAsync(String userId, AlexaRegion region, Message message) {
        return sendAsync(userId, region.endpoint(), message);
    }

    private CompletableFuture<String> sendAsync(String userId, URI endpoint, Message message) {
        Objects.requireNonNull(message, "message");
        return send(userId, endpoint, message.toJsonBytes());
    }

    private CompletableFuture<String> send(String userId, URI endpoint, byte[] messageJson) {
        CompletableFuture<HttpTransport.Response> sent = post(userId, endpoint, messageJson);
        return Futures.cancelling(sent.thenApply(SkillMessageClient::messageId), sent);
    }

    /** Sends an already serialized message with retries: the one path of single and bulk sends. */
    private CompletableFuture<HttpTransport.Response> post(String userId, URI endpoint, byte[] messageJson) {
        URI uri = SkillMessageClient.userUri(endpoint, userId);
        return caller.withRetries(
                SkillMessageClient.OPERATION,
                ApiCaller.Idempotency.IDEMPOTENT,
                attempt -> attempt(uri, messageJson, attempt, true));
    }

    private CompletableFuture<HttpTransport.Response> attempt(
            URI uri, byte[] message, ApiCaller.Attempt attempt, boolean mayRefreshToken) {
        AccessToken cached = tokens.usableNow();
        if (cached != null) { // the common case: no stages to wait for the token
            return attemptWith(cached, uri, message, attempt, mayRefreshToken);
        }
        return tokens.get()
                .exceptionally(failure -> {
                    // The token request retried on its own: do not retry it again as part of the send.
                    throw ApiCaller.finalFailure(failure);
                })
                .thenCompose(accessToken -> attemptWith(accessToken, uri, message, attempt, mayRefreshToken));
    }

    /** One attempt with {@code accessToken}; a 403 drops the token and tries once more with a new one. */
    private CompletableFuture<HttpTransport.Response> attemptWith(
            AccessToken accessToken, URI uri, byte[] message, ApiCaller.Attempt attempt, boolean mayRefreshToken) {
        return caller.send(
                ErrorMapper.Api.ALEXA,
                SkillMessageClient.OPERATION,
                SkillMessageClient.request(uri, accessToken.token(), message, attempt.timeout()),
                attempt,
                errorAnswer -> {
                    if (mayRefreshToken && errorAnswer instanceof ForbiddenException) {
                        tokens.invalidate(accessToken);
                        return attempt(uri, message, attempt, false);
                    }
                    return null;
                });
    }

    /** {@link #post} for one send of a bulk send: throttle answers do not use up attempts. */
    private void postInBulk(
            String userId,
            URI endpoint,
            byte[] messageJson,
            ApiCaller.ThrottleWaits waits,
            BiConsumer<HttpTransport.Response, Throwable> onEnd) {
        URI uri;
        try {
            uri = SkillMessageClient.userUri(endpoint, userId);
        } catch (RuntimeException e) { // a blank user id, say: that recipient's failure
            onEnd.accept(null, e);
            return;
        }
        caller.withRetriesPastThrottles(
                SkillMessageClient.OPERATION,
                ApiCaller.Idempotency.IDEMPOTENT,
                waits,
                attempt -> attempt(uri, messageJson, attempt, true),
                onEnd);
    }

    /**
     * Sends {@code message} to every recipient, at most {@code bulkConcurrency} at a time, and
     * blocks until all are done. Never throws for a single recipient's failure. Holds every
     * result: for many recipients, stream them with {@link #sendToAll(Iterator, Message, Consumer)}
     * or {@link #bulkSend()}.
     *
     * @return one result per recipient, in the order given
     */
    public List<SendResult> sendToAll(Collection<Recipient> recipients, Message message) {
        return Futures.join(sendToAllAsync(recipients, message), "send skill messages");
    }

    /**
     * {@link #sendToAll(Collection, Message)} without blocking. Cancelling the returned future
     * stops starting new sends. If the client is closed meanwhile, the recipients not yet started
     * fail with {@link IllegalStateException}.
     */
    public CompletableFuture<List<SendResult>> sendToAllAsync(Collection<Recipient> recipients, Message message) {
        Objects.requireNonNull(recipients, "recipients");
        Objects.requireNonNull(message, "message");
        if (caller.isClosed()) {
            return CompletableFuture.failedFuture(ApiCaller.closedException("send skill messages"));
        }
        List<Recipient> list = List.copyOf(recipients);
        SendResult[] results = new SendResult[list.size()];
        Iterator<Recipient> each = list.iterator();
        Iterator<Outgoing> items = new Iterator<>() { // each recipient with the one message, made as pulled
                    @Override
                    public boolean hasNext() {
                        return each.hasNext();
                    }

                    @Override
                    public Outgoing next() {
                        return new Outgoing(each.next(), message);
                    }
                };
        BulkRun run = new BulkRun(
                items,
                message,
                bulkConcurrency,
                this::postInBulk,
                caller,
                (index, result) -> results[(int) index] = result,
                null,
                null,
                false);
        CompletableFuture<List<SendResult>> all = run.start().handle((summary, failure) -> {
            // Stopped early only when the client was closed (or this future cancelled): the rest fail as sends would.
            for (int i = 0; i < results.length; i++) {
                if (results[i] == null) {
                    results[i] = SendResult.failed(
                            list.get(i), message, ApiCaller.closedException(SkillMessageClient.OPERATION));
                }
            }
            return List.of(results);
        });
        return Futures.cancelling(all, run.result);
    }

    /**
     * Sends {@code message} to every recipient {@code recipients} gives, taking them one at a time
     * as slots free up (at most {@code bulkConcurrency} in flight), handing each result to
     * {@code onResult} as its send completes, and blocks until each recipient taken has its result.
     * {@code onResult} is called on this thread only, never twice at once. See {@link BulkSend} for
     * progress reports and what happens when something throws or the client is closed.
     *
     * @return counts and time
     * @throws io.github.skillmessaging.error.BulkSendException when the send stopped early
     */
    public BulkSummary sendToAll(
            Iterator<? extends Recipient> recipients, Message message, Consumer<? super SendResult> onResult) {
        return bulkSend().onResult(onResult).send(recipients, message);
    }

    /** {@link #sendToAll(Iterator, Message, Consumer)} without blocking: {@code onResult} runs on the SDK's threads, one call at a time. */
    public CompletableFuture<BulkSummary> sendToAllAsync(
            Iterator<? extends Recipient> recipients, Message message, Consumer<? super SendResult> onResult) {
        return bulkSend().onResult(onResult).sendAsync(recipients, message);
    }

    /** A streaming bulk send of this client, to configure with a result consumer and a progress listener. */
    public BulkSend bulkSend() {
        return new BulkSend(this, null, null, null);
    }

    /** Starts (async) or prepares (blocking) one streaming bulk send; {@code shared} is the message every item carries, if one. */
    BulkRun bulk(Iterator<? extends Outgoing> items, Message shared, BulkSend options, boolean blocking) {
        if (caller.isClosed()) {
            throw ApiCaller.closedException("send skill messages");
        }
        Consumer<? super SendResult> onResult = options.resultConsumer();
        return new BulkRun(
                items,
                shared,
                bulkConcurrency,
                this::postInBulk,
                caller,
                onResult == null ? (index, result) -> {} : (index, result) -> onResult.accept(result),
                options.progressConsumer(),
                options.progressEvery(),
                blocking);
    }

    /** The current access token, fetched or refreshed if needed: usable for other Alexa APIs of the same scope. */
    public AccessToken accessToken() {
        return Futures.join(accessTokenAsync(), "get access token");
    }

    /** {@link #accessToken()} without blocking. */
    public CompletableFuture<AccessToken> accessTokenAsync() {
        return tokens.get();
    }

    /**
     * Stops this client's background work: no token refresh is started, sends waiting to retry
     * fail with {@link IllegalStateException}, and sends in flight are not retried. Later calls
     * fail at once with {@link IllegalStateException}. The transport is left open (the shared
     * default one, or yours). Idempotent; never throws a checked exception.
     */
    @Override
    public void close() {
        caller.close();
        tokenClient.close();
        tokens.close();
    }

    /** Shows the client id, scope and endpoint; never the secret or a token. */
    @Override
    public String toString() {
        return "SkillMessaging[clientId=" + clientId + ", scope=" + scope + ", defaultEndpoint=" + defaultEndpoint
                + "]";
    }

    /** Builds a {@link SkillMessaging}. */
    public static final class Builder extends ClientBuilder<Builder> {
        /** Default limit of sends in flight (recipients without a result) during a bulk send. */
        public static final int DEFAULT_BULK_CONCURRENCY = 16;

        private String clientId;
        private String clientSecret;
        private String scope = AccessTokenClient.SKILL_MESSAGING_SCOPE;
        private String tokenBaseAddress = AccessTokenClient.API_DOMAIN_BASE_ADDRESS;
        private String defaultEndpoint = AlexaRegion.NORTH_AMERICA.endpoint().toString();
        private int bulkConcurrency = DEFAULT_BULK_CONCURRENCY;

        private Builder() {}

        /** The skill's client id (developer console, Build, Permissions). Required. */
        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        /** The skill's client secret. Required. Never logged or shown. */
        public Builder clientSecret(String clientSecret) {
            this.clientSecret = clientSecret;
            return this;
        }

        /** The token scope; {@value AccessTokenClient#SKILL_MESSAGING_SCOPE} by default. */
        public Builder scope(String scope) {
            this.scope = scope;
            return this;
        }

        /** Login-With-Amazon's base address; {@link AccessTokenClient#API_DOMAIN_BASE_ADDRESS} by default. */
        public Builder tokenBaseAddress(String tokenBaseAddress) {
            this.tokenBaseAddress = tokenBaseAddress;
            return this;
        }

        /** Where sends without an endpoint go; North America by default. */
        public Builder defaultRegion(AlexaRegion region) {
            this.defaultEndpoint = region.endpoint().toString();
            return this;
        }

        /** Where sends without an endpoint go, as a base URL. */
        public Builder defaultEndpoint(String apiEndpoint) {
            this.defaultEndpoint = apiEndpoint;
            return this;
        }

        /**
         * Recipients in flight at most during a bulk send: taken from the source and without a
         * handed-over result yet; 16 by default. With the adaptive rate, those waiting out a
         * throttle's {@code Retry-After} do not count (the rate paces the send), up to four times
         * this many held in all.
         */
        public Builder bulkConcurrency(int bulkConcurrency) {
            this.bulkConcurrency = bulkConcurrency;
            return this;
        }

        /**
         * Builds the client.
         *
         * @throws IllegalStateException naming every missing or invalid setting
         */
        public SkillMessaging build() {
            List<String> problems = new ArrayList<>();
            if (clientId == null || clientId.isBlank()) {
                problems.add("clientId");
            }
            if (clientSecret == null || clientSecret.isBlank()) {
                problems.add("clientSecret");
            }
            if (scope == null || scope.isBlank()) {
                problems.add("scope");
            }
            if (bulkConcurrency < 1) {
                problems.add("bulkConcurrency (must be at least 1)");
            }
            if (!problems.isEmpty()) {
                throw new IllegalStateException(
                        "SkillMessaging.Builder is missing or has invalid: " + String.join(", ", problems));
            }
            return new SkillMessaging(this);
        }

        /** Never shows the secret. */
        @Override
        public String toString() {
            return "SkillMessaging.Builder[clientId=" + clientId + ", scope=" + scope + "]";
        }
    }
}
