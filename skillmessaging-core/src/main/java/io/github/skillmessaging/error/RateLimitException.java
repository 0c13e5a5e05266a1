package io.github.skillmessaging.error;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 429 Too Many Requests: the rate limit was exceeded. Retried by default, waiting at least the
 * {@link #retryAfter()} the service asked for. Amazon publishes no numeric limit.
 */
public class RateLimitException extends AlexaServiceException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    /**
     * @param retryAfter how long the service asked us to wait (header {@code Retry-After}, in
     *     seconds or as an HTTP date, already resolved against the clock), or {@code null}
     */
    public RateLimitException(
            String operation, int statusCode, Map<String, List<String>> headers, String body, Duration retryAfter) {
        super(operation, statusCode, headers, body);
        this.retryAfter = retryAfter;
    }

    /** The wait the {@code Retry-After} header asked for, when it had a readable value. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
