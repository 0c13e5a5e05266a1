package io.github.skillmessaging.request;

import java.util.Objects;

/**
 * {@code context.System.user.permissions}: the consent token for the permissions the user
 * granted. {@code toString()} redacts it.
 *
 * @param consentToken the consent token (deprecated by Amazon in favour of
 *     {@code apiAccessToken}, still sent)
 */
public record Permissions(String consentToken) {
    public Permissions {
        Objects.requireNonNull(consentToken, "consentToken");
    }

    @Override
    public String toString() {
        return "Permissions[consentToken=" + Redaction.REDACTED + "]";
    }
}
