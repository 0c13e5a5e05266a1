package io.github.skillmessaging.examples.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.github.skillmessaging.lists.ListManagementClient;
import io.github.skillmessaging.request.RequestConverter;
import io.github.skillmessaging.response.SkillResponse;
import io.github.skillmessaging.testkit.DeliveredRequest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per merge rule of {@link Reconciler}, which merges through the real APIs (the sandbox's
 * List Management API, the provider's REST API, the item pairs in H2) rather than as a pure function.
 * Alexa's requests and the provider's webhooks go to a sink here, so that edits on both sides wait
 * for the {@link Reconciler#reconcile} call the test makes. Every test starts and ends converged.
 */
class ReconcilerMergeTest {
    @TempDir
    static Path data;

    static TwoWaySync sync;
    static HttpServer sink;
    static ListManagementClient lists;
    static Reconciler reconciler;
    static String listId;

    @BeforeAll
    static void start() throws Exception {
        sync = TwoWaySync.start(data, null, "", "", Trace.NONE);
        sync.linkUser();
        DeliveredRequest last = sync.sandbox
                .deliveredRequests()
                .get(sync.sandbox.deliveredRequests().size() - 1);
        lists = ListManagementClient.forRequest(RequestConverter.parse(last.body()));
        byte[] ack = SkillResponse.empty().toBytes();
        sink = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        sink.createContext("/alexa", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, ack.length);
                exchange.getResponseBody().write(ack);
            }
        });
        sink.createContext("/webhook", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(204, -1);
            }
        });
        sink.start();
        String base = "http://127.0.0.1:" + sink.getAddress().getPort();
        sync.sandbox.setEndpoint(sync.skill, URI.create(base + "/alexa"));
        sync.provider.webhook(URI.create(base + "/webhook"));
        reconciler = new Reconciler(sync.store, new ProviderClient(sync.provider.baseUrl()), Trace.NONE);
        listId = sync.user.shoppingListId();
    }

    @AfterAll
    static void stop() {
        if (sink != null) {
            sink.stop(0);
        }
        if (sync != null) {
            sync.close();
        }
    }

    private static Reconciler.Result reconcile() {
        String userId = sync.user.userId();
        return sync.store.inTransaction(c -> {
            assertThat(sync.store.lockUser(c, userId)).isPresent();
            return reconciler.reconcile(c, userId, TwoWaySync.ACCOUNT, lists);
        });
    }

    /** Runs the merge, checks that both sides agree and that a second run has nothing left to do. */
    private static Reconciler.Result merge() {
        Reconciler.Result result = reconcile();
        assertThat(sync.alexaList()).doesNotHaveDuplicates().isEqualTo(sync.providerList());
        assertThat(reconcile().changedNothing())
                .as("a second run right after changes nothing")
                .isTrue();
        return result;
    }

    /** An item on both sides, paired. */
    private static void paired(String value) {
        sync.user.addItem(listId, value);
        merge();
        assertThat(pairValues()).contains(value);
    }

    private static List<String> pairValues() {
        return sync.store.inTransaction(c -> sync.store.mappings(c, sync.user.userId())).stream()
                .map(SyncStore.Mapping::value)
                .toList();
    }

    @Test
    void anUnchangedPair_writesNothing() {
        paired("unchanged");

        assertThat(reconcile()).isEqualTo(new Reconciler.Result(0, 0));
        assertThat(sync.alexaList()).contains("unchanged");
    }

    @Test
    void addedInAlexa_isCreatedAtTheProvider() {
        sync.user.addItem(listId, "added in alexa");

        assertThat(merge()).isEqualTo(new Reconciler.Result(0, 1));
        assertThat(sync.providerList()).contains("added in alexa");
        assertThat(pairValues()).contains("added in alexa");
    }

    @Test
    void addedAtTheProvider_isCreatedInAlexa_completedIfCompleted() throws Exception {
        sync.provider.create(TwoWaySync.ACCOUNT, "added at provider", true);

        assertThat(merge()).isEqualTo(new Reconciler.Result(1, 0));
        assertThat(sync.alexaList()).contains("added at provider ✓");
    }

    @Test
    void unpairedItemsWithTheSameText_arePairedNotDuplicated() throws Exception {
        sync.user.addItem(listId, "twin");
        sync.provider.create(TwoWaySync.ACCOUNT, "twin", false);

        assertThat(merge()).isEqualTo(new Reconciler.Result(0, 0));
        assertThat(sync.alexaList()).containsOnlyOnce("twin");
        assertThat(pairValues()).containsOnlyOnce("twin");
    }

    @Test
    void renamedInAlexaOnly_isCopiedToTheProvider() {
        paired("bread");
        sync.user.renameItem(listId, sync.alexaItemId("bread"), "rye bread");

        assertThat(merge()).isEqualTo(new Reconciler.Result(0, 1));
        assertThat(sync.providerList()).contains("rye bread").doesNotContain("bread");
    }

    @Test
    void completedAtTheProviderOnly_isCopiedToAlexa() throws Exception {
        paired("butter");
        ProviderItem butter = sync.providerItem("butter");
        sync.provider.update(TwoWaySync.ACCOUNT, butter, "butter", true);

        assertThat(merge()).isEqualTo(new Reconciler.Result(1, 0));
        assertThat(sync.alexaList()).contains("butter ✓");
    }

    @Test
    void renamedOnBothSides_theProvidersTextWins() throws Exception {
        paired("cheese");
        sync.user.renameItem(listId, sync.alexaItemId("cheese"), "cheddar");
        sync.provider.update(TwoWaySync.ACCOUNT, sync.providerItem("cheese"), "gouda", false);

        assertThat(merge()).isEqualTo(new Reconciler.Result(1, 0));
        assertThat(sync.alexaList()).contains("gouda").doesNotContain("cheddar", "cheese");
    }

    @Test
    void completedInAlexa_renamedAtTheProvider_bothChangesAreKept() throws Exception {
        paired("apples");
        sync.user.completeItem(listId, sync.alexaItemId("apples"));
        sync.provider.update(TwoWaySync.ACCOUNT, sync.providerItem("apples"), "green apples", false);

        assertThat(merge()).isEqualTo(new Reconciler.Result(1, 1));
        assertThat(sync.alexaList()).contains("green apples ✓").doesNotContain("apples ✓", "green apples");
    }

    @Test
    void theSameChangeOnBothSides_writesNothing() throws Exception {
        paired("rice");
        sync.user.renameItem(listId, sync.alexaItemId("rice"), "basmati rice");
        sync.provider.update(TwoWaySync.ACCOUNT, sync.providerItem("rice"), "basmati rice", false);

        assertThat(merge()).isEqualTo(new Reconciler.Result(0, 0));
        assertThat(pairValues()).contains("basmati rice").doesNotContain("rice");
    }

    @Test
    void deletedInAlexa_unchangedAtTheProvider_isDeletedThere() {
        paired("salt");
        sync.user.deleteItem(listId, sync.alexaItemId("salt"));

        assertThat(merge()).isEqualTo(new Reconciler.Result(0, 1));
        assertThat(sync.providerList()).doesNotContain("salt");
        assertThat(pairValues()).doesNotContain("salt");
    }

    @Test
    void deletedAtTheProvider_unchangedInAlexa_isDeletedThere() throws Exception {
        paired("pepper");
        sync.provider.delete(TwoWaySync.ACCOUNT, sync.providerItem("pepper").id());

        assertThat(merge()).isEqualTo(new Reconciler.Result(1, 0));
        assertThat(sync.alexaList()).doesNotContain("pepper");
        assertThat(pairValues()).doesNotContain("pepper");
    }

    @Test
    void deletedInAlexa_editedAtTheProvider_theEditWins() throws Exception {
        paired("tea");
        sync.user.deleteItem(listId, sync.alexaItemId("tea"));
        sync.provider.update(TwoWaySync.ACCOUNT, sync.providerItem("tea"), "green tea", false);

        assertThat(merge()).isEqualTo(new Reconciler.Result(1, 0));
        assertThat(sync.alexaList()).contains("green tea").doesNotContain("tea");
        assertThat(pairValues()).contains("green tea");
    }

    @Test
    void deletedAtTheProvider_completedInAlexa_theEditWins() throws Exception {
        paired("coffee");
        sync.user.completeItem(listId, sync.alexaItemId("coffee"));
        sync.provider.delete(TwoWaySync.ACCOUNT, sync.providerItem("coffee").id());

        assertThat(merge()).isEqualTo(new Reconciler.Result(0, 1));
        assertThat(sync.providerList()).contains("coffee ✓");
        assertThat(pairValues()).contains("coffee");
    }

    @Test
    void deletedOnBothSides_isForgotten() throws Exception {
        paired("jam");
        sync.user.deleteItem(listId, sync.alexaItemId("jam"));
        sync.provider.delete(TwoWaySync.ACCOUNT, sync.providerItem("jam").id());

        assertThat(merge()).isEqualTo(new Reconciler.Result(0, 0));
        assertThat(pairValues()).doesNotContain("jam");
        assertThat(sync.alexaList()).doesNotContain("jam");
    }
}
