package io.github.skillmessaging.examples.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox claim head to head: many claimers (as many instances would) race for the same rows,
 * all starting at once, so that several select the same row before any of them updates it. Each
 * row must be claimed exactly once within its lease, on H2 and on PostgreSQL. (The chaos test
 * seldom hits this window: one worker per instance rarely selects in the same instant as another.)
 */
class ClaimRaceTest {
    private static final int ROWS = 300;
    private static final int CLAIMERS = 8;

    @TempDir
    Path data;

    @Test
    void eachRowIsClaimedOnceOnH2() throws Exception {
        raceFor(new SyncStore("jdbc:h2:file:" + data.resolve("sync").toAbsolutePath() + ";LOCK_TIMEOUT=10000", "", ""));
    }

    @Test
    void eachRowIsClaimedOnceOnPostgres() throws Exception {
        if (PostgresSyncTest.URL == null) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("CI must provide PostgreSQL: SYNC_TEST_POSTGRES_URL is not set");
            }
            Assumptions.abort("No PostgreSQL: run eval \"$(examples/two-way-sync/scripts/start-postgres)\" first");
        }
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c =
                DriverManager.getConnection(PostgresSyncTest.URL, PostgresSyncTest.USER, PostgresSyncTest.PASSWORD)) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        }
        String url =
                PostgresSyncTest.URL + (PostgresSyncTest.URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        raceFor(new SyncStore(url, PostgresSyncTest.USER, PostgresSyncTest.PASSWORD));
    }

    private static void raceFor(SyncStore store) throws Exception {
        Instant now = Instant.now();
        for (int i = 0; i < ROWS; i++) {
            String user = "user-" + i;
            store.inTransaction(c -> {
                store.upsertUser(c, user, "http://127.0.0.1:1");
                store.linkAccount(c, user, "account-" + user);
                store.enqueue(c, user, "sync-now", now.minusSeconds(1));
                return null;
            });
        }
        ConcurrentLinkedQueue<Long> claimed = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService claimers = Executors.newFixedThreadPool(CLAIMERS);
        try {
            List<Future<?>> running = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            for (int t = 0; t < CLAIMERS; t++) {
                running.add(claimers.submit(() -> {
                    start.await();
                    // Until every row is claimed: an empty answer only means the rows it saw went to others.
                    while (claimed.size() < ROWS && System.nanoTime() < deadline) {
                        store.claimNext(now, Duration.ofMinutes(5)).ifPresent(row -> claimed.add(row.id()));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            claimers.shutdownNow();
        }
        Map<Long, Long> claimsPerRow =
                claimed.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(claimsPerRow.entrySet().stream()
                        .filter(e -> e.getValue() > 1)
                        .map(Map.Entry::getKey))
                .as("rows claimed more than once under the same lease")
                .isEmpty();
        assertThat(claimsPerRow).as("every row claimed").hasSize(ROWS);
        assertThat(store.claimNext(now, Duration.ofMinutes(5)))
                .as("nothing left to claim while the leases run")
                .isEmpty();
    }
}
