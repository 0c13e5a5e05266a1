package io.github.skillmessaging.examples.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's scenario on embedded H2, checked after every step. */
class TwoWaySyncScenarioTest {
    @TempDir
    Path data;

    TwoWaySync sync;

    @BeforeEach
    void start() {
        sync = TwoWaySync.start(data, null, "", "", Trace.NONE);
        sync.linkUser();
    }

    @AfterEach
    void stop() {
        sync.close();
    }

    @Test
    void bothListsAgreeAfterEveryStepAndEchoesDoNotLoop() throws Exception {
        Scenario.run(sync);
    }

    /** The steps of {@link TwoWaySyncDemo}, with assertions. Shared with the PostgreSQL test. */
    static final class Scenario {
        static void run(TwoWaySync sync) throws Exception {
            sync.user.addItem(sync.user.shoppingListId(), "milk");
            settled(sync, List.of("milk"));

            sync.provider.create(TwoWaySync.ACCOUNT, "eggs", false);
            settled(sync, List.of("eggs", "milk"));

            sync.user.completeItem(sync.user.shoppingListId(), sync.alexaItemId("eggs"));
            settled(sync, List.of("eggs ✓", "milk"));

            sync.provider.delete(TwoWaySync.ACCOUNT, sync.providerItem("milk").id());
            settled(sync, List.of("eggs ✓"));

            ProviderItem eggs = sync.providerItem("eggs"); // what the provider's app shows before the edits
            sync.user.addItem(sync.user.shoppingListId(), "bread");
            sync.user.renameItem(sync.user.shoppingListId(), sync.alexaItemId("eggs"), "brown eggs");
            sync.provider.create(TwoWaySync.ACCOUNT, "coffee", false);
            sync.provider.edit(TwoWaySync.ACCOUNT, eggs.id(), "free-range eggs", eggs.completed());
            settled(sync, List.of("bread", "coffee", "free-range eggs ✓"));

            // Two provider changes needed a message each; everything else travelled as list events.
            assertThat(sync.store.sentMessages()).isBetween(2, 4);
            int requests = sync.sandbox.deliveredRequests().size();
            sync.quiesce();
            assertThat(sync.sandbox.deliveredRequests())
                    .as("no echo loop: nothing more arrives")
                    .hasSize(requests);
        }

        static void settled(TwoWaySync sync, List<String> expected) {
            sync.quiesce();
            assertThat(sync.alexaList()).isEqualTo(expected);
            assertThat(sync.providerList()).isEqualTo(expected);
        }
    }
}
