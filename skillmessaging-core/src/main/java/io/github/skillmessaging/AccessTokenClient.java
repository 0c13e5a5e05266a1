package io.github.skillmessaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.skillmessaging.error.SkillMessagingException;
import io.github.skillmessaging.http.HttpTransport;
import io.github.skillmessaging.internal.ApiCaller;
import io.github.skillmessaging.internal.ClientOptions;
import io.github.skillmessaging.internal.Endpoints;
import io.github.skillmessaging.internal.ErrorMapper;
import io.github.skillmessaging.internal.Futures;
import io.github.skillmessaging.internal.Json;
import io.github.skillmessaging.internal.Requests;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Gets a Login-With-Amazon access token by client credentials: the skill's client id and secret
 * (Alexa developer console, Build, Permissions) for a scope such as
 * {@value #SKILL_MESSAGING_SCOPE}. The Java form of the .NET {@code AccessTokenClient}:
 *
 * <pre>{@code
 * var client = new AccessTokenClient(AccessTokenClient.API_DOMAIN_BASE_ADDRESS);
 * AccessToken token = client.send(clientId, clientSecret);
 * }</pre>
 *
 * <p>Every call asks LWA for a new token. To send many messages, use {@link SkillMessaging}, which
 * caches the token and refreshes it before it expires. Thread-safe.
 */
public final class AccessTokenClient implements AutoCloseable {
    /** Login-With-Amazon's base address. */
    public static final String API_DOMAIN_BASE_ADDRESS = "https://api.amazon.com";
    /** The token path under the base address. */
    public static final String TOKEN_PATH = "/auth/o2/token";
    /** The scope of the Skill Messaging API. */
    public static final String SKILL_MESSAGING_SCOPE = "alexa:skill_messaging";

    private static final String OPERATION = "get access token";
    private static final Duration DEFAULT_EXPIRES_IN = Duration.ofHours(1);

    private final URI tokenUri;
    private final ApiCaller caller;

    /** A client for the LWA server at {@code baseAddress}, with the default settings. */
    public AccessTokenClient(String baseAddress) {
        this(baseAddress, ClientOptions.defaults());
    }

    private AccessTokenClient(String baseAddress, ClientOptions options) {
        this.tokenUri = URI.create(Endpoints.baseUrl(baseAddress, "LWA base address") + TOKEN_PATH);
        this.caller = new ApiCaller(options);
    }

    /** A builder for a client with your own transport, retries, timeouts or clock. */
    public static Builder builder() {
        return new Builder();
    }

    /** A token for {@value #SKILL_MESSAGING_SCOPE}. Blocks. */
    public AccessToken send(String clientId, String clientSecret) {
        return send(clientId, clientSecret, SKILL_MESSAGING_SCOPE);
    }

    /** A token for {@code scope}. Blocks. */
    public AccessToken send(String clientId, String clientSecret, String scope) {
        return Futures.join(sendAsync(clientId, clientSecret, scope), OPERATION);
    }

    /** A token for {@value #SKILL_MESSAGING_SCOPE}, without blocking. */
    public CompletableFuture<AccessToken> sendAsync(String clientId, String clientSecret) {
        return sendAsync(clientId, clientSecret, SKILL_MESSAGING_SCOPE);
    }

    /**
     * A token for {@code scope}, without blocking. Fails with
     * {@link io.github.skillmessaging.error.TokenRequestException} when LWA refuses the
     * credentials or scope.
     */
    public CompletableFuture<AccessToken> sendAsync(String clientId, String clientSecret, String scope) {
        requireText(clientId, "clientId");
        requireText(clientSecret, "clientSecret");
        requireText(scope, "scope");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        form.put("scope", scope);
        Map<String, String> headers = Map.of(
                "Content-Type", "application/x-www-form-urlencoded;charset=UTF-8",
                "Accept", "application/json",
                "User-Agent", Requests.USER_AGENT);
        HttpTransport.Request request = new HttpTransport.Request(
                "POST", tokenUri, headers, Requests.form(form), caller.options().attemptTimeout());
        CompletableFuture<HttpTransport.Response> sent =
                caller.execute(ErrorMapper.Api.LOGIN_WITH_AMAZON, OPERATION, request, ApiCaller.Idempotency.IDEMPOTENT);
        return Futures.cancelling(sent.thenApply(response -> parse(response, scope)), sent);
    }

    /**
     * Reads the token from the JSON tree, field by field, as binding it to a class would (strings
     * also from numbers and booleans, {@code expires_in} also from a numeric string): binding needs
     * bean introspection, the costliest first use of Jackson, on every cold start's path.
     */
    private AccessToken parse(HttpTransport.Response response, String requestedScope) {
        JsonNode body;
        try {
            body = Json.readTree(response.body());
        } catch (java.io.IOException | RuntimeException e) {
            throw notATokenResponse(response);
        }
        String accessToken = null;
        String tokenType = null;
        String scope = null;
        Long expiresIn = null;
        if (body != null && !body.isMissingNode() && !body.isNull()) {
            if (!body.isObject()) {
                throw notATokenResponse(response);
            }
            accessToken = text(body, "access_token", response);
            tokenType = text(body, "token_type", response);
            scope = text(body, "scope", response);
            expiresIn = seconds(body, "expires_in", response);
        }
        if (accessToken == null || accessToken.isEmpty()) {
            throw new SkillMessagingException(
                    "Login-With-Amazon answered HTTP " + response.statusCode() + " without an access_token");
        }
        Duration lifetime = expiresIn == null || expiresIn <= 0 ? DEFAULT_EXPIRES_IN : Duration.ofSeconds(expiresIn);
        Instant now = caller.options().clock().instant();
        return new AccessToken(
                accessToken, tokenType, scope == null ? requestedScope : scope, lifetime, now.plus(lifetime));
    }

    private static String text(JsonNode body, String field, HttpTransport.Response response) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isValueNode()) {
            return value.asText();
        }
        throw notATokenResponse(response);
    }

    private static Long seconds(JsonNode body, String field, HttpTransport.Response response) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber() && (value.isFloatingPointNumber() || value.canConvertToLong())) {
            return value.longValue();
        }
        if (value.isTextual()) {
            String text = value.textValue().trim();
            if (text.isEmpty()) {
                return null;
            }
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw notATokenResponse(response);
            }
        }
        throw notATokenResponse(response);
    }

    private static SkillMessagingException notATokenResponse(HttpTransport.Response response) {
        return new SkillMessagingException("Login-With-Amazon answered HTTP " + response.statusCode()
                + " with a body that is not a token response");
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
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

    @Override
    public String toString() {
        return "AccessTokenClient[" + tokenUri + "]";
    }

    /** Builds an {@link AccessTokenClient}. */
    public static final class Builder extends ClientBuilder<Builder> {
        private String baseAddress = API_DOMAIN_BASE_ADDRESS;

        private Builder() {}

        /** LWA's base address; {@link #API_DOMAIN_BASE_ADDRESS} by default. */
        public Builder baseAddress(String baseAddress) {
            this.baseAddress = baseAddress;
            return this;
        }

        public AccessTokenClient build() {
            return new AccessTokenClient(baseAddress, options());
        }
    }
}
