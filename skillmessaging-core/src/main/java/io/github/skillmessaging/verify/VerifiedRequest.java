package io.github.skillmessaging.verify;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link RequestVerifier} learned from a request it accepted. The body itself stays with the
 * caller, who parses it (for instance with the request model); nothing here is secret.
 *
 * @param requestType {@code request.type}, e.g. {@code Messaging.MessageReceived}
 * @param requestId {@code request.requestId}, the key for duplicate detection
 * @param timestamp {@code request.timestamp}
 * @param applicationId the skill id from {@code context.System.application}, else
 *     {@code session.application}; empty when the request carries none
 * @param acceptedUntil the instant after which the verifier would reject this request as stale
 *     (timestamp plus the tolerance for its type): how long a {@link ReplayGuard} must remember it
 */
public record VerifiedRequest(
        String requestType,
        String requestId,
        Instant timestamp,
        Optional<String> applicationId,
        Instant acceptedUntil) {
    public VerifiedRequest {
        Objects.requireNonNull(requestType, "requestType");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(acceptedUntil, "acceptedUntil");
    }

    /**
     * Records this request's id in {@code guard} until {@link #acceptedUntil()}; true the first
     * time, false for a duplicate or replay.
     */
    public boolean firstSeenBy(ReplayGuard guard) {
        return guard.firstSeen(requestId, acceptedUntil);
    }
}
