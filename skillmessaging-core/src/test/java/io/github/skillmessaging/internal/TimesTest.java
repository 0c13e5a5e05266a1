package io.github.skillmessaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimesTest {
    private static final Instant JUL_19 = Instant.parse("2017-07-19T23:24:10Z");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2017-07-19T23:24:10Z",
                "2017-07-19T23:24:10.000Z",
                "2017-07-20T01:24:10+02:00",
                "2017-07-20T01:24:10+0200",
                "2017-07-20T01:24:10+02",
                "2017-07-19T16:24:10.000-07:00",
                "2017-07-19 23:24:10Z",
                "2017-07-19T23:24:10",
                " 2017-07-19T23:24:10.000 ",
                "Wed Jul 19 23:24:10 UTC 2017",
                "Wed Jul 19 23:24:10 GMT 2017",
                "Wed Jul 19 16:24:10 PDT 2017",
                "Jul 19 23:24:10 UTC 2017",
                "Wed Jul 19 23:24:10 2017",
                "Wed, 19 Jul 2017 23:24:10 GMT",
                "1500506650000"
            })
    void everyFormatAmazonHasUsed_isReadAsTheSameInstant(String text) {
        assertThat(Times.parse(text)).contains(JUL_19);
    }

    @Test
    void aJsonNumber_isEpochMillis() {
        assertThat(Times.parse(JsonNodeFactory.instance.numberNode(1_500_506_650_000L)))
                .contains(JUL_19);
    }

    @Test
    void aTimeWithoutZone_isUtcWhateverTheJvmZone() {
        TimeZone before = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
            assertThat(Times.parse("2017-07-19T23:24:10")).contains(JUL_19);
            assertThat(Times.parse("Wed Jul 19 23:24:10 2017")).contains(JUL_19);
        } finally {
            TimeZone.setDefault(before);
        }
    }

    @Test
    void aWrongDayName_isIgnored() {
        assertThat(Times.parse("Mon Jul 19 23:24:10 UTC 2017")).contains(JUL_19);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "yesterday", "2017-13-45T99:00:00Z", "Wed Foo 19 23:24:10 UTC 2017", "12:00"})
    void unreadableText_isEmpty(String text) {
        assertThat(Times.parse(text)).isEmpty();
    }

    @Test
    void nullMissingAndNonTimeNodes_areEmpty() {
        assertThat(Times.parse((String) null)).isEmpty();
        assertThat(Times.parse((com.fasterxml.jackson.databind.JsonNode) null)).isEmpty();
        assertThat(Times.parse(JsonNodeFactory.instance.nullNode())).isEmpty();
        assertThat(Times.parse(JsonNodeFactory.instance.booleanNode(true))).isEmpty();
        assertThat(Times.parse(JsonNodeFactory.instance.objectNode())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2017-07-20T01:24:10+02:00[Europe/Paris]",
                "2017-07-19T23:24:10.000000000Z",
                "1500506650000",
                "0001500506650000000"
            })
    void theFormsRequestTimestampsTook_areReadToo(String text) {
        Instant expected = text.startsWith("000") ? Instant.ofEpochMilli(1_500_506_650_000_000L) : JUL_19;
        assertThat(Times.parse(text)).contains(expected);
    }

    @Test
    void aJsonNumberWithAFraction_isEpochMillisWithoutTheFraction() {
        assertThat(Times.parse(JsonNodeFactory.instance.numberNode(1_500_506_650_000.9)))
                .contains(JUL_19);
        assertThat(Times.parse(JsonNodeFactory.instance.numberNode(Double.NaN))).isEmpty();
        assertThat(Times.parse(JsonNodeFactory.instance.numberNode(1e19))).isEmpty();
    }

    @Test
    void digitsBeyondALong_areEmpty() {
        assertThat(Times.parse("9223372036854775808")).isEmpty();
        assertThat(Times.parse("12345678901234567890")).isEmpty();
    }
}
