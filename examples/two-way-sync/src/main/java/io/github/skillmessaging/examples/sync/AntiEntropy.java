package io.github.skillmessaging.examples.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Healing without an event. Events get lost: a provider that gave up on its webhook, an Alexa list
 * event that never came. So, periodically, every linked user whose last full reconcile is older
 * than {@code maxAge} gets a skill message asking the skill to reconcile: the only way to get a
 * fresh Alexa token for a user outside a request. At most {@code perPass} users per pass, oldest
 * first, so the requests are spread over time (a pass every {@code interval}: at most
 * {@code perPass / interval} per instance). A user asked once is not asked again until
 * {@code maxAge} has passed without a reconcile (the message may be lost too); the request is a
 * conditional update of the user's row, so of several instances one asks.
 */
public final class AntiEntropy {
    private final SyncStore store;
    private final Trace trace;
    private final SyncMetrics metrics;
    private final Duration maxAge;
    private final int perPass;
    private final Clock clock = Clock.systemUTC();

    public AntiEntropy(SyncStore store, Trace trace, SyncMetrics metrics, Duration maxAge, int perPass) {
        this.store = store;
        this.trace = trace;
        this.metrics = metrics;
        this.maxAge = maxAge;
        this.perPass = perPass;
    }

    /** One pass; returns how many users were asked to reconcile. */
    public int pass() {
        try {
            Instant now = clock.instant();
            Instant before = now.minus(maxAge);
            List<String> stale = store.usersReconciledBefore(before, perPass);
            int asked = 0;
            for (String userId : stale) {
                boolean queued = store.inTransaction(c ->
                        store.requestHeal(c, userId, now, before) && store.enqueue(c, userId, "anti-entropy", now));
                if (queued) {
                    asked++;
                    metrics.healRequested();
                }
            }
            if (asked > 0) {
                trace.line("[anti-entropy] " + asked + " user(s) not reconciled for " + maxAge.toSeconds()
                        + " s: asked to reconcile");
            }
            return asked;
        } catch (RuntimeException e) {
            metrics.error("anti-entropy");
            trace.line("[anti-entropy] pass failed: " + e.getMessage());
            return 0;
        }
    }
}
