package io.github.skillmessaging.transport.nio;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands the outcomes the I/O thread decides over to the callback executor. Those decided in one
 * round of the I/O loop go as one task (a batch), so that a round which answers many requests
 * costs one thread hand-off instead of one each. A batch whose runner is stuck in a callback (it
 * took no completion between two sweeps) gets another runner, so a callback that blocks delays the
 * rest of its batch by about two sweeps (40 ms) and never another batch.
 *
 * <p>Outcomes decided on any other thread (a request that reaches a stopped loop) are handed over
 * one by one. An executor that refuses a task gets it run on the calling thread instead, so that
 * no future is left incomplete.
 */
final class Completions {
    private static final System.Logger LOG = System.getLogger(NioTransport.class.getName());
    /** The most completions in one task: a larger round is split, so more threads can take it. */
    static final int MAX_BATCH = 32;

    private final Executor callbacks;
    private final Thread ioThread;
    // Touched on the I/O thread only.
    private Batch open;
    private final List<Batch> handedOver = new ArrayList<>();

    Completions(Executor callbacks, Thread ioThread) {
        this.callbacks = callbacks;
        this.ioThread = ioThread;
    }

    /** Completes a future: in this round's batch on the I/O thread, at once on any other thread. */
    void add(Runnable completion) {
        if (Thread.currentThread() != ioThread) {
            hand(completion);
            return;
        }
        if (open == null) {
            open = new Batch();
        }
        open.add(completion);
        if (open.size == MAX_BATCH) {
            flush();
        }
    }

    /** Hands this round's batch over; the I/O loop calls it before it may wait in {@code select}. */
    void flush() {
        Batch batch = open;
        if (batch != null) {
            open = null;
            handedOver.add(batch);
            hand(batch);
        }
    }

    /**
     * Called every sweep: a batch whose runner took no completion since the last sweep, while
     * some are left, gets another runner; batches whose completions were all taken are forgotten.
     */
    void sweep() {
        int kept = 0;
        for (int i = 0; i < handedOver.size(); i++) {
            Batch batch = handedOver.get(i);
            int taken = batch.taken();
            if (taken >= batch.size) {
                continue;
            }
            if (batch.started && taken == batch.takenAtLastSweep) {
                hand(batch); // stuck in a callback: another thread takes the next completions
            }
            batch.takenAtLastSweep = taken;
            handedOver.set(kept++, batch);
        }
        handedOver.subList(kept, handedOver.size()).clear();
    }

    private void hand(Runnable task) {
        try {
            callbacks.execute(task);
        } catch (RuntimeException e) { // RejectedExecutionException: a shut down executor of the user's
            LOG.log(
                    System.Logger.Level.DEBUG,
                    "the callback executor refused a completion; completing on "
                            + Thread.currentThread().getName(),
                    e);
            task.run();
        }
    }

    /** Completions decided in one round; every runner takes the next one not yet taken. */
    private static final class Batch implements Runnable {
        private final Runnable[] items = new Runnable[MAX_BATCH];
        private int size; // fixed before the batch is first handed over (which publishes it)
        private final AtomicInteger next = new AtomicInteger();
        private volatile boolean started;
        private int takenAtLastSweep = -1; // I/O thread only

        void add(Runnable completion) {
            items[size++] = completion;
        }

        int taken() {
            return Math.min(next.get(), size);
        }

        @Override
        public void run() {
            started = true;
            for (int i = next.getAndIncrement(); i < size; i = next.getAndIncrement()) {
                items[i].run(); // completes a future: exceptions of the stages stay in their futures
            }
        }
    }
}
