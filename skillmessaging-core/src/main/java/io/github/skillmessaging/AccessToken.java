package io.github.skillmessaging;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A Login-With-Amazon access token, as {@link AccessTokenClient} returns it.
 *
 * @param token the bearer token to send as {@code Authorization: Bearer ...}; a secret
 * @param tokenType {@code "bearer"}
 * @param scope the scope it was granted for, e.g. {@code alexa:skill_messaging}
 * @param expiresIn its lifetime as issued ({@code expires_in}, typically one hour)
 * @param expiresAt the instant it expires: time of receipt plus {@code expiresIn}
 */
public record AccessToken(String token, String tokenType, String scope, Duration expiresIn, Instant expiresAt) {

    public AccessToken {
        Objects.requireNonNull(token, "token");
        tokenType = tokenType == null ? "bearer" : tokenType;
        scope = scope == null ? "" : scope;
        Objects.requireNonNull(expiresIn, "expiresIn");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** True once {@code now} has reached {@link #expiresAt()}. */
    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** Never shows the token itself. */
    @Override
    public String toString() {
        return "AccessToken[token=<redacted>, tokenType=" + tokenType + ", scope=" + scope + ", expiresIn=" + expiresIn
                + ", expiresAt=" + expiresAt + "]";
    }
}
