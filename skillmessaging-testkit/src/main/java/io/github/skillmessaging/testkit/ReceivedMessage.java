package io.github.skillmessaging.testkit;

import java.time.Instant;
import java.util.Map;

/**
 * A skill message the sandbox's Skill Messaging API accepted (202).
 *
 * @param messageId the {@code X-Amzn-RequestId} it answered with
 * @param userId the addressee
 * @param data the payload
 * @param expiresAfterSeconds the expiry asked for
 * @param receivedAt when it was accepted, by the sandbox clock
 */
public record ReceivedMessage(
        String messageId, String userId, Map<String, String> data, int expiresAfterSeconds, Instant receivedAt) {
    public ReceivedMessage {
        data = Map.copyOf(data);
    }
}
