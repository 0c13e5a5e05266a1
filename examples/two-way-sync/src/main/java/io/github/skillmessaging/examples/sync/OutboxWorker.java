package io.github.skillmessaging.examples.sync;

import io.github.skillmessaging.BulkSummary;
import io.github.skillmessaging.Message;
import io.github.skillmessaging.Outgoing;
import io.github.skillmessaging.Recipient;
import io.github.skillmessaging.SendResult;
import io.github.skillmessaging.SkillMessaging;
import io.github.skillmessaging.error.BulkSendException;
import io.github.skillmessaging.error.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
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
    /** How often a long drain prints a progress line. */
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final SyncStore store;
    private final SkillMessaging messaging;
    private final Trace trace;
    private final Clock clock = Clock.systemUTC();
    private final Duration lease;
    private final SyncMetrics metrics;
    private final Duration progressEvery;

    public OutboxWorker(SyncStore store, SkillMessaging messaging, Trace trace) {
        this(store, messaging, trace, Duration.ofSeconds(30), new SyncMetrics());
    }

    /**
     * @param lease how long a claimed row is this worker's: if the instance dies holding it, another
     *     instance sends it once the lease is over (so a message may go twice, never zero times)
     */
    public OutboxWorker(SyncStore store, SkillMessaging messaging, Trace trace, Duration lease, SyncMetrics metrics) {
        this(store, messaging, trace, lease, metrics, PROGRESS_EVERY);
    }

    /** With the interval of progress lines of a long drain (tests). */
    OutboxWorker(
            SyncStore store,
            SkillMessaging messaging,
            Trace trace,
            Duration lease,
            SyncMetrics metrics,
            Duration progressEvery) {
        this.progressEvery = progressEvery;
        this.metrics = metrics;
        this.store = store;
        this.messaging = messaging;
        this.trace = trace;
        this.lease = lease;
    }

    /**
     * Sends every due message with one streaming bulk send: rows are claimed only as the client has
     * room for another send (at most its {@code bulkConcurrency} claimed and unanswered), so a long
     * drain holds no more rows than that, and each result is recorded as it comes. A drain longer
     * than {@link #PROGRESS_EVERY} (5 s) prints a progress line that often. Returns how many rows were
     * attempted.
     */
    public int drain() {
        int[] unlinked = {0};
        Iterator<Outgoing> due = new Iterator<>() {
            private Outgoing next;
            private boolean empty;

            @Override
            public boolean hasNext() {
                while (next == null && !empty) {
                    Optional<SyncStore.OutboxRow> claimed = store.claimNext(clock.instant(), lease);
                    if (claimed.isEmpty()) {
                        empty = true;
                    } else {
                        next = outgoing(claimed.get());
                        if (next == null) {
                            unlinked[0]++;
                        }
                    }
                }
                return next != null;
            }

            @Override
            public Outgoing next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Outgoing claimed = next;
                next = null;
                return claimed;
            }
        };
        try {
            BulkSummary summary = messaging
                    .bulkSend()
                    .onResult(this::record)
                    .onProgress(progressEvery, progress -> {
                        if (progress.elapsed().compareTo(progressEvery) >= 0) {
                            trace.line("[outbox] draining: " + progress);
                        }
                    })
                    .sendEach(due);
            return (int) summary.total() + unlinked[0];
        } catch (BulkSendException e) {
            // A store call failed (or the client was closed): every message sent so far was recorded;
            // rows claimed and not recorded are sent again when their lease ends.
            Throwable cause = e.getCause();
            metrics.error("outbox-worker:" + cause.getClass().getSimpleName());
            trace.line("[outbox] worker error: " + cause.getMessage());
            return (int) e.summary().total() + unlinked[0];
        } catch (RuntimeException e) {
            metrics.error("outbox-worker:" + e.getClass().getSimpleName());
            trace.line("[outbox] worker error: " + e.getMessage());
            return unlinked[0];
        }
    }

    /** The message of a claimed row, or null (the row failed for good) when its user is no longer linked. */
    private Outgoing outgoing(SyncStore.OutboxRow row) {
        String endpoint = store.inTransaction(c -> store.lockUser(c, row.alexaUserId())
                .map(SyncStore.LinkedUser::apiEndpoint)
                .orElse(null));
        if (endpoint == null) {
            store.markFailed(row.id(), "the user is no longer linked");
            return null;
        }
        FaultPoints.reached(FaultPoints.OUTBOX_CLAIMED);
        return new Outgoing(
                new Recipient(row.alexaUserId(), endpoint),
                new Message(
                        Map.of(
                                "reason",
                                row.reason(),
                                "outbox",
                                Long.toString(row.id()),
                                "attempt",
                                Integer.toString(row.attempts())),
                        3600));
    }

    /** Marks the row of {@code result} (named by its message) sent, failed for good, or due again. */
    private void record(SendResult result) {
        Map<String, String> data = result.message().data();
        long id = Long.parseLong(data.get("outbox"));
        int attempts = Integer.parseInt(data.get("attempt"));
        if (result.isAccepted()) {
            FaultPoints.reached(FaultPoints.OUTBOX_SENT);
            metrics.messageSent();
            store.markSent(id, result.messageId().orElse(""));
            trace.line("[outbox → alexa] skill message sent (" + data.get("reason") + ")");
            return;
        }
        RuntimeException failure = result.failure().orElseThrow();
        if (failure instanceof NotFoundException) {
            metrics.error("outbox-user-unknown");
            store.markFailed(id, failure.getMessage());
            trace.line("[outbox] the user is unknown to Alexa (skill disabled?): message dropped for good");
            return;
        }
        metrics.error("outbox-send:" + failure.getClass().getSimpleName());
        Duration wait = Duration.ofMillis(Math.min(30_000, 100L << Math.min(attempts, 8)));
        store.markRetry(id, clock.instant().plus(wait), failure.getMessage());
        trace.line("[outbox] sending failed (" + failure.getClass().getSimpleName() + "), retry in " + wait.toMillis()
                + " ms");
    }
}
