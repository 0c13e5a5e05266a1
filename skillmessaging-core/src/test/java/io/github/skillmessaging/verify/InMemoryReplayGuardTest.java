package io.github.skillmessaging.verify;

import static io.github.skillmessaging.verify.TestPki.AMAZON_URL;
import static io.github.skillmessaging.verify.TestPki.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.skillmessaging.testing.FakeTransport;
import io.github.skillmessaging.testing.MutableClock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InMemoryReplayGuardTest {
    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryReplayGuard guard = InMemoryReplayGuard.create(3, clock);

    @Test
    void anId_isFirstSeenOnceAndADuplicateUntilItExpires() {
        assertThat(guard.firstSeen("a", NOW.plusSeconds(60))).isTrue();
        assertThat(guard.firstSeen("a", NOW.plusSeconds(60))).isFalse();

        clock.advance(Duration.ofSeconds(59));
        assertThat(guard.firstSeen("a", NOW.plusSeconds(60))).isFalse();

        clock.advance(Duration.ofSeconds(1));
        assertThat(guard.firstSeen("a", NOW.plusSeconds(60))).isFalse();

        clock.advance(Duration.ofMillis(1));
        assertThat(guard.firstSeen("a", NOW.plusSeconds(120))).isTrue();
    }

    @Test
    void theGuard_holdsNoMoreThanItsBoundAndEvictsTheSoonestToExpire() {
        guard.firstSeen("late", NOW.plusSeconds(300));
        guard.firstSeen("soon", NOW.plusSeconds(10));
        guard.firstSeen("middle", NOW.plusSeconds(100));
        guard.firstSeen("fourth", NOW.plusSeconds(200));

        assertThat(guard.size()).isEqualTo(3);
        assertThat(guard.firstSeen("late", NOW.plusSeconds(300))).isFalse();
        assertThat(guard.firstSeen("middle", NOW.plusSeconds(100))).isFalse();
        assertThat(guard.firstSeen("fourth", NOW.plusSeconds(200))).isFalse();
        assertThat(guard.firstSeen("soon", NOW.plusSeconds(10))).isTrue();
    }

    @Test
    void expiredIds_areDroppedAndDoNotCountAgainstTheBound() {
        guard.firstSeen("a", NOW.plusSeconds(10));
        guard.firstSeen("b", NOW.plusSeconds(10));
        clock.advance(Duration.ofSeconds(11));

        assertThat(guard.size()).isZero();
        assertThat(guard.firstSeen("already-expired", NOW)).isTrue();
        assertThat(guard.size()).isZero();
    }

    @Test
    void aForgottenId_isFirstSeenAgain() {
        guard.firstSeen("a", NOW.plusSeconds(60));

        guard.forget("a");
        guard.forget("never-seen");

        assertThat(guard.firstSeen("a", NOW.plusSeconds(60))).isTrue();
    }

    @Test
    void concurrentCallsForOneId_letExactlyOneThrough() throws Exception {
        InMemoryReplayGuard shared = InMemoryReplayGuard.create();
        AtomicInteger firsts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < 200; i++) {
                pool.execute(() -> {
                    if (shared.firstSeen("same", java.time.Instant.now().plusSeconds(60))) {
                        firsts.incrementAndGet();
                    }
                });
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(firsts).hasValue(1);
    }

    @Test
    void aVerifiedRequest_isRememberedUntilItWouldBeStaleAnyway() {
        FakeTransport transport = new FakeTransport().serve(AMAZON_URL, TestPki.chain());
        RequestVerifier verifier = RequestVerifier.builder()
                .clock(clock)
                .trustAnchors(TestPki.anchors())
                .transport(transport)
                .build();
        InMemoryReplayGuard replays = InMemoryReplayGuard.create(100, clock);
        byte[] body = TestPki.body("IntentRequest", NOW);
        String signature = TestPki.sign(body);

        assertThat(verifier.verify(body, AMAZON_URL, signature).firstSeenBy(replays))
                .isTrue();
        clock.advance(Duration.ofSeconds(150));
        assertThat(verifier.verify(body, AMAZON_URL, signature).firstSeenBy(replays))
                .isFalse();

        clock.advance(Duration.ofSeconds(1));
        assertThat(replays.size()).isZero(); // and the verifier now rejects the replay as stale
    }
}
