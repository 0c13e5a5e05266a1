package io.github.skillmessaging.testing;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.util.UUID;
import java.util.function.Supplier;

/** Stubs that answer a sequence of responses, the last one repeating. */
public final class Sequence {
    private Sequence() {}

    public static void stub(
            WireMockExtension wm, Supplier<MappingBuilder> request, ResponseDefinitionBuilder... responses) {
        String scenario = "seq-" + UUID.randomUUID();
        for (int i = 0; i < responses.length; i++) {
            String state = i == 0 ? Scenario.STARTED : "step-" + i;
            ScenarioMappingBuilder mapping = request.get()
                    .inScenario(scenario)
                    .whenScenarioStateIs(state)
                    .willReturn(responses[i]);
            if (i + 1 < responses.length) {
                mapping = mapping.willSetStateTo("step-" + (i + 1));
            }
            wm.stubFor(mapping);
        }
    }
}
