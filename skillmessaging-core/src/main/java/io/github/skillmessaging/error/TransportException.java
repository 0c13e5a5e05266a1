package io.github.skillmessaging.error;

/**
 * The request got no HTTP answer: connection refused or reset, DNS or TLS failure, or an
 * interrupted exchange. Retried by default (see {@code RetryPolicy}).
 */
public class TransportException extends SkillMessagingException {
    private static final long serialVersionUID = 1L;

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
