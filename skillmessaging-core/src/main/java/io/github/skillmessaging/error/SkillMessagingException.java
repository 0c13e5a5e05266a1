package io.github.skillmessaging.error;

/**
 * The root of every exception this SDK throws. Unchecked.
 *
 * <p>Catch this to handle any failure of the SDK; catch a subclass to handle one kind:
 * {@link AlexaServiceException} (the API answered with an error status),
 * {@link TransportException} (no answer: connection refused, reset, TLS failure) and
 * {@link ApiTimeoutException} (no answer in time). Messages never contain secrets.
 */
public class SkillMessagingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SkillMessagingException(String message) {
        super(message);
    }

    public SkillMessagingException(String message, Throwable cause) {
        super(message, cause);
    }
}
