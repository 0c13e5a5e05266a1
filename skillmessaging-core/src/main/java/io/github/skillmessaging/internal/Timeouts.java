package io.github.skillmessaging.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

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
     * is the order they expire in: they queue without a lock, a disarmed timer is only marked, and
     * the scheduler holds one task per lane, for its oldest timer, and none once no timer is armed
     * (so the scheduler's thread still ends a second after the last request). Disarmed timers are
     * dropped from the head of the queue as new ones arrive, and all at once when many pile up
     * behind one that is still armed. A timer fires on the common pool, as those of {@link #after}
     * do.
     */
    public static final class Lane {
        /** Disarmed timers tolerated in the queue before it is swept (with at least as many armed). */
        private static final int SWEEP_FROM = 1024;

        private final long delayNanos;
        private final ConcurrentLinkedQueue<Timer> queue = new ConcurrentLinkedQueue<>();
        /** Timers in the queue. */
        private final AtomicInteger queued = new AtomicInteger();
        /** Disarmed timers still in the queue. */
        private final AtomicInteger disarmed = new AtomicInteger();
        /** Timers armed: neither disarmed nor fired. */
        private final AtomicInteger armed = new AtomicInteger();

        private final AtomicBoolean sweeping = new AtomicBoolean();
        /** Whether the scheduler holds a task of this lane; written under the lane's lock. */
        private volatile boolean scheduled;
        /** That task, and its number: a task that is no longer the lane's own stops. Guarded by this. */
        private ScheduledFuture<?> task;

        private long generation;

        private Lane(long delayNanos) {
            this.delayNanos = delayNanos;
        }

        /** Timers still queued, armed or not: for tests. */
        int queued() {
            return queued.get();
        }

        /** Whether the scheduler holds a task of this lane: for tests. */
        boolean scheduled() {
            return scheduled;
        }

        /** Runs {@code action} on the common pool after this lane's delay, unless the timer is disarmed first. */
        public Timer arm(Runnable action) {
            Timer timer = new Timer(this, System.nanoTime() + delayNanos, action);
            queued.incrementAndGet();
            queue.offer(timer);
            armed.incrementAndGet(); // before reading scheduled: see idle()
            for (int i = 0; i < 2; i++) { // drop what was disarmed at the head: keeps the queue short
                Timer head = queue.peek();
                if (head == null || head.state != Timer.DISARMED || !head.drop()) {
                    break;
                }
                queue.remove(head); // the head: found at once
            }
            if (!scheduled) {
                schedule(delayNanos);
            }
            return timer;
        }

        /** Schedules this lane's task unless it is scheduled. */
        private synchronized void schedule(long delay) {
            if (!scheduled) {
                scheduleNext(delay);
            }
        }

        // guarded by this
        private void scheduleNext(long delay) {
            long number = ++generation;
            task = TIMER.schedule(() -> expire(number), delay, TimeUnit.NANOSECONDS);
            scheduled = true;
        }

        /** The last armed timer was disarmed: drops this lane's task, unless a timer was armed meanwhile. */
        private synchronized void idle() {
            if (!scheduled || armed.get() > 0) {
                return;
            }
            task.cancel(false);
            generation++; // should it be running now, it stops
            scheduled = false; // before reading armed: a timer armed now either sees this or is seen below
            if (armed.get() > 0) {
                scheduleNext(0);
            }
        }

        /** On the scheduler's thread: fires the timers that are due, then waits for the oldest left. */
        private void expire(long number) {
            while (true) {
                Timer head = queue.peek();
                if (head == null) {
                    synchronized (this) {
                        if (generation != number) {
                            return; // no longer this lane's task
                        }
                        scheduled = false;
                        if (queue.isEmpty() && armed.get() == 0) {
                            return;
                        }
                        scheduleNext(0); // armed meanwhile
                        return;
                    }
                }
                int state = head.state;
                if (state == Timer.ARMED) {
                    long wait = head.dueNanos - System.nanoTime();
                    if (wait > 0) {
                        synchronized (this) {
                            if (generation == number) {
                                scheduleNext(wait);
                            }
                        }
                        return;
                    }
                    if (head.fire()) {
                        queue.remove(head);
                        ForkJoinPool.commonPool().execute(head.action);
                    }
                } else if (state == Timer.DISARMED) {
                    if (head.drop()) {
                        queue.remove(head);
                    }
                } else {
                    queue.remove(head); // fired or dropped: unlinked by whoever did it, or now
                }
            }
        }

        /** After a disarm: goes idle with no timer armed; sweeps when disarmed timers far outnumber armed ones. */
        private void disarmed() {
            if (armed.decrementAndGet() == 0) {
                idle();
            }
            int count = disarmed.incrementAndGet();
            if (count >= SWEEP_FROM && 2 * count > queued.get() && sweeping.compareAndSet(false, true)) {
                try {
                    for (Iterator<Timer> it = queue.iterator(); it.hasNext(); ) {
                        Timer t = it.next();
                        if (t.state == Timer.DISARMED && t.drop()) {
                            it.remove();
                        }
                    }
                } finally {
                    sweeping.set(false);
                }
            }
        }
    }

    /** A timer of a {@link Lane}. */
    public static final class Timer {
        static final int ARMED = 0;
        static final int DISARMED = 1;
        static final int FIRED = 2;
        static final int DROPPED = 3;
        private static final VarHandle STATE;

        static {
            try {
                STATE = MethodHandles.lookup().findVarHandle(Timer.class, "state", int.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private final Lane lane;
        private final long dueNanos;
        /** Read only by the thread that fires it; dropped on disarm, so that it holds nothing alive. */
        private Runnable action;

        private volatile int state;

        private Timer(Lane lane, long dueNanos, Runnable action) {
            this.lane = lane;
            this.dueNanos = dueNanos;
            this.action = action;
        }

        /** Stops this timer unless it has fired; returns whether it was still armed. */
        public boolean disarm() {
            if (STATE.compareAndSet(this, ARMED, DISARMED)) {
                action = null;
                lane.disarmed();
                return true;
            }
            return false;
        }

        /** Takes the right to run the action; the caller unlinks this timer from its lane's queue. */
        private boolean fire() {
            if (STATE.compareAndSet(this, ARMED, FIRED)) {
                lane.queued.decrementAndGet();
                lane.armed.decrementAndGet();
                return true;
            }
            return false;
        }

        /** Takes the right to unlink this disarmed timer from its lane's queue (the caller does). */
        private boolean drop() {
            if (STATE.compareAndSet(this, DISARMED, DROPPED)) {
                lane.disarmed.decrementAndGet();
                lane.queued.decrementAndGet();
                return true;
            }
            return false;
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
