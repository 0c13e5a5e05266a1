package io.github.skillmessaging.verify;

import io.github.skillmessaging.error.SkillMessagingException;
import java.util.Objects;

/**
 * A request failed verification: it may not come from Alexa, or it is stale. Answer with HTTP 400
 * and do not process the request. {@link #rule()} names the broken rule; the message explains it
 * and never contains the body, tokens or the signature.
 */
public class RequestVerificationException extends SkillMessagingException {
    private static final long serialVersionUID = 1L;

    private final VerificationRule rule;

    /** A failure of {@code rule}; {@code message} must not contain the body, tokens or the signature. */
    public RequestVerificationException(VerificationRule rule, String message) {
        this(rule, message, null);
    }

    /** A failure of {@code rule} caused by {@code cause}. */
    public RequestVerificationException(VerificationRule rule, String message, Throwable cause) {
        super("Request verification failed [" + Objects.requireNonNull(rule, "rule") + "]: " + message, cause);
        this.rule = rule;
    }

    /** The rule the request broke. */
    public VerificationRule rule() {
        return rule;
    }

    /** The HTTP status to answer with: always 400, as Amazon requires. */
    public int statusCode() {
        return 400;
    }
}
