package io.github.skillmessaging;

import io.github.skillmessaging.error.SkillMessagingException;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one send in a bulk send: accepted with its message id, or failed with its
 * exception. A bulk send gives exactly one for every recipient it takes. Immutable.
 */
public final class SendResult {
    private final Recipient recipient;
    private final Message message;
    private final String messageId;
    private final RuntimeException failure;

    private SendResult(Recipient recipient, Message message, String messageId, RuntimeException failure) {
        this.recipient = Objects.requireNonNull(recipient, "recipient");
        this.message = Objects.requireNonNull(message, "message");
        this.messageId = messageId;
        this.failure = failure;
    }

    /** Alexa accepted {@code message} for {@code recipient}. */
    public static SendResult accepted(Recipient recipient, Message message, String messageId) {
        return new SendResult(recipient, message, Objects.requireNonNull(messageId, "messageId"), null);
    }

    /** {@code message} could not be sent to {@code recipient}. */
    public static SendResult failed(Recipient recipient, Message message, RuntimeException failure) {
        return new SendResult(recipient, message, null, Objects.requireNonNull(failure, "failure"));
    }

    /** Who the message was for: the very {@link Recipient} object the bulk send was given. */
    public Recipient recipient() {
        return recipient;
    }

    /** The message sent (or not): to resend it, or to find what it was about in a bulk send of differing messages. */
    public Message message() {
        return message;
    }

    /** True when Alexa queued the message (202). */
    public boolean isAccepted() {
        return failure == null;
    }

    /** The message id, when accepted (see {@link SkillMessageClient#send}). */
    public Optional<String> messageId() {
        return Optional.ofNullable(messageId);
    }

    /**
     * Why it failed: a {@link io.github.skillmessaging.error.SkillMessagingException} subclass, or
     * an {@link IllegalArgumentException} for a recipient that is not valid (blank user id, bad
     * endpoint).
     */
    public Optional<RuntimeException> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * Whether Alexa may have queued the message although the send failed: false when accepted
     * (it was queued) and when every attempt certainly did not reach Alexa (connection refused,
     * error status, invalid recipient); true when an attempt sent the message and got no answer
     * (timeout, reset), even if a later attempt was answered with an error. It is
     * {@link io.github.skillmessaging.error.SkillMessagingException#mayHaveBeenDelivered()} of the
     * failure, or of its cause for the {@link IllegalStateException} of a client closed while the
     * send waited to retry.
     *
     * <p>Resend what was certainly not delivered; resend the others only if a duplicate is
     * acceptable (a skill must tolerate duplicates anyway: Alexa delivers at least once).
     */
    public boolean mayHaveBeenDelivered() {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SkillMessagingException sme && sme.mayHaveBeenDelivered()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return isAccepted()
                ? "SendResult[accepted " + recipient.userId() + " id=" + messageId + "]"
                : "SendResult[failed " + recipient.userId() + ": " + failure.getMessage() + "]";
    }
}
