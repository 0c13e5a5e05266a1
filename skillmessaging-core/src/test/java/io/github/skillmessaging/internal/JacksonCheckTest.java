package io.github.skillmessaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.Version;
import org.junit.jupiter.api.Test;

class JacksonCheckTest {
    private static Version databind(int major, int minor, int patch) {
        return new Version(major, minor, patch, null, "com.fasterxml.jackson.core", "jackson-databind");
    }

    private static Version core(int major, int minor, int patch) {
        return new Version(major, minor, patch, null, "com.fasterxml.jackson.core", "jackson-core");
    }

    @Test
    void theFloorAndLaterTwoXVersions_areAccepted() {
        assertThat(JacksonCheck.problem(databind(2, 18, 0), core(2, 18, 0))).isNull();
        assertThat(JacksonCheck.problem(databind(2, 20, 1), core(2, 20, 1))).isNull();
        assertThat(JacksonCheck.problem(databind(2, 23, 0), core(2, 21, 3))).isNull();
    }

    @Test
    void anOlderDatabindOrCore_isRefusedNamingWhatWasFoundAndWhatIsNeeded() {
        assertThat(JacksonCheck.problem(databind(2, 17, 3), core(2, 17, 3)))
                .contains("needs jackson-databind and jackson-core 2.18.0 or a later 2.x")
                .contains("found jackson-databind 2.17.3 and jackson-core 2.17.3")
                .contains("jackson-bom");
        assertThat(JacksonCheck.problem(databind(2, 20, 1), core(2, 12, 0))).contains("jackson-core 2.12.0");
        assertThat(JacksonCheck.problem(databind(2, 20, 1), Version.unknownVersion()))
                .contains("(unknown version)");
        assertThat(JacksonCheck.problem(databind(1, 99, 0), core(2, 20, 1))).contains("jackson-databind 1.99.0");
    }

    @Test
    void theJacksonOfThisBuild_passes_andTheFloorIsThePoms() {
        JacksonCheck.requireSupportedJackson();
        assertThat(Json.readTreeOrNull("{}".getBytes())).isNotNull();
        String pomFloor = System.getProperty("jackson.floor");
        assertThat(pomFloor)
                .as("the build passes the parent pom's jackson.floor")
                .isNotNull();
        assertThat(JacksonCheck.FLOOR.toString()).isEqualTo(pomFloor);
    }
}
