package io.github.skillmessaging.request;

import java.util.Objects;
import java.util.Optional;

/**
 * The Alexa user a request is for ({@code context.System.user}). {@code toString()} redacts the
 * tokens.
 *
 * @param userId the user id for this skill, {@code amzn1.ask.account.…}; it changes when the user
 *     disables and re-enables the skill
 * @param accessToken the account-linking token, present when the user linked an account
 * @param permissions the consent token, present when the user granted permissions
 */
public record User(String userId, Optional<String> accessToken, Optional<Permissions> permissions) {
    public User {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(permissions, "permissions");
    }

    @Override
    public String toString() {
        return "User[userId=" + userId + ", accessToken=" + Redaction.redact(accessToken) + ", permissions="
                + permissions + "]";
    }
}
