package io.github.skillmessaging.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * A client's send rate: a fixed ceiling, a rate that adapts to what the server accepts, or both.
 *
 * <p>The adaptive rate follows what the server accepts, in the spirit of the "adaptive"
 * retry mode of the AWS SDKs: requests go out unhindered until the server first throttles (429,
 * or 503 with {@code Retry-After}); from then on a token bucket paces them. A throttle cuts the
 * rate to {@value #BETA} of the rate requests were going out at (once paced: of the rate
 * refused); successes let it grow again along a cubic curve that is flat near the rate that was
 * throttled and steep far from it, so the rate climbs back quickly after a dip and probes
 * carefully near the limit. One cut per
 * throttle episode: answers to requests sent before the last cut do not cut again. A
 * {@code Retry-After} longer than {@link #PAUSE_ALL_FROM} pauses every request until it has
 * passed (the server is overloaded or down); a shorter one, the usual answer of a per-second
 * limit, only cuts the rate, and the throttled request itself waits for it before its retry.
 *
 * <p>Thread-safe. {@link #acquire()} never blocks: it answers when the next request may go, as a
 * future completed at once or by the SDK's timer. Requests are paced in the order they ask.
 */
public final class RateLimiter {
    /** The share of the rate kept after a throttle. */
    static final double BETA = 0.9;
    /** A {@code Retry-After} at least this long pauses every request. */
    public static final Duration PAUSE_ALL_FROM = Duration.ofSeconds(2);
    /**
     * How fast the rate grows back after a throttle, as a share of the rate that was throttled per
     * s³: back to that rate in about 3.7 s whatever it is (a fixed scale would probe a slow server
     * much harder than a fast one).
     */
    private static final double SCALE = 0.002;
    /** Weight of the newest half-second in the measured rate. */
    private static final double SMOOTH = 0.8;
    /** The rate never falls below this (requests per second). */
    static final double MIN_RATE = 0.5;

    private static final long NANOS = 1_000_000_000L;
    private static final long HALF_SECOND = NANOS / 2;

    private final LongSupplier nanoClock;
    private final boolean adaptive;
    private final double ceiling; // requests per second; infinite without one

    /**
     * Whether requests go now without a reservation: no ceiling, no throttle seen and no pause; a
     * volatile read on the path of every request, written under the lock.
     */
    private volatile boolean unhindered;

    // guarded by this
    private boolean pacing;
    private double rate; // requests per second while pacing
    private double lastThrottledRate;
    private long lastCutNanos;
    private double cubicWindowSeconds;
    private long nextFreeNanos; // when the next request is due at the paced rate
    private long pausedUntilNanos;
    private double answeredRate; // answers of any kind, smoothed, per second: the rate requests go out at
    private volatile long bucket; // the half-second being counted; read without the lock by onAccepted
    /** Answers counted in {@link #bucket}; counted without the lock while unhindered. */
    private final AtomicInteger answeredInBucket = new AtomicInteger();

    /**
     * @param adaptive whether throttles slow requests down (else only the ceiling paces them)
     * @param maxRequestsPerSecond a fixed ceiling, or {@code 0} for none
     * @param nanoClock {@link System#nanoTime()}, or a test's clock
     */
    public RateLimiter(boolean adaptive, double maxRequestsPerSecond, LongSupplier nanoClock) {
        if (!(maxRequestsPerSecond >= 0) || Double.isInfinite(maxRequestsPerSecond)) {
            throw new IllegalArgumentException("maxRequestsPerSecond must be positive, or 0 for none");
        }
        this.nanoClock = nanoClock;
        this.adaptive = adaptive;
        this.ceiling = maxRequestsPerSecond == 0 ? Double.POSITIVE_INFINITY : maxRequestsPerSecond;
        long now = nanoClock.getAsLong();
        this.nextFreeNanos = now;
        this.pausedUntilNanos = now;
        this.lastCutNanos = now - 1;
        this.bucket = Math.floorDiv(now, HALF_SECOND);
        this.pacing = maxRequestsPerSecond > 0;
        this.rate = this.ceiling;
        this.unhindered = !pacing;
    }

    /** A limiter on the system clock, or none when it would never hold a request back. */
    public static RateLimiter of(boolean adaptive, double maxRequestsPerSecond) {
        return adaptive || maxRequestsPerSecond > 0
                ? new RateLimiter(adaptive, maxRequestsPerSecond, System::nanoTime)
                : null;
    }

    /** The limiter's clock: pass its value when a request was sent to {@link #onThrottle}. */
    public long now() {
        return nanoClock.getAsLong();
    }

    /**
     * Whether the next request may go at once without {@link #acquire()}: true until a throttle,
     * a pause or a ceiling paces requests. A lock-free read, for the common case.
     */
    public boolean unhindered() {
        return unhindered;
    }

    /** Completes when the next request may be sent: at once, or after the wait its turn takes. */
    public CompletableFuture<Void> acquire() {
        long wait = reserve();
        return wait <= 0 ? CompletableFuture.completedFuture(null) : Timeouts.sleep(Duration.ofNanos(wait));
    }

    /** Reserves the next slot; returns how long to wait for it, in nanoseconds (0 or less: none). */
    synchronized long reserve() {
        long now = nanoClock.getAsLong();
        long start = Math.max(now, pausedUntilNanos);
        if (!pacing) {
            unhindered = start == now; // a pause that has passed
            return start - now;
        }
        // A token bucket as a "theoretical arrival time": after a quiet spell up to a tenth of a
        // second of requests (at least one) may go at once, then one every interval.
        long interval = (long) (NANOS / rate);
        long tolerance = Math.max(0, NANOS / 10 - interval);
        long due = Math.max(nextFreeNanos, start);
        long slot = Math.max(start, due - tolerance);
        nextFreeNanos = due + interval;
        return slot - now;
    }

    /** The server accepted a request, or answered it with something that is not a throttle. */
    public void onAccepted() {
        if (!adaptive) {
            return;
        }
        long now = nanoClock.getAsLong();
        if (unhindered && Math.floorDiv(now, HALF_SECOND) == bucket) {
            answeredInBucket.incrementAndGet(); // the common case: counted, nothing to fold or to grow
            return;
        }
        accepted(now);
    }

    private synchronized void accepted(long now) {
        count(now);
        if (!pacing || lastThrottledRate == 0) {
            return;
        }
        double t = (now - lastCutNanos) / (double) NANOS;
        double cubic = lastThrottledRate * (1 + SCALE * Math.pow(t - cubicWindowSeconds, 3));
        // Beyond the rate that was throttled only as far as the sends actually use it.
        setRate(Math.min(cubic, Math.max(lastThrottledRate, 2 * answeredRateNow(now))));
    }

    /**
     * The server throttled a request sent at {@code sentAtNanos} (a value of {@link #now()}):
     * every request slows down, unless the rate was already cut after that request went out; a
     * {@code retryAfter} of at least {@link #PAUSE_ALL_FROM} pauses every request.
     */
    public synchronized void onThrottle(long sentAtNanos, Duration retryAfter) {
        if (!adaptive) {
            return;
        }
        long now = nanoClock.getAsLong();
        count(now);
        if (retryAfter.compareTo(PAUSE_ALL_FROM) >= 0) {
            long until = now + Math.min(retryAfter.toNanos(), 300 * NANOS);
            pausedUntilNanos = Math.max(pausedUntilNanos, until);
            unhindered = false;
        }
        if (sentAtNanos - lastCutNanos < 0) {
            return; // sent before the last cut: that cut was the answer to this episode
        }
        // Unpaced until now: the rate requests were going out at; paced: the rate the server just refused.
        double base = pacing ? rate : Math.max(answeredRateNow(now), MIN_RATE);
        lastThrottledRate = base;
        cubicWindowSeconds = Math.cbrt((1 - BETA) / SCALE);
        lastCutNanos = now;
        pacing = true;
        unhindered = false;
        setRate(base * BETA);
    }

    /** The rate requests are paced at now, or infinity while nothing has been throttled. */
    public synchronized double currentRate() {
        return pacing ? rate : Double.POSITIVE_INFINITY;
    }

    private void setRate(double newRate) {
        rate = Math.max(MIN_RATE, Math.min(ceiling, newRate));
    }

    /** Counts an answer in the current half-second, folding finished half-seconds into the smoothed rate. */
    private void count(long now) {
        long current = Math.floorDiv(now, HALF_SECOND);
        if (current > bucket) {
            double observed = answeredInBucket.getAndSet(0) * 2.0;
            for (long b = bucket; b < current && b < bucket + 8; b++) {
                answeredRate = answeredRate == 0 ? observed : SMOOTH * observed + (1 - SMOOTH) * answeredRate;
                observed = 0; // a half-second with no answer pulls the rate down too
            }
            bucket = current;
        }
        answeredInBucket.incrementAndGet();
    }

    /** The smoothed answer rate, or, before a half-second has passed, the rate of the one being counted. */
    private double answeredRateNow(long now) {
        if (answeredRate > 0) {
            return answeredRate;
        }
        double elapsed = Math.max(now - bucket * HALF_SECOND, NANOS / 20) / (double) NANOS;
        return answeredInBucket.get() / elapsed;
    }
}
