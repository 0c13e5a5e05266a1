package io.github.skillmessaging.verify;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A {@link ReplayGuard} in this process's memory: bounded, thread-safe, entries expire on the
 * injected {@link Clock}. When full of unexpired ids it evicts the one expiring soonest (that id
 * would then be accepted again), so size it above your peak requests per tolerance window.
 */
public final class InMemoryReplayGuard implements ReplayGuard {
    /** Capacity of {@link #create()}. */
    public static final int DEFAULT_MAX_ENTRIES = 100_000;

    private record Entry(Instant expiresAt, String requestId) {}

    private static final Comparator<Entry> BY_EXPIRY =
            Comparator.comparing(Entry::expiresAt).thenComparing(Entry::requestId);

    private final int maxEntries;
    private final Clock clock;
    private final Map<String, Instant> byId = new HashMap<>();
    private final TreeSet<Entry> byExpiry = new TreeSet<>(BY_EXPIRY);

    private InMemoryReplayGuard(int maxEntries, Clock clock) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1: " + maxEntries);
        }
        this.maxEntries = maxEntries;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A guard for up to {@value #DEFAULT_MAX_ENTRIES} ids on the system UTC clock. */
    public static InMemoryReplayGuard create() {
        return new InMemoryReplayGuard(DEFAULT_MAX_ENTRIES, Clock.systemUTC());
    }

    /** A guard for up to {@code maxEntries} ids on {@code clock}. */
    public static InMemoryReplayGuard create(int maxEntries, Clock clock) {
        return new InMemoryReplayGuard(maxEntries, clock);
    }

    @Override
    public synchronized boolean firstSeen(String requestId, Instant expiresAt) {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Instant now = clock.instant();
        purgeExpired(now);
        if (byId.containsKey(requestId)) {
            return false;
        }
        if (expiresAt.isBefore(now)) {
            return true; // already expired: nothing to remember
        }
        while (byId.size() >= maxEntries) {
            Entry soonest = byExpiry.pollFirst();
            byId.remove(soonest.requestId());
        }
        byId.put(requestId, expiresAt);
        byExpiry.add(new Entry(expiresAt, requestId));
        return true;
    }

    @Override
    public synchronized void forget(String requestId) {
        Instant expiresAt = byId.remove(requestId);
        if (expiresAt != null) {
            byExpiry.remove(new Entry(expiresAt, requestId));
        }
    }

    /** The number of unexpired ids remembered now. */
    public synchronized int size() {
        purgeExpired(clock.instant());
        return byId.size();
    }

    private void purgeExpired(Instant now) {
        // kept through expiresAt itself, as the verifier still accepts a request at acceptedUntil
        while (!byExpiry.isEmpty() && byExpiry.first().expiresAt().isBefore(now)) {
            byId.remove(byExpiry.pollFirst().requestId());
        }
    }

    @Override
    public String toString() {
        return "InMemoryReplayGuard[maxEntries=" + maxEntries + "]";
    }
}
