package io.github.skillmessaging.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The SDK's one timer, for deadlines and the waits between retries: a daemon thread that never
 * runs callers' code itself and ends one second after its last pending task (so it never delays
 * the end of a program, not even under {@code mvn exec:java}, which interrupts and joins the
 * threads a program leaves). What it fires runs on the common pool, so a slow callback chained on
 * a timed-out future cannot delay the deadlines of other calls.
 */
public final class Timeouts {
    private static final ScheduledThreadPoolExecutor TIMER = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "skillmessaging-deadlines");
        t.setDaemon(true);
        return t;
    });

    static {
        TIMER.setRemoveOnCancelPolicy(true); // a call that ends in time leaves nothing behind
        TIMER.setKeepAliveTime(1, TimeUnit.SECONDS);
        TIMER.allowCoreThreadTimeOut(true);
    }

    private Timeouts() {}

    /** A future completed on the common pool after {@code delay}; cancelling it drops the timer task. */
    public static CompletableFuture<Void> sleep(Duration delay) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        ScheduledFuture<?> task = after(delay, () -> done.complete(null));
        done.whenComplete((ignored, error) -> task.cancel(false));
        return done;
    }

    /** Runs {@code action} on the common pool after {@code delay}, unless the returned future is cancelled first. */
    static ScheduledFuture<?> after(Duration delay, Runnable action) {
        long nanos = saturatedNanos(delay);
        return TIMER.schedule(() -> ForkJoinPool.commonPool().execute(action), nanos, TimeUnit.NANOSECONDS);
    }

    private static long saturatedNanos(Duration delay) {
        try {
            return Math.max(0, delay.toNanos());
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE / 2; // ChronoUnit.FOREVER and the like: never, in practice
        }
    }
}
