package io.github.skillmessaging.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class JsonFieldsTest {
    private static JsonNode json(String text) throws IOException {
        return Json.readTree(text);
    }

    @Test
    void text_readsStringsNumbersAndBooleans_andNothingElse() throws IOException {
        JsonNode node = json("{\"s\":\"a\",\"n\":42,\"b\":true,\"z\":null,\"o\":{},\"a\":[]}");
        assertThat(JsonFields.text(node, "s")).contains("a");
        assertThat(JsonFields.text(node, "n")).contains("42");
        assertThat(JsonFields.text(node, "b")).contains("true");
        assertThat(JsonFields.text(node, "z")).isEmpty();
        assertThat(JsonFields.text(node, "o")).isEmpty();
        assertThat(JsonFields.text(node, "a")).isEmpty();
        assertThat(JsonFields.text(node, "missing")).isEmpty();
        assertThat(JsonFields.text(null, "s")).isEmpty();
    }

    @Test
    void arraysSkipElementsOfTheWrongKind() throws IOException {
        JsonNode node = json("{\"a\":[\"x\",1,null,{\"k\":1},[]],\"s\":\"x\"}");
        assertThat(JsonFields.texts(node, "a")).containsExactly("x", "1");
        assertThat(JsonFields.objects(node, "a")).hasSize(1);
        assertThat(JsonFields.texts(node, "s")).isEmpty();
        assertThat(JsonFields.objects(node, "s")).isEmpty();
    }

    @Test
    void longValue_readsIntegersAndDigitText_elseZero() throws IOException {
        JsonNode node = json("{\"i\":7,\"t\":\" 8 \",\"x\":\"eight\",\"f\":1.5,\"big\":99999999999999999999}");
        assertThat(JsonFields.longValue(node, "i")).isEqualTo(7);
        assertThat(JsonFields.longValue(node, "t")).isEqualTo(8);
        assertThat(JsonFields.longValue(node, "x")).isZero();
        assertThat(JsonFields.longValue(node, "f")).isZero();
        assertThat(JsonFields.longValue(node, "big")).isZero();
        assertThat(JsonFields.longValue(node, "missing")).isZero();
    }

    @Test
    void requiredText_namesThePathAndNeverTheValue() throws IOException {
        JsonNode node = json("{\"n\":12345,\"blank\":\" \",\"s\":\"ok\"}");
        assertThat(JsonFields.requiredText(node, "s", "x.s", IllegalStateException::new))
                .isEqualTo("ok");
        assertThat(JsonFields.requiredText(node, "blank", "x.blank", IllegalStateException::new))
                .isEqualTo(" ");
        assertThatThrownBy(() -> JsonFields.requiredText(node, "m", "x.m", IllegalStateException::new))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("x.m is missing");
        assertThatThrownBy(() -> JsonFields.requiredText(node, "n", "x.n", IllegalStateException::new))
                .hasMessage("x.n is not a string");
        assertThatThrownBy(
                        () -> JsonFields.requiredNonBlankText(node, "blank", "x.blank", IllegalArgumentException::new))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("x.blank is blank");
    }
}
