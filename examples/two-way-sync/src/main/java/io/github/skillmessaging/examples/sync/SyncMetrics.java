package io.github.skillmessaging.examples.sync;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one instance counted since it started: errors by type, messages it sent, reconciles it ran,
 * anti-entropy requests it queued. Shown by the status page next to the database-wide figures.
 */
public final class SyncMetrics {
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final LongAdder messagesSent = new LongAdder();
    private final LongAdder reconciles = new LongAdder();
    private final LongAdder healRequests = new LongAdder();

    /** Counts one error of {@code type}, e.g. {@code outbox-send:ApiTimeoutException}. */
    public void error(String type) {
        errors.computeIfAbsent(type, k -> new LongAdder()).increment();
    }

    public void messageSent() {
        messagesSent.increment();
    }

    public void reconciled() {
        reconciles.increment();
    }

    public void healRequested() {
        healRequests.increment();
    }

    /** Errors by type, sorted by type. */
    public Map<String, Long> errors() {
        Map<String, Long> out = new TreeMap<>();
        errors.forEach((type, n) -> out.put(type, n.sum()));
        return out;
    }

    public long messagesSent() {
        return messagesSent.sum();
    }

    public long reconciles() {
        return reconciles.sum();
    }

    public long healRequests() {
        return healRequests.sum();
    }
}
