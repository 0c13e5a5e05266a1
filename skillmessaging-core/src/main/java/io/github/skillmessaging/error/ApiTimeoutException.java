package io.github.skillmessaging.error;

import java.time.Duration;

/**
 * No answer arrived in time: either one attempt exceeded the attempt timeout (retried by
 * default), or the whole call, retries and backoff included, exceeded its total timeout
 * (final). {@link #isAttemptTimeout()} tells which.
 */
public class ApiTimeoutException extends SkillMessagingException {
    private static final long serialVersionUID = 1L;

    private final Duration timeout;
    private final boolean attemptTimeout;

    public ApiTimeoutException(String message, Duration timeout, boolean attemptTimeout, Throwable cause) {
        super(message, cause);
        this.timeout = timeout;
        this.attemptTimeout = attemptTimeout;
    }

    /** The limit that was exceeded. */
    public Duration timeout() {
        return timeout;
    }

    /** True when a single attempt timed out; false when the whole call ran out of time. */
    public boolean isAttemptTimeout() {
        return attemptTimeout;
    }
}
