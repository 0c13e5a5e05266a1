package io.github.skillmessaging.examples.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.skillmessaging.testkit.ReceivedMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Healing without an event: the periodic anti-entropy pass of {@link AntiEntropy}. */
class AntiEntropyTest {
    static final Duration MAX_AGE = Duration.ofSeconds(3);
    static final Duration INTERVAL = Duration.ofMillis(250);

    @TempDir
    Path data;

    @Test
    void aLostWebhookAndALostListEventAreHealedWithinTheConfiguredAge_withNoUserAction() throws Exception {
        try (TwoWaySync sync = TwoWaySync.start(
                data, null, "", "", Trace.NONE, SyncService.Options.DEFAULTS.withAntiEntropy(MAX_AGE, INTERVAL, 10))) {
            sync.linkUser();
            sync.user.addItem(sync.user.shoppingListId(), "milk");
            sync.quiesce();
            int messagesBefore = sync.sandbox.receivedMessages().size();

            // The provider's webhook call is lost, and so is Alexa's list event.
            sync.provider.dropNextWebhooks(1);
            sync.provider.create(TwoWaySync.ACCOUNT, "eggs", false);
            sync.sync.dropNextAlexaRequests(1);
            sync.user.addItem(sync.user.shoppingListId(), "bread");
            Instant lost = Instant.now();
            sync.sandbox.awaitIdle(Duration.ofSeconds(5));
            assertThat(sync.alexaList()).as("nobody told the sync").containsExactly("bread", "milk");
            assertThat(sync.providerList()).containsExactly("eggs", "milk");

            // Nothing else happens; within the configured age (plus one pass) both sides are equal.
            Duration limit = MAX_AGE.plus(INTERVAL).plusSeconds(2);
            while (!sync.alexaList().equals(List.of("bread", "eggs", "milk"))
                    || !sync.providerList().equals(List.of("bread", "eggs", "milk"))) {
                assertThat(Duration.between(lost, Instant.now()))
                        .as("healed within " + limit)
                        .isLessThan(limit);
                Thread.sleep(50);
            }
            System.out.println("AntiEntropyTest: healed "
                    + Duration.between(lost, Instant.now()).toMillis() + " ms after the lost events (max age "
                    + MAX_AGE.toMillis() + " ms)");
            List<ReceivedMessage> after = sync.sandbox
                    .receivedMessages()
                    .subList(messagesBefore, sync.sandbox.receivedMessages().size());
            assertThat(after)
                    .as("the skill message that asked for the reconcile")
                    .anyMatch(m -> "anti-entropy".equals(m.data().get("reason")));
            assertThat(sync.sync.metrics().healRequests()).isPositive();
        }
    }

    @Test
    void requestsAreRateLimitedPerPass_oldestFirst_andOneInstanceAsksEachUser() throws Exception {
        SyncStore store =
                new SyncStore("jdbc:h2:file:" + data.resolve("sync").toAbsolutePath() + ";LOCK_TIMEOUT=10000", "", "");
        Instant now = Instant.now();
        for (int i = 0; i < 5; i++) {
            String user = "user-" + i;
            int age = 10 + i; // user-4 is the oldest
            store.inTransaction(c -> {
                store.upsertUser(c, user, "http://127.0.0.1:1");
                store.linkAccount(c, user, "account-" + user);
                store.grantLists(c, user);
                store.markReconciled(c, user, now.minus(Duration.ofMinutes(age)));
                return null;
            });
        }
        store.inTransaction(c -> {
            store.upsertUser(c, "fresh", "http://127.0.0.1:1");
            store.linkAccount(c, "fresh", "account-fresh");
            store.grantLists(c, "fresh");
            store.markReconciled(c, "fresh", now);
            store.upsertUser(c, "not-linked", "http://127.0.0.1:1");
            return null;
        });
        SyncMetrics metrics = new SyncMetrics();
        AntiEntropy one = new AntiEntropy(store, Trace.NONE, metrics, Duration.ofMinutes(5), 2);
        AntiEntropy two = new AntiEntropy(store, Trace.NONE, metrics, Duration.ofMinutes(5), 2);

        assertThat(one.pass()).as("at most two per pass").isEqualTo(2);
        assertThat(queuedUsers(store)).containsExactlyInAnyOrder("user-4", "user-3");
        assertThat(two.pass()).isEqualTo(2);
        assertThat(one.pass()).isEqualTo(1);
        assertThat(two.pass())
                .as("everyone stale was asked once; the fresh and the unlinked never")
                .isZero();
        assertThat(queuedUsers(store)).containsExactlyInAnyOrder("user-0", "user-1", "user-2", "user-3", "user-4");
        assertThat(metrics.healRequests()).isEqualTo(5);

        // A reconcile resets the clock: that user is not asked again.
        store.inTransaction(c -> {
            store.markReconciled(c, "user-4", Instant.now());
            return null;
        });
        assertThat(store.usersReconciledBefore(Instant.now().minus(Duration.ofMinutes(5)), 10))
                .isEmpty();
    }

    private static List<String> queuedUsers(SyncStore store) {
        return store.inTransaction(c -> {
            try (var ps = c.prepareStatement("SELECT alexa_user_id FROM outbox WHERE reason = 'anti-entropy'");
                    var rs = ps.executeQuery()) {
                List<String> out = new java.util.ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        });
    }
}
