package io.github.skillmessaging.examples.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.skillmessaging.testkit.DeliveredRequest;
import io.github.skillmessaging.testkit.SandboxApi;
import io.github.skillmessaging.testkit.SandboxItem;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hundreds of random edits on both sides, with faults injected everywhere, then: both sides equal,
 * nothing lost, and a bounded number of skill messages (no echo loop).
 */
class RandomizedSyncTest {
    static final long SEED = Long.getLong("sync.seed", 20261125L);
    static final int OPERATIONS = 240;

    @TempDir
    Path data;

    @Test
    void randomEditsOnBothSidesWithFaultsConverge() throws Exception {
        System.out.println("RandomizedSyncTest seed " + SEED + " (rerun with -Dsync.seed=" + SEED + ")");
        Random random = new Random(SEED);
        try (TwoWaySync sync = TwoWaySync.start(data, null, "", "", Trace.NONE)) {
            sync.linkUser();
            String listId = sync.user.shoppingListId();
            Set<String> deleted = new HashSet<>();
            List<String> added = new ArrayList<>();
            int providerChanges = 0;
            HttpClient replayer = HttpClient.newHttpClient();
            for (int op = 0; op < OPERATIONS; op++) {
                int dice = random.nextInt(100);
                try {
                    if (dice < 20) {
                        String value = "a-item-" + op;
                        sync.user.addItem(listId, value);
                        added.add(value);
                    } else if (dice < 40) {
                        String value = "p-item-" + op;
                        sync.provider.create(TwoWaySync.ACCOUNT, value, false);
                        added.add(value);
                        providerChanges++;
                    } else if (dice < 50) {
                        List<SandboxItem> items = sync.user.items(listId);
                        if (!items.isEmpty()) {
                            SandboxItem item = items.get(random.nextInt(items.size()));
                            sync.user.completeItem(listId, item.id());
                        }
                    } else if (dice < 60) {
                        List<ProviderItem> items = sync.provider.items(TwoWaySync.ACCOUNT);
                        if (!items.isEmpty()) {
                            ProviderItem item = items.get(random.nextInt(items.size()));
                            sync.provider.update(TwoWaySync.ACCOUNT, item, item.value() + "~", item.completed());
                            providerChanges++;
                        }
                    } else if (dice < 66) {
                        List<SandboxItem> items = sync.user.items(listId);
                        if (!items.isEmpty()) {
                            SandboxItem item = items.get(random.nextInt(items.size()));
                            sync.user.deleteItem(listId, item.id());
                            deleted.add(stem(item.value()));
                        }
                    } else if (dice < 72) {
                        List<ProviderItem> items = sync.provider.items(TwoWaySync.ACCOUNT);
                        if (!items.isEmpty()) {
                            ProviderItem item = items.get(random.nextInt(items.size()));
                            sync.provider.delete(TwoWaySync.ACCOUNT, item.id());
                            deleted.add(stem(item.value()));
                            providerChanges++;
                        }
                    } else if (dice < 78) {
                        injectFault(sync, random);
                    } else if (dice < 84) {
                        replayADelivery(sync, replayer, random);
                    } else if (dice < 88) {
                        sync.quiesce(); // sometimes let things settle, sometimes pile up
                    }
                } catch (RuntimeException | java.sql.SQLException raced) {
                    // The user's edit raced the sync's (stale version, item gone): as in real life, it fails.
                }
            }
            sync.sandbox.faults().clear();
            sync.provider.failNext(0);
            sync.sync.failNextAlexaRequests(0);
            sync.quiesce();

            List<String> alexa = sync.alexaList();
            List<String> provider = sync.providerList();
            assertThat(alexa).as("seed " + SEED).isEqualTo(provider);
            Set<String> present = new HashSet<>();
            alexa.forEach(v -> present.add(stem(v)));
            for (String value : added) {
                if (!deleted.contains(value)) {
                    assertThat(present)
                            .as("'" + value + "' was added, never deleted (seed " + SEED + ")")
                            .contains(value);
                }
            }
            assertThat(sync.store.sentMessages())
                    .as("skill messages for " + providerChanges + " provider changes")
                    .isLessThanOrEqualTo(3 * providerChanges + 3);
        }
    }

    /** The item's identity: its value without completion mark or rename suffixes. */
    static String stem(String value) {
        return value.replace(" ✓", "").replaceAll("~+$", "");
    }

    private static void injectFault(TwoWaySync sync, Random random) {
        switch (random.nextInt(6)) {
            case 0 -> sync.sandbox.faults().failNext(SandboxApi.LISTS, 1, 503);
            case 1 -> sync.sandbox.faults().rateLimitNext(SandboxApi.LISTS, 1, Duration.ofSeconds(0));
            case 2 -> sync.sandbox.faults().resetNext(SandboxApi.MESSAGING, 1);
            case 3 -> sync.sandbox.faults().failNext(SandboxApi.MESSAGING, 2, 500);
            case 4 -> sync.provider.failNext(1);
            default -> sync.sync.failNextAlexaRequests(1);
        }
    }

    /** Alexa may deliver a request twice: send an already delivered one again, validly signed. */
    private static void replayADelivery(TwoWaySync sync, HttpClient http, Random random) throws Exception {
        List<DeliveredRequest> delivered = sync.sandbox.deliveredRequests();
        if (delivered.isEmpty()) {
            return;
        }
        DeliveredRequest again = delivered.get(random.nextInt(delivered.size()));
        byte[] body = again.body().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(sync.sync.skillEndpoint())
                .header("Content-Type", "application/json")
                .header("SignatureCertChainUrl", sync.sandbox.certificateChainUrl())
                .header("Signature-256", sync.sandbox.certificates().sign(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        http.send(request, HttpResponse.BodyHandlers.discarding());
    }
}
