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
        return afterNanos(saturatedNanos(delay), action);
    }

    /** {@link #after(Duration, Runnable)} with the delay in nanoseconds (none when not positive). */
    static ScheduledFuture<?> afterNanos(long delayNanos, Runnable action) {
        return TIMER.schedule(
                () -> ForkJoinPool.commonPool().execute(action), Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
    }

    /** A lane of timers that all wait {@code delay}: see {@link Lane}. */
    public static Lane lane(Duration delay) {
        return new Lane(saturatedNanos(delay));
    }

    /**
     * Timers that all wait the same delay, such as a client's attempt timeout: armed and disarmed
     * once per request, and cheaper than the shared scheduler's (whose every schedule and cancel
     * takes its lock and reorders its heap). As they all wait alike, the order they are armed in
     * is the order they expire in: they form a list in that order, a timer is unlinked the moment
     * it is disarmed (so the lane holds only the armed ones), and the scheduler holds one task per
     * lane, for its oldest timer, and none once no timer is armed (so the scheduler's thread still
     * ends a second after the last request). Each arm, disarm and expiry is a few field writes
     * under the lane's lock. A timer fires on the common pool, as those of {@link #after} do.
     */
    public static final class Lane {
        private final long delayNanos;

        // Guarded by this: the armed timers, oldest first, and the scheduler's task for the oldest.
        private Timer oldest;
        private Timer newest;
        private ScheduledFuture<?> task;
        /** The number of the lane's current task: a task that is no longer the lane's own stops. */
        private long generation;

        private Lane(long delayNanos) {
            this.delayNanos = delayNanos;
        }

        /** Timers armed: for tests (counted, not kept: arming and disarming need no count). */
        synchronized int armed() {
            int count = 0;
            for (Timer t = oldest; t != null; t = t.newer) {
                count++;
            }
            return count;
        }

        /** Whether the scheduler holds a task of this lane: for tests. */
        synchronized boolean scheduled() {
            return task != null;
        }

        /** Runs {@code action} on the common pool after this lane's delay, unless the timer is disarmed first. */
        public Timer arm(Runnable action) {
            Timer timer = new Timer(this, action);
            synchronized (this) {
                timer.dueNanos = System.nanoTime() + delayNanos; // read under the lock: the list stays in due order
                timer.older = newest;
                if (newest == null) {
                    oldest = timer;
                } else {
                    newest.newer = timer;
                }
                newest = timer;
                if (task == null) {
                    scheduleNext(delayNanos);
                }
            }
            return timer;
        }

        /** See {@link Timer#disarm()}. */
        private synchronized boolean disarm(Timer timer) {
            if (timer.action == null) {
                return false; // fired or disarmed already
            }
            timer.action = null;
            unlink(timer);
            if (oldest == null) { // nothing armed: leave nothing to the scheduler
                task.cancel(false);
                task = null;
                generation++; // should it be running now, it stops
            }
            return true;
        }

        // guarded by this
        private void unlink(Timer timer) {
            if (timer.older == null) {
                oldest = timer.newer;
            } else {
                timer.older.newer = timer.newer;
            }
            if (timer.newer == null) {
                newest = timer.older;
            } else {
                timer.newer.older = timer.older;
            }
            timer.older = null;
            timer.newer = null;
        }

        // guarded by this
        private void scheduleNext(long delay) {
            long number = ++generation;
            task = TIMER.schedule(() -> expire(number), Math.max(0, delay), TimeUnit.NANOSECONDS);
        }

        /** On the scheduler's thread: fires the timers that are due, then waits for the oldest left. */
        private void expire(long number) {
            while (true) {
                Runnable action;
                synchronized (this) {
                    if (generation != number) {
                        return; // no longer this lane's task
                    }
                    Timer due = oldest;
                    if (due == null) {
                        task = null;
                        return;
                    }
                    long wait = due.dueNanos - System.nanoTime();
                    if (wait > 0) {
                        scheduleNext(wait);
                        return;
                    }
                    unlink(due);
                    action = due.action;
                    due.action = null;
                }
                ForkJoinPool.commonPool().execute(action);
            }
        }
    }

    /** A timer of a {@link Lane}: armed until it fires or is disarmed. Its fields are guarded by its lane. */
    public static final class Timer {
        private final Lane lane;
        /** Null once fired or disarmed (so that it holds nothing alive): the timer's state. */
        private Runnable action;

        private long dueNanos;
        private Timer older;
        private Timer newer;

        private Timer(Lane lane, Runnable action) {
            this.lane = lane;
            this.action = action;
        }

        /** Stops this timer unless it has fired; returns whether it was still armed. */
        public boolean disarm() {
            return lane.disarm(this);
        }
    }

    /** {@code delay} in nanoseconds, not negative; a delay too long for a {@code long} is about 146 years. */
    static long saturatedNanos(Duration delay) {
        try {
            return Math.max(0, delay.toNanos());
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE / 2; // ChronoUnit.FOREVER and the like: never, in practice
        }
    }
}
