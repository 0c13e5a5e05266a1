package io.github.skillmessaging;

import java.util.Objects;

/**
 * One message for one recipient: an item of a bulk send whose messages differ
 * ({@link BulkSend#sendEach}).
 *
 * @param recipient who gets it
 * @param message what they get
 */
public record Outgoing(Recipient recipient, Message message) {
    public Outgoing {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(message, "message");
    }
}
