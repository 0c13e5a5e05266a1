package io.github.skillmessaging.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SkillResponseTest {

    @Test
    void emptyResponse_acknowledgesWithAnEmptyResponseObject() {
        assertThat(SkillResponse.empty().toJson()).isEqualTo("{\"version\":\"1.0\",\"response\":{}}");
    }

    @Test
    void speak_saysPlainTextAndEndsTheSession() {
        assertThat(SkillResponse.speak("Added milk.").toJson())
                .isEqualTo(
                        "{\"version\":\"1.0\",\"response\":{\"outputSpeech\":{\"type\":\"PlainText\",\"text\":\"Added milk.\"},"
                                + "\"shouldEndSession\":true}}");
    }

    @Test
    void textIsJsonEscaped() {
        assertThat(SkillResponse.speak("Say \"hi\"\n").toJson()).contains("\"text\":\"Say \\\"hi\\\"\\n\"");
    }

    @Test
    void builder_canKeepTheSessionOpen() {
        SkillResponse response = SkillResponse.builder()
                .speech("What next?")
                .shouldEndSession(false)
                .build();

        assertThat(response.toJson())
                .isEqualTo(
                        "{\"version\":\"1.0\",\"response\":{\"outputSpeech\":{\"type\":\"PlainText\",\"text\":\"What next?\"},"
                                + "\"shouldEndSession\":false}}");
        assertThat(response.outputSpeech()).contains(new PlainTextOutputSpeech("What next?"));
        assertThat(response.shouldEndSession()).contains(false);
    }

    @Test
    void emptyBuilder_equalsEmpty_andHasNoParts() {
        SkillResponse built = SkillResponse.builder().build();

        assertThat(built).isEqualTo(SkillResponse.empty()).hasSameHashCodeAs(SkillResponse.empty());
        assertThat(built.outputSpeech()).isEmpty();
        assertThat(built.shouldEndSession()).isEmpty();
        assertThat(built.version()).isEqualTo("1.0");
    }

    @Test
    void toBuilder_copiesTheValues() {
        SkillResponse original = SkillResponse.speak("Hi");

        assertThat(original.toBuilder().build()).isEqualTo(original);
        assertThat(original.toBuilder().shouldEndSession(false).build()).isNotEqualTo(original);
    }

    @Test
    void bytesAreUtf8OfTheJson() {
        SkillResponse response = SkillResponse.speak("Grüße");

        assertThat(new String(response.toBytes(), StandardCharsets.UTF_8)).isEqualTo(response.toJson());
        assertThat(response.toJson()).contains("Grüße");
    }
}
