package io.github.skillmessaging.error;

import io.github.skillmessaging.internal.ExceptionAccess;

/**
 * The root of every exception this SDK throws. Unchecked.
 *
 * <p>Catch this to handle any failure of the SDK; catch a subclass to handle one kind:
 * {@link AlexaServiceException} (the API answered with an error status),
 * {@link TransportException} (no answer: connection refused, reset, TLS failure) and
 * {@link ApiTimeoutException} (no answer in time). Messages never contain secrets.
 *
 * <p>{@link #mayHaveBeenDelivered()} tells whether the failed call may nevertheless have taken
 * effect: for a send, whether Alexa may have queued the message.
 */
public class SkillMessagingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    static {
        ExceptionAccess.setDeliveryMarker(e -> e.mayHaveBeenDelivered = true);
    }

    private volatile boolean mayHaveBeenDelivered;

    public SkillMessagingException(String message) {
        super(message);
    }

    public SkillMessagingException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether the request of the call that failed with this exception may nevertheless have
     * reached the service and been acted on: for a send, whether Alexa may have queued the
     * message. True when any attempt of the call (retries included) sent its request and then got
     * no answer: it timed out, the connection was reset or closed, or the call ended (total
     * timeout) while that request was still unanswered. False when every attempt certainly did not
     * take effect: the connection was refused or never made ({@code ConnectException},
     * {@code HttpConnectTimeoutException}), or the service answered with an error status. So an
     * early attempt that timed out, followed by a final 400, still answers true.
     *
     * <p>Set by the SDK's retry loop on the exception a call ends with; always false for an
     * exception you create, and for Login-With-Amazon token requests (they change nothing). When a
     * send's retry could not get an access token after an earlier attempt may have reached Alexa,
     * the send fails with that earlier attempt's exception (answering true), the token failure
     * added to it as a suppressed exception.
     *
     * <p>Alexa delivers at least once and the SDK retries after such ambiguous failures, so a skill
     * must tolerate duplicates anyway: resend what certainly was not sent (false), and resend what
     * may have been (true) only if a duplicate is acceptable.
     */
    public boolean mayHaveBeenDelivered() {
        return mayHaveBeenDelivered;
    }
}
