package io.github.skillmessaging.transport.nio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** How {@link Completions} hands outcomes to the callback executor; the test thread plays the I/O thread. */
class CompletionsTest {

    @Test
    void theOutcomesOfOneRoundGoAsOneTaskOfAtMostMaxBatch() {
        List<Runnable> tasks = new ArrayList<>();
        Completions completions = new Completions(tasks::add, Thread.currentThread());
        AtomicInteger completed = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            completions.add(completed::incrementAndGet);
        }
        assertThat(tasks).as("nothing is handed over before the round ends").isEmpty();
        completions.flush();
        assertThat(tasks).hasSize(1);
        for (int i = 0; i < Completions.MAX_BATCH + 1; i++) {
            completions.add(completed::incrementAndGet);
        }
        completions.flush();
        assertThat(tasks)
                .as("a full batch goes at once, the rest at the end of the round")
                .hasSize(3);
        tasks.forEach(Runnable::run);
        assertThat(completed).hasValue(3 + Completions.MAX_BATCH + 1);
        tasks.forEach(Runnable::run);
        assertThat(completed).as("a batch run twice completes nothing twice").hasValue(3 + Completions.MAX_BATCH + 1);
    }

    @Test
    void aBatchStuckInACallbackGetsAnotherRunnerAtTheNextSweepWithoutProgress() throws Exception {
        ExecutorService pool = Executors.newCachedThreadPool();
        CountDownLatch blocking = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch second = new CountDownLatch(1);
        try {
            Completions completions = new Completions(pool, Thread.currentThread());
            completions.add(() -> {
                blocking.countDown();
                await(release);
            });
            completions.add(second::countDown);
            completions.flush();
            assertThat(blocking.await(10, TimeUnit.SECONDS)).isTrue();
            completions.sweep(); // notes how far the batch got
            assertThat(second.await(100, TimeUnit.MILLISECONDS))
                    .as("behind the blocked callback until a sweep sees no progress")
                    .isFalse();
            completions.sweep(); // no progress since the last sweep: another runner
            assertThat(second.await(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            release.countDown();
            pool.shutdown();
        }
    }

    @Test
    void aBatchStillWaitingInTheExecutorsQueueIsNotHandedOverAgain() {
        List<Runnable> tasks = new ArrayList<>();
        Completions completions = new Completions(tasks::add, Thread.currentThread());
        completions.add(() -> {});
        completions.flush();
        completions.sweep();
        completions.sweep();
        completions.sweep();
        assertThat(tasks).hasSize(1);
    }

    @Test
    void outcomesDecidedOffTheIoThreadAreHandedOverAtOnceAndARefusedOneRunsOnTheCaller() {
        List<Runnable> tasks = new ArrayList<>();
        Completions elsewhere = new Completions(tasks::add, new Thread(() -> {}));
        AtomicInteger completed = new AtomicInteger();
        elsewhere.add(completed::incrementAndGet);
        assertThat(tasks).hasSize(1);
        Completions refusing = new Completions(
                task -> {
                    throw new java.util.concurrent.RejectedExecutionException("shut down");
                },
                Thread.currentThread());
        refusing.add(completed::incrementAndGet);
        refusing.flush();
        assertThat(completed).as("run on the calling thread").hasValue(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
