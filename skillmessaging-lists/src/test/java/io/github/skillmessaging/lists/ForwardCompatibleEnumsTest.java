package io.github.skillmessaging.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.skillmessaging.internal.Json;
import org.junit.jupiter.api.Test;

class ForwardCompatibleEnumsTest {
    @Test
    void knownItemStatuses_areTheConstantsWhateverTheCase() {
        assertThat(ItemStatus.of("active")).isSameAs(ItemStatus.ACTIVE);
        assertThat(ItemStatus.of("COMPLETED")).isSameAs(ItemStatus.COMPLETED);
        assertThat(ItemStatus.ACTIVE.isKnown()).isTrue();
        assertThat(ItemStatus.COMPLETED.value()).isEqualTo("completed");
    }

    @Test
    void anUnknownItemStatus_isKeptVerbatimAndEqualByValue() {
        ItemStatus snoozed = ItemStatus.of("Snoozed");

        assertThat(snoozed.isKnown()).isFalse();
        assertThat(snoozed.value()).isEqualTo("Snoozed");
        assertThat(snoozed)
                .isEqualTo(ItemStatus.of("Snoozed"))
                .hasSameHashCodeAs(ItemStatus.of("Snoozed"))
                .isNotEqualTo(ItemStatus.ACTIVE)
                .hasToString("Snoozed");
    }

    @Test
    void knownAndUnknownListStates_behaveTheSame() {
        assertThat(ListState.of("Archived")).isSameAs(ListState.ARCHIVED);
        assertThat(ListState.of("active")).isSameAs(ListState.ACTIVE);
        assertThat(ListState.of("shared").isKnown()).isFalse();
        assertThat(ListState.of("shared").value()).isEqualTo("shared");
        assertThat(ListState.of("active")).isNotEqualTo(ItemStatus.ACTIVE);
    }

    @Test
    void blankValues_areRefused() {
        assertThatThrownBy(() -> ItemStatus.of(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ListState.of(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSdkMapper_writesAndReadsTheExactWireValue() throws Exception {
        assertThat(new String(Json.write(ItemStatus.of("snoozed")), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("\"snoozed\"");
        assertThat(new String(Json.write(ListState.ARCHIVED), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("\"archived\"");
        assertThat(Json.mapper().readValue("\"shared\"", ListState.class)).isEqualTo(ListState.of("shared"));
        assertThat(Json.mapper().readValue("\"completed\"", ItemStatus.class)).isSameAs(ItemStatus.COMPLETED);
    }
}
