package io.github.skillmessaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AlexaRegionTest {

    @Test
    void regionsHaveTheDocumentedEndpoints() {
        assertThat(AlexaRegion.NORTH_AMERICA.endpoint()).hasToString("https://api.amazonalexa.com");
        assertThat(AlexaRegion.EUROPE.endpoint()).hasToString("https://api.eu.amazonalexa.com");
        assertThat(AlexaRegion.FAR_EAST.endpoint()).hasToString("https://api.fe.amazonalexa.com");
    }

    @Test
    void regionIsRecognisedFromAnEndpointWhateverItsCaseOrTrailingSlash() {
        assertThat(AlexaRegion.fromEndpoint("https://API.EU.amazonalexa.com/")).contains(AlexaRegion.EUROPE);
        assertThat(AlexaRegion.fromEndpoint("https://api.fe.amazon.com")).contains(AlexaRegion.FAR_EAST);
        assertThat(AlexaRegion.fromEndpoint("https://example.com")).isEmpty();
        assertThat(AlexaRegion.fromEndpoint("not a url")).isEmpty();
        assertThat(AlexaRegion.fromEndpoint(null)).isEmpty();
    }
}
