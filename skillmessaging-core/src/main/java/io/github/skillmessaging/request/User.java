package io.github.skillmessaging.request;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * The Alexa user a request is for ({@code context.System.user}). {@code toString()} redacts the
 * tokens.
 */
public final class User {
    private final JsonNode json;
    private final String userId;
    private final Optional<String> accessToken;
    private final Optional<Permissions> permissions;

    /** Reads {@code context.System.user}, which has a string {@code userId}. */
    User(JsonNode json) {
        this.json = json;
        this.userId = RequestFields.requiredText(json, "userId", "context.System.user.userId");
        this.accessToken = RequestFields.text(json, "accessToken");
        this.permissions = RequestFields.object(json, "permissions")
                .filter(node -> RequestFields.text(node, "consentToken").isPresent())
                .map(Permissions::new);
    }

    /**
     * The user id for this skill, {@code amzn1.ask.account.…}; it changes when the user disables
     * and re-enables the skill.
     */
    public String userId() {
        return userId;
    }

    /** The account-linking token, present when the user linked an account. */
    public Optional<String> accessToken() {
        return accessToken;
    }

    /** The consent token, present when the user granted permissions. */
    public Optional<Permissions> permissions() {
        return permissions;
    }

    /** A copy of {@code context.System.user} as sent; it holds the tokens, so do not log it. */
    public JsonNode json() {
        return json.deepCopy();
    }

    private List<Object> values() {
        return List.of(userId, accessToken, permissions);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof User that && values().equals(that.values());
    }

    @Override
    public int hashCode() {
        return values().hashCode();
    }

    @Override
    public String toString() {
        return "User[userId=" + userId + ", accessToken=" + Redaction.redact(accessToken) + ", permissions="
                + permissions + "]";
    }
}
