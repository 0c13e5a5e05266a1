package io.github.skillmessaging.lists;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.github.skillmessaging.error.SkillMessagingException;
import org.junit.jupiter.api.Test;

/** The list types that replace 403 and 409 keep whether an earlier attempt may have taken effect. */
class ListDeliveryOutcomeTest extends ListApiTestSupport {
    private static final String LIST = "/v2/householdlists/" + CUSTOM_ID_PATH;
    private static final String ITEM = LIST + "/items/" + ITEM_ID_PATH;

    private static ResponseDefinitionBuilder error(int status) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"type\":\"ERROR\",\"message\":\"status " + status + "\"}");
    }

    @Test
    void aVersionConflictAfterAResetUpdateSaysTheUpdateMayHaveBeenApplied() {
        // The reset update may have been applied, bumping the version: the retry's 409 may be our own doing.
        wm.stubFor(put(urlEqualTo(ITEM))
                .inScenario("update")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
                .willSetStateTo("reset"));
        wm.stubFor(put(urlEqualTo(ITEM))
                .inScenario("update")
                .whenScenarioStateIs("reset")
                .willReturn(error(409)));

        Throwable t = catchThrowable(() -> client().updateItem(CUSTOM_ID, ITEM_ID, "milk", ItemStatus.ACTIVE, 3));

        assertThat(t).isInstanceOf(ListVersionConflictException.class);
        assertThat(((SkillMessagingException) t).mayHaveBeenDelivered()).isTrue();
    }

    @Test
    void aVersionConflictOnTheFirstAttemptWasNotApplied() {
        wm.stubFor(put(urlEqualTo(ITEM)).willReturn(error(409)));
        Throwable t = catchThrowable(() -> client().updateItem(CUSTOM_ID, ITEM_ID, "milk", ItemStatus.ACTIVE, 3));
        assertThat(t).isInstanceOf(ListVersionConflictException.class);
        assertThat(((SkillMessagingException) t).mayHaveBeenDelivered()).isFalse();
    }

    @Test
    void aPermissionErrorAfterAResetKeepsTheFlag() {
        // an update, not a read: java.net.http resends a GET after a reset on its own, so the SDK never sees it
        wm.stubFor(put(urlEqualTo(ITEM))
                .inScenario("update")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
                .willSetStateTo("reset"));
        wm.stubFor(put(urlEqualTo(ITEM))
                .inScenario("update")
                .whenScenarioStateIs("reset")
                .willReturn(error(403)));

        Throwable t = catchThrowable(() -> client().updateItem(CUSTOM_ID, ITEM_ID, "milk", ItemStatus.ACTIVE, 3));

        assertThat(t).isInstanceOf(ListPermissionException.class);
        assertThat(((SkillMessagingException) t).mayHaveBeenDelivered()).isTrue();
    }
}
