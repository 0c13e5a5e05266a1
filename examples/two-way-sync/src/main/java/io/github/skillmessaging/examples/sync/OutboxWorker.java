package io.github.skillmessaging.examples.sync;

import io.github.skillmessaging.Message;
import io.github.skillmessaging.SkillMessaging;
import io.github.skillmessaging.error.NotFoundException;
import io.github.skillmessaging.error.SkillMessagingException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Sends the outbox's skill messages. Rows are claimed with a conditional update and a lease, so any
 * number of instances can drain the same outbox; a failed send is retried with backoff; a user who
 * disabled the skill (404) fails the row for good (kept, marked, not retried). The message carries
 * its row id ({@code outbox}) and the claim's number ({@code attempt}, unique per row: the claim is
 * conditional on it), so that a message sent again (an instance died after sending, before marking
 * the row sent) can be told from two messages, and a row sent twice under one claim is a bug.
 */
public final class OutboxWorker {
    private final SyncStore store;
    private final SkillMessaging messaging;
    private final Trace trace;
    private final Clock clock = Clock.systemUTC();
    private final Duration lease;
    private final SyncMetrics metrics;

    public OutboxWorker(SyncStore store, SkillMessaging messaging, Trace trace) {
        this(store, messaging, trace, Duration.ofSeconds(30), new SyncMetrics());
    }

    /**
     * @param lease how long a claimed row is this worker's: if the instance dies holding it, another
     *     instance sends it once the lease is over (so a message may go twice, never zero times)
     */
    public OutboxWorker(SyncStore store, SkillMessaging messaging, Trace trace, Duration lease, SyncMetrics metrics) {
        this.metrics = metrics;
        this.store = store;
        this.messaging = messaging;
        this.trace = trace;
        this.lease = lease;
    }

    /** Sends every due message; returns how many were attempted. */
    public int drain() {
        int attempted = 0;
        try {
            while (true) {
                Optional<SyncStore.OutboxRow> claimed = store.claimNext(clock.instant(), lease);
                if (claimed.isEmpty()) {
                    return attempted;
                }
                send(claimed.get());
                attempted++;
            }
        } catch (RuntimeException e) {
            metrics.error("outbox-worker:" + e.getClass().getSimpleName());
            trace.line("[outbox] worker error: " + e.getMessage());
            return attempted;
        }
    }

    private void send(SyncStore.OutboxRow row) {
        String endpoint = store.inTransaction(c -> store.lockUser(c, row.alexaUserId())
                .map(SyncStore.LinkedUser::apiEndpoint)
                .orElse(null));
        if (endpoint == null) {
            store.markFailed(row.id(), "the user is no longer linked");
            return;
        }
        FaultPoints.reached(FaultPoints.OUTBOX_CLAIMED);
        try {
            String messageId = messaging.send(
                    row.alexaUserId(),
                    endpoint,
                    new Message(
                            Map.of(
                                    "reason",
                                    row.reason(),
                                    "outbox",
                                    Long.toString(row.id()),
                                    "attempt",
                                    Integer.toString(row.attempts())),
                            3600));
            FaultPoints.reached(FaultPoints.OUTBOX_SENT);
            metrics.messageSent();
            store.markSent(row.id(), messageId);
            trace.line("[outbox → alexa] skill message sent (" + row.reason() + ")");
        } catch (NotFoundException e) {
            metrics.error("outbox-user-unknown");
            store.markFailed(row.id(), e.getMessage());
            trace.line("[outbox] the user is unknown to Alexa (skill disabled?): message dropped for good");
        } catch (SkillMessagingException e) {
            metrics.error("outbox-send:" + e.getClass().getSimpleName());
            Duration wait = Duration.ofMillis(Math.min(30_000, 100L << Math.min(row.attempts(), 8)));
            store.markRetry(row.id(), clock.instant().plus(wait), e.getMessage());
            trace.line("[outbox] sending failed (" + e.getClass().getSimpleName() + "), retry in " + wait.toMillis()
                    + " ms");
        }
    }
}
