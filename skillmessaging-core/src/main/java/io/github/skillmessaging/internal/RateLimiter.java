package io.github.skillmessaging.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/**
 * A client's send rate: a fixed ceiling, a rate that adapts to what the server accepts, or both.
 *
 * <p>The adaptive rate follows what the server accepts, in the spirit of the "adaptive" retry
 * mode of the AWS SDKs: requests go out unhindered until the server first throttles (429, or 503
 * with {@code Retry-After}); from then on a token bucket paces them. A throttle cuts the rate to
 * {@value #BETA} of the rate the server was accepting (the rate of the latest answers, less the
 * share of them that were throttles; once paced, at most the rate it just refused); successes
 * let it grow again along a cubic curve that is flat near the rate that was throttled and steep
 * far from it, so the rate climbs back quickly after a dip and probes carefully near the limit.
 * One cut per throttle episode: answers to requests sent before the last cut do not cut again.
 * Right after a cut no burst goes out: the server has just said it has no room.
 *
 * <p>A cut is a guess when it does not start from a paced rate the requests were using: the
 * first cut (from a burst measured over a few milliseconds), and a cut while requests went out
 * at less than half the paced rate (held back by something else, such as their own waits after
 * a throttle). After such a cut the rate doubles every {@link #SLOW_START_DOUBLING} while
 * requests wait for it ("slow start"), until a throttle of a request sent at least
 * {@link #SETTLE} after it began: a guess too low costs a second or two, one too high a few more
 * cuts. A guess starts at {@value #GUESS_FLOOR} a second at least.
 *
 * <p>A {@code Retry-After} of at least {@link #PAUSE_ALL_FROM} pauses every request until it has
 * passed (the server is overloaded or down); a shorter one, the usual answer of a per-second
 * limit, only cuts the rate, and the throttled request itself waits for it before its retry.
 *
 * <p>Thread-safe. {@link #acquire()} never blocks: it answers when the next request may go, as a
 * future completed at once or later by a pacer on the SDK's timer. Requests waiting are let go
 * in the order they asked, at the rate in force when their turn comes (a rate that grows while
 * they wait lets them go sooner).
 */
public final class RateLimiter {
    /** Schedules the pacer: runs {@code task} after {@code delayNanos}; cancelling the future drops it. */
    @FunctionalInterface
    public interface Scheduler {
        Future<?> schedule(long delayNanos, Runnable task);
    }

    /** The share of the rate kept after a throttle. */
    static final double BETA = 0.9;
    /** A {@code Retry-After} at least this long pauses every request. */
    public static final Duration PAUSE_ALL_FROM = Duration.ofSeconds(2);
    /** While the first guess is checked, the rate doubles this often (while requests wait for it). */
    static final Duration SLOW_START_DOUBLING = Duration.ofMillis(200);
    /**
     * Throttles of requests sent this soon after slow start began do not end it: the server's
     * allowance for bursts is still spent by what went before.
     */
    static final Duration SETTLE = Duration.ofMillis(250);
    /**
     * How fast the rate grows back after a throttle, as a share of the rate that was throttled per
     * s³: back to that rate in about 3.7 s whatever it is (a fixed scale would probe a slow server
     * much harder than a fast one).
     */
    private static final double SCALE = 0.002;
    /** A rate that is a guess never starts below this (requests per second): a few answers say little. */
    static final double GUESS_FLOOR = 10;
    /** The rate never falls below this (requests per second). */
    static final double MIN_RATE = 0.5;
    /** The measured rate counts at most this many of the latest answers ... */
    private static final int MEASURED_ANSWERS = 32;
    /** ... of at most this age. */
    private static final long MEASURED_SPAN = 1_000_000_000L;

    private static final long NANOS = 1_000_000_000L;
    /** Tokens short of a whole one by less than this count as whole: the timer wakes when one is due. */
    private static final double ROUNDING = 1e-6;

    private final LongSupplier nanoClock;
    private final Scheduler scheduler;
    private final boolean adaptive;
    private final double ceiling; // requests per second; infinite without one

    /**
     * Whether requests go now without {@link #acquire()}: no ceiling, no throttle seen, no pause
     * and nobody waiting; a volatile read on the path of every request, written under the lock.
     */
    private volatile boolean unhindered;

    /** When the latest answers came, a ring written without the lock. */
    private final AtomicLongArray answerTimes = new AtomicLongArray(MEASURED_ANSWERS);

    private final AtomicLong answers = new AtomicLong();

    // guarded by this
    private boolean pacing;
    /** Paced since a throttle that came while unpaced, and not throttled since: the rate is a guess. */
    private boolean slowStart;

    private double rate; // requests per second while pacing
    private double tokens; // requests that may go at once while pacing
    private long refilledNanos;
    private double lastThrottledRate;
    private long lastCutNanos;
    private long lastGrowthNanos;
    /** When slow start began. */
    private long slowStartNanos;
    /** Whether a request had to wait for its turn since the rate last grew in slow start. */
    private boolean waitedSinceGrowth;

    private double cubicWindowSeconds;
    private long pausedUntilNanos;
    private final ArrayDeque<CompletableFuture<Void>> waiting = new ArrayDeque<>();
    private Future<?> tick;
    private long tickAtNanos;

    /**
     * @param adaptive whether throttles slow requests down (else only the ceiling paces them)
     * @param maxRequestsPerSecond a fixed ceiling, or {@code 0} for none
     * @param nanoClock {@link System#nanoTime()}, or a test's clock
     * @param scheduler the SDK's timer, or a test's
     */
    public RateLimiter(boolean adaptive, double maxRequestsPerSecond, LongSupplier nanoClock, Scheduler scheduler) {
        if (!(maxRequestsPerSecond >= 0) || Double.isInfinite(maxRequestsPerSecond)) {
            throw new IllegalArgumentException("maxRequestsPerSecond must be positive, or 0 for none");
        }
        this.nanoClock = nanoClock;
        this.scheduler = scheduler;
        this.adaptive = adaptive;
        this.ceiling = maxRequestsPerSecond == 0 ? Double.POSITIVE_INFINITY : maxRequestsPerSecond;
        long now = nanoClock.getAsLong();
        this.pausedUntilNanos = now;
        this.lastCutNanos = now - 1;
        this.refilledNanos = now;
        this.pacing = maxRequestsPerSecond > 0;
        this.rate = this.ceiling;
        this.tokens = pacing ? capacity() : 0; // a ceiling lets a tenth of a second go at once
        this.unhindered = !pacing;
    }

    /** A limiter on the system clock and the SDK's timer, or none when it would never hold a request back. */
    public static RateLimiter of(boolean adaptive, double maxRequestsPerSecond) {
        return adaptive || maxRequestsPerSecond > 0
                ? new RateLimiter(adaptive, maxRequestsPerSecond, System::nanoTime, Timeouts::afterNanos)
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

    /**
     * Completes when the next request may be sent: at once, or when its turn comes. Cancelling
     * the future gives up the turn.
     */
    public CompletableFuture<Void> acquire() {
        synchronized (this) {
            long now = nanoClock.getAsLong();
            if (waiting.isEmpty() && mayGo(now)) {
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<Void> turn = new CompletableFuture<>();
            waiting.add(turn);
            waitedSinceGrowth = true;
            unhindered = false;
            scheduleTick(now);
            return turn;
        }
    }

    /** Whether one request may go now; takes its token. */
    private boolean mayGo(long now) {
        if (now - pausedUntilNanos < 0) {
            return false;
        }
        if (!pacing) {
            unhindered = true; // a pause that has passed
            return true;
        }
        refill(now);
        if (tokens >= 1 - ROUNDING) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** Lets go the requests whose turn has come, and schedules the next turn. */
    private void onTick() {
        List<CompletableFuture<Void>> go = new ArrayList<>();
        synchronized (this) {
            tick = null;
            long now = nanoClock.getAsLong();
            while (!waiting.isEmpty()) {
                if (waiting.peek().isDone()) {
                    waiting.poll(); // given up: its turn passes to the next
                } else if (mayGo(now)) {
                    go.add(waiting.poll());
                } else {
                    break;
                }
            }
            if (!waiting.isEmpty()) {
                scheduleTick(now);
            } else if (!pacing && now - pausedUntilNanos >= 0) {
                unhindered = true;
            }
        }
        for (CompletableFuture<Void> turn : go) {
            turn.complete(null); // outside the lock: this sends the request
        }
    }

    /** Schedules the pacer for when the next waiting request may go, unless it is due by then already. */
    private void scheduleTick(long now) {
        long due = Math.max(now, pausedUntilNanos);
        if (pacing && tokens < 1 - ROUNDING) {
            refill(now);
            due = Math.max(due, now + (long) Math.ceil((1 - tokens) / rate * NANOS));
        }
        if (tick != null) {
            if (tickAtNanos - due <= 0) {
                return;
            }
            tick.cancel(false); // the rate grew: the next turn comes sooner
        }
        tickAtNanos = due;
        tick = scheduler.schedule(due - now, this::onTick);
    }

    private void refill(long now) {
        tokens = Math.min(capacity(), tokens + (now - refilledNanos) / (double) NANOS * rate);
        refilledNanos = now;
    }

    /** A tenth of a second of requests, at least one. */
    private double capacity() {
        return Math.max(1, rate / 10);
    }

    /** The server accepted a request, or answered it with something that is not a throttle. */
    public void onAccepted() {
        if (!adaptive) {
            return;
        }
        long now = nanoClock.getAsLong();
        recordAnswer(now, false);
        if (!unhindered) {
            accepted(now);
        }
    }

    private synchronized void accepted(long now) {
        if (!pacing || lastThrottledRate == 0) {
            return;
        }
        if (slowStart) {
            if (waitedSinceGrowth || !waiting.isEmpty()) { // requests wait for the rate: it holds them back
                double doublings = (now - lastGrowthNanos) / (double) SLOW_START_DOUBLING.toNanos();
                setRate(rate * Math.pow(2, Math.min(doublings, 1))); // at most twice the rate per answer
            }
            lastGrowthNanos = now;
            waitedSinceGrowth = false;
            return;
        }
        double t = (now - lastCutNanos) / (double) NANOS;
        double cubic = lastThrottledRate * (1 + SCALE * Math.pow(t - cubicWindowSeconds, 3));
        // Beyond the rate that was throttled only as far as the sends actually use it.
        setRate(Math.min(cubic, Math.max(lastThrottledRate, 2 * measuredRate(now, false))));
    }

    /**
     * The server throttled a request sent at {@code sentAtNanos} (a value of {@link #now()}):
     * every request slows down, unless the rate was already cut after that request went out; a
     * {@code retryAfter} of at least {@link #PAUSE_ALL_FROM} pauses every request.
     */
    public void onThrottle(long sentAtNanos, Duration retryAfter) {
        if (!adaptive) {
            return;
        }
        long now = nanoClock.getAsLong();
        recordAnswer(now, true);
        throttled(now, sentAtNanos, retryAfter);
    }

    private synchronized void throttled(long now, long sentAtNanos, Duration retryAfter) {
        if (retryAfter.compareTo(PAUSE_ALL_FROM) >= 0) {
            long until = now + Math.min(retryAfter.toNanos(), 300 * NANOS);
            if (until - pausedUntilNanos > 0) {
                pausedUntilNanos = until;
            }
            unhindered = false;
        }
        if (sentAtNanos - lastCutNanos < 0) {
            return; // sent before the last cut: that cut was the answer to this episode
        }
        // What the server accepted of the rate requests went out at; once paced, no more than the
        // rate it just refused.
        double measured = measuredRate(now, false);
        double accepted = Math.max(measuredRate(now, true), MIN_RATE);
        double base = pacing ? Math.min(rate, accepted) : accepted;
        boolean settling = slowStart && sentAtNanos - slowStartNanos < SETTLE.toNanos();
        slowStart = !pacing || measured < rate / 2 || settling;
        if (slowStart && !settling) {
            slowStartNanos = now;
        }

        lastThrottledRate = base;
        cubicWindowSeconds = Math.cbrt((1 - BETA) / SCALE);
        lastCutNanos = now;
        lastGrowthNanos = now;
        pacing = true;
        unhindered = false;
        refilledNanos = now;
        tokens = 0; // no burst right after a throttle
        // A guess from a few answers starts no slower than GUESS_FLOOR.
        setRate(slowStart ? Math.max(base * BETA, GUESS_FLOOR) : base * BETA);
    }

    /** The rate requests are paced at now, or infinity while nothing has been throttled. */
    public synchronized double currentRate() {
        return pacing ? rate : Double.POSITIVE_INFINITY;
    }

    private void setRate(double newRate) {
        if (pacing && Double.isFinite(rate)) {
            refill(nanoClock.getAsLong()); // what has accrued, at the old rate
        }
        rate = Math.max(MIN_RATE, Math.min(ceiling, newRate));
        if (!waiting.isEmpty()) {
            scheduleTick(nanoClock.getAsLong());
        }
    }

    /** Notes an answer: its time, with the lowest bit set for a throttle. */
    private void recordAnswer(long now, boolean throttle) {
        answerTimes.set((int) (answers.getAndIncrement() % MEASURED_ANSWERS), (now & ~1L) | (throttle ? 1 : 0));
    }

    /**
     * The rate of answers (the rate requests go out at), or with {@code acceptedOnly} of those
     * that were not throttles: over the latest {@value #MEASURED_ANSWERS} answers of the last
     * second, from the gaps between them (with fewer than two there, their count).
     */
    private double measuredRate(long now, boolean acceptedOnly) {
        long count = Math.min(answers.get(), MEASURED_ANSWERS);
        long oldest = now;
        long newest = Long.MIN_VALUE;
        int recent = 0;
        int throttles = 0;
        for (int i = 0; i < count; i++) {
            long at = answerTimes.get(i);
            if (now - at <= MEASURED_SPAN) {
                recent++;
                throttles += (int) (at & 1);
                oldest = Math.min(oldest, at);
                newest = Math.max(newest, at);
            }
        }
        double all = recent < 2 ? recent : (recent - 1) * (double) NANOS / Math.max(newest - oldest, NANOS / 1000);
        return acceptedOnly && recent > 0 ? all * (recent - throttles) / recent : all;
    }
}
