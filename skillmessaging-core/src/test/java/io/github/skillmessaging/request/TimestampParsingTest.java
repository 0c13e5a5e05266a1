package io.github.skillmessaging.request;

import static io.github.skillmessaging.request.Requests.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.TimeZone;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimestampParsingTest {

    private static Instant timestampOf(String timestampJson) {
        String json = envelope("""
                {"type": "LaunchRequest", "requestId": "r", "timestamp": %s}
                """.formatted(timestampJson));
        return RequestConverter.parse(json).request().timestamp();
    }

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource(delimiter = '|', value = {
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

        SkillEnabledRequest event = (SkillEnabledRequest) RequestConverter.parse(json).request();

        assertThat(event.eventCreationTime()).contains(Instant.parse("2026-11-25T09:59:59.5Z"));
        assertThat(event.eventPublishingTime()).isEmpty();
    }
}
