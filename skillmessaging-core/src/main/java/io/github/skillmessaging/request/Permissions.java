package io.github.skillmessaging.request;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.skillmessaging.error.RequestParseException;

/**
 * {@code context.System.user.permissions}: the consent token for the permissions the user
 * granted. {@code toString()} redacts it.
 */
public final class Permissions {
    private final JsonNode json;
    private final String consentToken;

    /** Reads {@code context.System.user.permissions}, which has a {@code consentToken}. */
    Permissions(JsonNode json) {
        this.json = json;
        this.consentToken = RequestFields.text(json, "consentToken")
                .orElseThrow(
                        () -> new RequestParseException("context.System.user.permissions.consentToken is missing"));
    }

    /** The consent token (deprecated by Amazon in favour of {@code apiAccessToken}, still sent). */
    public String consentToken() {
        return consentToken;
    }

    /** A copy of {@code context.System.user.permissions} as sent; it holds the consent token. */
    public JsonNode json() {
        return json.deepCopy();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Permissions that && consentToken.equals(that.consentToken);
    }

    @Override
    public int hashCode() {
        return consentToken.hashCode();
    }

    @Override
    public String toString() {
        return "Permissions[consentToken=" + Redaction.REDACTED + "]";
    }
}
