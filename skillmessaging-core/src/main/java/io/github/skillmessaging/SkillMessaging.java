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
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

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
        URI uri = URI.create(endpoint + SkillMessageClient.USERS_PATH + SkillMessageClient.userIdSegment(userId));
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
                        attempt)
                .exceptionallyCompose(failure -> {
                    if (mayRefreshToken && Futures.unwrap(failure) instanceof ForbiddenException) {
                        tokens.invalidate(accessToken);
                        return attempt(uri, message, attempt, false);
                    }
                    return CompletableFuture.failedFuture(Futures.unwrap(failure));
                });
    }

    /**
     * Sends {@code message} to every recipient, at most {@code bulkConcurrency} at a time, and
     * blocks until all are done. Never throws for a single recipient's failure.
     *
     * @return one result per recipient, in the order given
     */
    public List<SendResult> sendToAll(Collection<Recipient> recipients, Message message) {
        return Futures.join(sendToAllAsync(recipients, message), "send skill messages");
    }

    /**
     * {@link #sendToAll} without blocking. Cancelling the returned future stops starting new
     * sends.
     */
    public CompletableFuture<List<SendResult>> sendToAllAsync(Collection<Recipient> recipients, Message message) {
        Objects.requireNonNull(recipients, "recipients");
        Objects.requireNonNull(message, "message");
        if (caller.isClosed()) {
            return CompletableFuture.failedFuture(ApiCaller.closedException("send skill messages"));
        }
        List<Recipient> list = List.copyOf(recipients);
        CompletableFuture<List<SendResult>> all = new CompletableFuture<>();
        if (list.isEmpty()) {
            all.complete(List.of());
            return all;
        }
        new BulkSend(list, message, all).start();
        return all;
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

    /** Runs a bulk send with bounded concurrency, without recursion on synchronous completions. */
    private final class BulkSend {
        private final List<Recipient> recipients;
        private final byte[] message;
        /** Stored endpoints repeat across recipients: each is checked once per bulk send. */
        private final Map<String, URI> endpoints = new ConcurrentHashMap<>();

        private final CompletableFuture<List<SendResult>> all;
        private final SendResult[] results;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger remaining;

        BulkSend(List<Recipient> recipients, Message message, CompletableFuture<List<SendResult>> all) {
            this.recipients = recipients;
            this.message = message.toJsonBytes();
            this.all = all;
            this.results = new SendResult[recipients.size()];
            this.remaining = new AtomicInteger(recipients.size());
        }

        void start() {
            int workers = Math.min(bulkConcurrency, recipients.size());
            for (int i = 0; i < workers; i++) {
                work();
            }
        }

        /** Takes recipients one after another until one is still in flight, then returns. */
        private void work() {
            while (true) {
                if (all.isDone()) {
                    return;
                }
                int index = next.getAndIncrement();
                if (index >= recipients.size()) {
                    return;
                }
                Recipient recipient = recipients.get(index);
                CompletableFuture<HttpTransport.Response> sent;
                try {
                    URI endpoint = endpoints.computeIfAbsent(
                            recipient.apiEndpoint(), e -> Endpoints.baseUrl(e, "apiEndpoint"));
                    sent = post(recipient.userId(), endpoint, message);
                } catch (RuntimeException e) {
                    sent = CompletableFuture.failedFuture(e);
                }
                if (!sent.isDone()) {
                    sent.whenComplete((response, failure) -> {
                        record(index, recipient, response, failure);
                        work();
                    });
                    return;
                }
                sent.whenComplete((response, failure) -> record(index, recipient, response, failure));
            }
        }

        private void record(int index, Recipient recipient, HttpTransport.Response response, Throwable failure) {
            Throwable cause = failure == null ? null : Futures.unwrap(failure);
            results[index] = cause == null
                    ? SendResult.accepted(recipient, SkillMessageClient.messageId(response))
                    : SendResult.failed(
                            recipient,
                            cause instanceof RuntimeException re
                                    ? re
                                    : ApiCaller.wrap(cause, SkillMessageClient.OPERATION));
            if (remaining.decrementAndGet() == 0) {
                all.complete(List.copyOf(Arrays.asList(results)));
            }
        }
    }

    /** Builds a {@link SkillMessaging}. */
    public static final class Builder extends ClientBuilder<Builder> {
        /** Default limit of sends in flight during {@link SkillMessaging#sendToAll}. */
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

        /** Sends in flight at most during a bulk send; 16 by default. */
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
