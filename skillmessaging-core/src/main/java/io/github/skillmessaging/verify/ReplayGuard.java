package io.github.skillmessaging.verify;

import java.time.Instant;

/**
 * Duplicate detection by request id: remembers the ids it has seen until they expire. Separate
 * from signature verification; use it after {@link RequestVerifier} accepted a request:
 *
 * <pre>{@code
 * VerifiedRequest verified = verifier.verify(body, headers);      // HTTP 400 on failure
 * if (!verified.firstSeenBy(replayGuard)) {
 *     return ok();                 // a duplicate or a replay: acknowledge, do not process again
 * }
 * try {
 *     process(body);
 * } catch (RuntimeException e) {
 *     replayGuard.forget(verified.requestId());                    // let Alexa's retry through
 *     throw e;
 * }
 * }</pre>
 *
 * <p>Answer duplicates with success, not 400: Alexa redelivers what it thinks failed, and an
 * acknowledged duplicate stops that. Implementations must be thread-safe and atomic (two
 * concurrent calls with the same id: exactly one sees {@code true}). {@link InMemoryReplayGuard}
 * serves one process; share state (a database with a unique key and an expiry column, say) when
 * several instances serve the same skill.
 */
public interface ReplayGuard {

    /**
     * Records {@code requestId} until {@code expiresAt} (inclusive) and returns true if it was not
     * already recorded and unexpired; false for a duplicate.
     */
    boolean firstSeen(String requestId, Instant expiresAt);

    /** Forgets {@code requestId}, so its next delivery counts as first seen (after a processing failure). */
    void forget(String requestId);
}
