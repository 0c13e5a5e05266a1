package io.github.skillmessaging.request;

import java.util.Optional;

/** Renders secrets in {@code toString()} without revealing them. */
final class Redaction {
    static final String REDACTED = "***";

    private Redaction() {}

    static String redact(Optional<String> secret) {
        return secret.isPresent() ? "Optional[" + REDACTED + "]" : "Optional.empty";
    }
}
