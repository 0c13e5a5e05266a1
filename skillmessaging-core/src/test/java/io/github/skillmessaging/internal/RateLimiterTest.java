package io.github.skillmessaging.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The adaptive rate on a clock and a timer the test moves, against a simulated throttling server. */
class RateLimiterTest {
    private static final long MS = 1_000_000L;
    private final AtomicLong clock = new AtomicLong(1_000_000 * MS);
    /** The test's timer: {time, order} → task; run by {@link #runUntil}. */
    private final PriorityQueue<Timed> timers = new PriorityQueue<>();

    private long order;

    private record Timed(long at, long order, Runnable task, CompletableFuture<Void> handle)
            implements Comparable<Timed> {
        @Override
        public int compareTo(Timed o) {
            return at != o.at ? Long.compare(at, o.at) : Long.compare(order, o.order);
        }
    }

    private Future<?> schedule(long delayNanos, Runnable task) {
        CompletableFuture<Void> handle = new CompletableFuture<>();
        timers.add(new Timed(clock.get() + Math.max(0, delayNanos), order++, task, handle));
        return handle;
    }

    private RateLimiter limiter(boolean adaptive, double ceiling) {
        return new RateLimiter(adaptive, ceiling, clock::get, this::schedule);
    }

    /** Runs the timers due up to {@code until} (not cancelled ones), moving the clock along. */
    private void runUntil(long until) {
        while (!timers.isEmpty() && timers.peek().at() <= until) {
            Timed t = timers.poll();
            clock.set(Math.max(clock.get(), t.at()));
            if (t.handle().complete(null)) {
                t.task().run();
            }
        }
        clock.set(Math.max(clock.get(), until));
    }

    /** How long a request that asks now waits for its turn. */
    private long waitOf(RateLimiter limiter) {
        long asked = clock.get();
        CompletableFuture<Void> turn = limiter.acquire();
        while (!turn.isDone()) {
            assertThat(timers).as("a waiting request has a timer to wake it").isNotEmpty();
            runUntil(timers.peek().at());
        }
        return clock.get() - asked;
    }

    @Test
    void nothingWaitsUntilTheServerFirstThrottles() {
        RateLimiter limiter = limiter(true, 0);
        for (int i = 0; i < 10_000; i++) {
            assertThat(limiter.acquire()).isDone();
            limiter.onAccepted();
        }
        assertThat(limiter.currentRate()).isInfinite();
        assertThat(timers).isEmpty();
    }

    @Test
    void requestsGoWithoutAReservationOnlyUntilSomethingPacesThem() {
        RateLimiter adaptive = limiter(true, 0);
        assertThat(adaptive.unhindered()).isTrue();
        adaptive.onAccepted();
        assertThat(adaptive.unhindered()).isTrue();
        adaptive.onThrottle(adaptive.now(), Duration.ZERO);
        assertThat(adaptive.unhindered()).isFalse();

        assertThat(limiter(true, 100).unhindered()).isFalse();
        assertThat(limiter(false, 100).unhindered()).isFalse();
    }

    @Test
    void aPauseHoldsRequestsBackUntilItHasPassed() {
        RateLimiter limiter = limiter(true, 0);
        clock.addAndGet(MS);
        limiter.onAccepted();
        limiter.onThrottle(limiter.now(), Duration.ofSeconds(5));
        assertThat(limiter.unhindered()).isFalse();
        assertThat(waitOf(limiter)).isEqualTo(5_000 * MS);
    }

    @Test
    void aCeilingPacesFromTheStartAfterABurstOfATenthOfASecond() {
        RateLimiter limiter = limiter(true, 100);
        long[] turns = new long[20];
        long start = clock.get();
        List<CompletableFuture<Void>> asked = new ArrayList<>();
        for (int i = 0; i < turns.length; i++) {
            int n = i;
            asked.add(limiter.acquire().thenRun(() -> turns[n] = clock.get() - start));
        }
        runUntil(start + 1_000 * MS);
        assertThat(asked).allMatch(CompletableFuture::isDone);
        assertThat(turns[9]).as("a tenth of a second at once").isZero();
        assertThat(turns[19] - turns[18]).isEqualTo(10 * MS);
        assertThat(turns[19]).isBetween(90 * MS, 110 * MS);
        assertThat(limiter.currentRate()).isEqualTo(100);
    }

    @Test
    void requestsWaitingGoInTheOrderTheyAskedAndAGivenUpTurnPassesOn() {
        RateLimiter limiter = limiter(false, 10);
        List<Integer> went = new ArrayList<>();
        List<CompletableFuture<Void>> asked = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            CompletableFuture<Void> turn = limiter.acquire();
            asked.add(turn);
            turn.thenRun(() -> went.add(n));
        }
        asked.get(2).cancel(false);
        long start = clock.get();
        runUntil(start + 250 * MS);
        assertThat(went).as("one at once, then one every 100 ms").containsExactly(0, 1, 3);
        runUntil(start + 350 * MS);
        assertThat(went).containsExactly(0, 1, 3, 4);
    }

    @Test
    void aThrottleCutsTheRateOncePerEpisode() {
        RateLimiter limiter = limiter(true, 0);
        for (int i = 0; i < 2_000; i++) { // 1,000 accepted a second for two seconds
            clock.addAndGet(MS);
            limiter.onAccepted();
        }
        long sentBefore = limiter.now();
        clock.addAndGet(MS);
        limiter.onThrottle(sentBefore, Duration.ZERO);
        double afterFirst = limiter.currentRate();
        assertThat(afterFirst).isBetween(0.8 * 1000 * RateLimiter.BETA, 1.2 * 1000 * RateLimiter.BETA);
        for (int i = 0; i < 15; i++) { // the other requests in flight of the same episode
            limiter.onThrottle(sentBefore, Duration.ZERO);
        }
        assertThat(limiter.currentRate()).isEqualTo(afterFirst);

        clock.addAndGet(MS);
        long sentAfterCut = limiter.now();
        limiter.onThrottle(sentAfterCut, Duration.ZERO);
        assertThat(limiter.currentRate()).isLessThan(afterFirst);
    }

    @Test
    void noBurstGoesRightAfterAThrottle() {
        RateLimiter limiter = limiter(true, 0);
        for (int i = 0; i < 100; i++) { // 100 a second
            clock.addAndGet(10 * MS);
            limiter.onAccepted();
        }
        clock.addAndGet(500 * MS); // a quiet spell that would have filled the bucket
        limiter.onThrottle(limiter.now(), Duration.ZERO);
        assertThat(waitOf(limiter))
                .as("the first request after the cut waits its turn")
                .isGreaterThan(5 * MS);
    }

    @Test
    void aGuessTooLowIsRaisedQuicklyWhileRequestsWaitForIt() {
        RateLimiter limiter = limiter(true, 0);
        limiter.onAccepted(); // two answers half a second apart: the guess is the lowest one
        clock.addAndGet(500 * MS);
        limiter.onThrottle(limiter.now(), Duration.ZERO);
        assertThat(limiter.currentRate()).isEqualTo(RateLimiter.GUESS_FLOOR);
        new Simulation(limiter, 1_000_000, 16, 5 * MS).run(3_000 * MS); // requests wait for the rate, all accepted
        assertThat(limiter.currentRate())
                .as("after three seconds of slow start")
                .isGreaterThan(200);
    }

    @Test
    void theRateGrowsBackAfterAThrottle() {
        RateLimiter limiter = limiter(true, 0);
        for (int i = 0; i < 1_000; i++) {
            clock.addAndGet(2 * MS);
            limiter.onAccepted();
        }
        limiter.onThrottle(limiter.now(), Duration.ZERO);
        clock.addAndGet(MS);
        limiter.onThrottle(limiter.now(), Duration.ZERO); // a second throttle: the end of slow start
        double cut = limiter.currentRate();
        new Simulation(limiter, 1_000_000, 16, 5 * MS).run(10_000 * MS); // requests wait for the rate, all accepted
        assertThat(limiter.currentRate())
                .as("back above the rate that was throttled")
                .isGreaterThan(cut / RateLimiter.BETA);
    }

    @Test
    void withoutRequestsUsingItTheRateDoesNotGrow() {
        RateLimiter limiter = limiter(true, 0);
        for (int i = 0; i < 100; i++) {
            clock.addAndGet(10 * MS);
            limiter.onAccepted();
        }
        limiter.onThrottle(limiter.now(), Duration.ZERO);
        double cut = limiter.currentRate();
        for (int i = 0; i < 100; i++) { // answers of requests that never waited
            clock.addAndGet(100 * MS);
            limiter.onAccepted();
        }
        assertThat(limiter.currentRate()).isEqualTo(cut);
    }

    @ParameterizedTest
    @CsvSource({"1, false", "2, true", "30, true"})
    void aLongRetryAfterPausesEveryRequestAShortOneOnlySlowsThem(int seconds, boolean pausesAll) {
        RateLimiter limiter = limiter(true, 0);
        for (int i = 0; i < 100; i++) { // 100 a second
            clock.addAndGet(10 * MS);
            limiter.onAccepted();
        }
        limiter.onThrottle(limiter.now(), Duration.ofSeconds(seconds));
        long wait = waitOf(limiter);
        if (pausesAll) {
            assertThat(wait).isEqualTo(seconds * 1000 * MS);
        } else {
            assertThat(wait).isLessThan(100 * MS);
        }
    }

    @Test
    void withoutAdaptationOnlyTheCeilingPaces() {
        RateLimiter limiter = limiter(false, 100);
        limiter.onThrottle(limiter.now(), Duration.ofSeconds(30));
        assertThat(limiter.currentRate()).isEqualTo(100);
        assertThat(limiter.acquire()).isDone();
        assertThat(RateLimiter.of(false, 0)).isNull();
    }

    @Test
    void refusesANegativeCeiling() {
        assertThatThrownBy(() -> limiter(true, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> limiter(true, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * A server that admits {@code limit} requests a second (a token bucket holding a tenth of a
     * second) and answers 429 with {@code Retry-After: 1} beyond; 16 senders with 5 ms round trips
     * retry a throttled request after its Retry-After (holding their place meanwhile, as a bulk
     * send without the adaptive rate would). Over 20 simulated seconds the limiter finds and
     * holds the server's rate (at 200/s, the figures issue #13 asks of a real bulk send; a slow
     * and a fast server somewhat less closely, as each dip of the probing costs more there). A
     * first guess from a burst after an idle answer (one answered {@code idleBefore} ms earlier)
     * is found out as quickly.
     */
    @ParameterizedTest
    @CsvSource({"200, 0, 0.95, 0.03", "200, 300, 0.95, 0.03", "50, 0, 0.88, 0.05", "1000, 0, 0.93, 0.05"})
    void findsAndHoldsTheRateAThrottlingServerAccepts(
            int limit, int idleBefore, double minGoodput, double maxThrottled) {
        RateLimiter limiter = limiter(true, 0);
        if (idleBefore > 0) {
            limiter.onAccepted(); // the token request, say
            clock.addAndGet(idleBefore * MS);
        }
        Simulation sim = new Simulation(limiter, limit, 16, 5 * MS);
        sim.run(20_000 * MS);
        double goodput = sim.accepted / 20.0;
        assertThat(goodput).as("accepted per second").isGreaterThanOrEqualTo(minGoodput * limit);
        assertThat(sim.throttled).as("429s").isLessThanOrEqualTo((long)
                (maxThrottled * (sim.accepted + sim.throttled)));
    }

    /** Discrete-event simulation on the test's clock and timer. */
    private final class Simulation {
        private final RateLimiter limiter;
        private final double limit;
        private final int senders;
        private final long roundTrip;
        private double serverTokens;
        private long serverLast;
        long accepted;
        long throttled;

        Simulation(RateLimiter limiter, double limit, int senders, long roundTrip) {
            this.limiter = limiter;
            this.limit = limit;
            this.senders = senders;
            this.roundTrip = roundTrip;
            this.serverTokens = limit / 10;
            this.serverLast = clock.get();
        }

        void run(long duration) {
            long end = clock.get() + duration;
            for (int i = 0; i < senders; i++) {
                next();
            }
            runUntil(end);
        }

        /** A sender asks for its next turn, sends, and handles the answer a round trip later. */
        private void next() {
            limiter.acquire().thenRun(() -> {
                long sentAt = clock.get();
                schedule(roundTrip, () -> answer(sentAt));
            });
        }

        private void answer(long sentAt) {
            if (admit(sentAt + roundTrip / 2)) {
                accepted++;
                limiter.onAccepted();
                next();
            } else {
                throttled++;
                limiter.onThrottle(sentAt, Duration.ofSeconds(1));
                schedule(1000 * MS, this::next); // the retry waits for Retry-After
            }
        }

        private boolean admit(long at) {
            at = Math.max(at, serverLast);
            serverTokens = Math.min(limit / 10, serverTokens + (at - serverLast) / 1e9 * limit);
            serverLast = at;
            if (serverTokens >= 1) {
                serverTokens -= 1;
                return true;
            }
            return false;
        }
    }
}
