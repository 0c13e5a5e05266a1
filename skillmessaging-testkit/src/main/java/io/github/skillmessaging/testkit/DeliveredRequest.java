package io.github.skillmessaging.testkit;

/**
 * A request the sandbox sent (or tried to send) to a skill's endpoint: a message, a list event or
 * a skill event.
 *
 * @param type the request type, e.g. {@code Messaging.MessageReceived}
 * @param requestId its request id; the same on every redelivery
 * @param userId the user it is about
 * @param body the exact signed JSON body
 * @param attempts delivery attempts so far
 * @param lastStatus the skill's last HTTP status, or 0 when it gave none (connection failed)
 * @param acknowledged true once the skill answered 2xx
 * @param expired true when the sandbox gave up because the request expired unacknowledged
 */
public record DeliveredRequest(
        String type,
        String requestId,
        String userId,
        String body,
        int attempts,
        int lastStatus,
        boolean acknowledged,
        boolean expired) {}
