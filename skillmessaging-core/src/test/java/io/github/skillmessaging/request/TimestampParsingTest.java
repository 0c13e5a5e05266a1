package io.github.skillmessaging.request;

import static io.github.skillmessaging.request.Requests.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import io.github.skillmessaging.internal.Times;
import java.time.Instant;
import java.util.Optional;
import java.util.TimeZone;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampParsingTest {

    private static Instant timestampOf(String timestampJson) {
        String json = envelope("""
                {"type": "LaunchRequest", "requestId": "r", "timestamp": %s}
                """.formatted(timestampJson));
        return RequestConverter.parse(json).request().timestamp();
    }

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "'\"2026-11-25T10:00:00Z\"'             | 2026-11-25T10:00:00Z",
                "'\"2026-11-25T10:00:00.123Z\"'         | 2026-11-25T10:00:00.123Z",
                "'\"2026-11-25T10:00:00.123456789Z\"'   | 2026-11-25T10:00:00.123456789Z",
                "'\"2026-11-25T11:00:00+01:00\"'        | 2026-11-25T10:00:00Z",
                "'\"2026-11-25T05:00:00.5-05:00\"'      | 2026-11-25T10:00:00.5Z",
                "'\"2026-11-25T11:00:00+01:00[Europe/Paris]\"' | 2026-11-25T10:00:00Z",
                "'\"2026-11-25T10:00:00\"'              | 2026-11-25T10:00:00Z",
                "'\"2026-11-25T10:00:00.25\"'           | 2026-11-25T10:00:00.25Z",
                "'1795600800000'                        | 2026-11-25T10:00:00Z",
                "'1795600800123'                        | 2026-11-25T10:00:00.123Z",
                "'\"1795600800000\"'                    | 2026-11-25T10:00:00Z",
                "'1795600800000.0'                      | 2026-11-25T10:00:00Z",
                "'1795600800123.9'                      | 2026-11-25T10:00:00.123Z",
                "'1.7956008E12'                         | 2026-11-25T10:00:00Z",
            })
    void isoTextAndEpochMillis_areRead(String timestampJson, String expected) {
        assertThat(timestampOf(timestampJson)).isEqualTo(Instant.parse(expected));
    }

    @org.junit.jupiter.api.Test
    void timestampWithoutOffset_isUtc_whateverTheLocalTimeZone() {
        TimeZone original = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            assertThat(timestampOf("\"2026-11-25T10:00:00\"")).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
        } finally {
            TimeZone.setDefault(original);
        }
    }

    @org.junit.jupiter.api.Test
    void eventTimes_areReadLikeTimestamps_andUnreadableOnesAreAbsent() {
        String json = envelope("""
                {"type": "AlexaSkillEvent.SkillEnabled", "requestId": "r", "timestamp": 1795600800000,
                 "eventCreationTime": "2026-11-25T09:59:59.5Z", "eventPublishingTime": "not a time"}
                """);

        SkillEnabledRequest event =
                (SkillEnabledRequest) RequestConverter.parse(json).request();

        assertThat(event.eventCreationTime()).contains(Instant.parse("2026-11-25T09:59:59.5Z"));
        assertThat(event.eventPublishingTime()).isEmpty();
    }

    /** What the general reading gives (ISO-8601 and the other forms); the quick path for {@code ...Z} text must agree. */
    private static Optional<Instant> generalIsoReading(String text) {
        return Times.parseWithoutQuickPath(text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "2026-11-25T10:00:00Z",
                "2026-11-25T10:00:00.1Z",
                "2026-11-25T10:00:00.12Z",
                "2026-11-25T10:00:00.123Z",
                "2026-11-25T10:00:00.000001Z",
                "2026-11-25T10:00:00.123456789Z",
                "0000-01-01T00:00:00Z",
                "9999-12-31T23:59:59.999999999Z",
                "2024-02-29T12:00:00Z",
                "1970-01-01T00:00:00Z",
                // out of range or malformed: the quick path must leave them to the general reading
                "2026-12-31T23:59:60Z",
                "2026-11-25T24:00:00Z",
                "2026-11-25T10:60:00Z",
                "2025-02-29T12:00:00Z",
                "2026-04-31T10:00:00Z",
                "2026-13-01T10:00:00Z",
                "2026-00-10T10:00:00Z",
                "2026-11-00T10:00:00Z",
                "2026-11-25T10:00:00.Z",
                "2026-11-25T10:00:00.1234567890Z",
                "2026-11-25T10:00:00,5Z",
                "2026-11-25t10:00:00z",
                "2026-11-25T10:00:0xZ",
                "2026-11-25 10:00:00Z",
                "+2026-11-25T10:00:00Z",
                "2026-11-25T10:00Z",
                "２０２６-11-25T10:00:00Z",
                "2026-11-25T10:00:00.-5Z"
            })
    void isoUtcText_readsExactlyAsTheGeneralIsoReading(String text) {
        assertThat(RequestFields.toInstant(TextNode.valueOf(text))).isEqualTo(generalIsoReading(text));
    }
}
