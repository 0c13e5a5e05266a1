package io.github.skillmessaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The attempt-timeout lane of {@link Timeouts}: fires after its delay, never once disarmed, keeps little. */
class TimeoutsLaneTest {
    @Test
    void aTimerFiresOnTheCommonPoolNoSoonerThanItsDelay() throws Exception {
        Timeouts.Lane lane = Timeouts.lane(Duration.ofMillis(50));
        CompletableFuture<Thread> fired = new CompletableFuture<>();
        long armed = System.nanoTime();
        lane.arm(() -> fired.complete(Thread.currentThread()));

        Thread thread = fired.get(10, TimeUnit.SECONDS);
        assertThat(System.nanoTime() - armed)
                .isGreaterThanOrEqualTo(Duration.ofMillis(50).toNanos());
        assertThat(thread.getName()).contains("ForkJoinPool.commonPool");
    }

    @Test
    void aDisarmedTimerNeverFiresAndTheTimersArmedAfterItStillDo() throws Exception {
        Timeouts.Lane lane = Timeouts.lane(Duration.ofMillis(20));
        AtomicInteger disarmedRuns = new AtomicInteger();
        Timeouts.Timer first = lane.arm(disarmedRuns::incrementAndGet);
        CountDownLatch later = new CountDownLatch(1);
        Timeouts.Timer second = lane.arm(later::countDown);

        assertThat(first.disarm()).isTrue();
        assertThat(later.await(10, TimeUnit.SECONDS)).isTrue(); // due after the first: it would have run by now
        assertThat(disarmedRuns).hasValue(0);
        assertThat(second.disarm()).as("fired already").isFalse();
        assertThat(first.disarm()).as("disarmed already").isFalse();
    }

    @Test
    void disarmedTimersBehindOneStillArmedAreNotKept() {
        Timeouts.Lane lane = Timeouts.lane(Duration.ofHours(1));
        Timeouts.Timer stuck = lane.arm(() -> {});
        for (int i = 0; i < 100_000; i++) {
            lane.arm(() -> {}).disarm();
        }
        assertThat(lane.armed()).as("only the one still armed").isEqualTo(1);
        stuck.disarm();
        assertThat(lane.armed()).isZero();
        assertThat(lane.scheduled()).isFalse();
    }

    @Test
    void aLaneWithNoTimerArmedLeavesNoTaskToTheScheduler() {
        Timeouts.Lane lane = Timeouts.lane(Duration.ofSeconds(30));
        Timeouts.Timer first = lane.arm(() -> {});
        Timeouts.Timer second = lane.arm(() -> {});
        assertThat(lane.scheduled()).isTrue();

        first.disarm();
        assertThat(lane.scheduled()).as("one timer still armed").isTrue();
        second.disarm();
        assertThat(lane.scheduled()).as("so the scheduler's thread can end").isFalse();
        lane.arm(() -> {});
        assertThat(lane.scheduled()).isTrue();
    }

    @Test
    void underConcurrentUseEveryTimerStillArmedFiresExactlyOnce() throws Exception {
        Timeouts.Lane lane = Timeouts.lane(Duration.ofMillis(5));
        AtomicInteger fired = new AtomicInteger();
        AtomicInteger wronglyFired = new AtomicInteger();
        AtomicInteger kept = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            threads.add(new Thread(() -> {
                for (int i = 0; i < 5_000; i++) {
                    if (i % 3 == 0) {
                        kept.incrementAndGet();
                        lane.arm(fired::incrementAndGet);
                    } else {
                        Timeouts.Timer timer = lane.arm(wronglyFired::incrementAndGet);
                        if (!timer.disarm()) { // fired first: a slow thread, it counts as kept
                            wronglyFired.decrementAndGet();
                            fired.incrementAndGet();
                            kept.incrementAndGet();
                        }
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while ((fired.get() < kept.get() || wronglyFired.get() != 0 || lane.armed() > 0) && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertThat(fired).hasValue(kept.get());
        assertThat(wronglyFired).hasValue(0);
        assertThat(lane.armed()).isZero();
    }
}
