package io.github.skillmessaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.skillmessaging.internal.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageTest {

    @Test
    void serializesAsAmazonDocumentsTheBody() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("Key", "Some Value");
        data.put("quote", "say \"hi\"");
        String json = new String(Json.write(new Message(data, 3600)), StandardCharsets.UTF_8);
        assertThat(json)
                .isEqualTo(
                        "{\"data\":{\"Key\":\"Some Value\",\"quote\":\"say \\\"hi\\\"\"},\"expiresAfterSeconds\":3600}");
    }

    @Test
    void theSentBodyIsWhatJacksonWritesForTheRecord() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("z", "last key first");
        data.put("Key", "Some Value");
        data.put("quote", "say \"hi\" \\ \n\t\u0001 </script> \u2028 é 😀");
        data.put("", "");
        for (Message message :
                new Message[] {new Message(data, 3600), new Message(Map.of(), 60), new Message(Map.of("a", "b"), 86_400)
                }) {
            assertThat(new String(message.toJsonBytes(), StandardCharsets.UTF_8))
                    .isEqualTo(new String(Json.write(message), StandardCharsets.UTF_8));
        }
        assertThat(new Message(data).dataSize()).isEqualTo(Json.write(data).length);
    }

    @Test
    void defaultsToOneHourExpiry() {
        assertThat(new Message(Map.of()).expiresAfterSeconds()).isEqualTo(3600);
        assertThat(new Message(Map.of()).expiresAfter()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void emptyDataIsAllowedAndSentAsEmptyObject() {
        assertThat(new String(Json.write(new Message(Map.of(), 60)), StandardCharsets.UTF_8))
                .isEqualTo("{\"data\":{},\"expiresAfterSeconds\":60}");
    }

    @Test
    void nullDataIsRejected() {
        assertThatThrownBy(() -> new Message(null, 3600))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("data is required");
    }

    @Test
    void nullKeysAndValuesAreRejected() {
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("k", null);
        assertThatThrownBy(() -> new Message(nullValue))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"k\" is null");
        Map<String, String> nullKey = new HashMap<>();
        nullKey.put(null, "v");
        assertThatThrownBy(() -> new Message(nullKey))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null key");
    }

    @Test
    void expiryMustBeBetweenOneMinuteAndOneDay() {
        assertThat(new Message(Map.of(), 60).expiresAfterSeconds()).isEqualTo(60);
        assertThat(new Message(Map.of(), 86_400).expiresAfterSeconds()).isEqualTo(86_400);
        assertThatThrownBy(() -> new Message(Map.of(), 59))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expiresAfterSeconds must be between 60 and 86400, was 59");
        assertThatThrownBy(() -> new Message(Map.of(), 86_401))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("was 86401");
    }

    @Test
    void durationFactoryTakesWholeSecondsOnly() {
        assertThat(Message.of(Map.of(), Duration.ofMinutes(5)).expiresAfterSeconds())
                .isEqualTo(300);
        assertThatThrownBy(() -> Message.of(Map.of(), Duration.ofMillis(60_500)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Message.of(Map.of(), Duration.ofDays(2))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dataOfExactlySixKilobytesAsAmazonCountsItIsAccepted() {
        // {"k":"vvv..."} = 8 bytes of structure + value
        String value = "v".repeat(Message.MAX_DATA_BYTES - 8);
        Message m = new Message(Map.of("k", value));
        assertThat(m.dataSize()).isEqualTo(6144);
    }

    @Test
    void dataOverSixKilobytesIsRejectedWithItsSize() {
        String value = "v".repeat(Message.MAX_DATA_BYTES - 7);
        assertThatThrownBy(() -> new Message(Map.of("k", value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Message data is 6145 bytes as JSON; Amazon accepts at most 6144");
    }

    @Test
    void sizeCountsEscapesAndMultiByteCharacters() {
        assertThat(new Message(Map.of("k", "\"")).dataSize()).isEqualTo("{\"k\":\"\\\"\"}".length());
        assertThat(new Message(Map.of("k", "é")).dataSize()).isEqualTo(10);
    }

    @Test
    void emojiAreCountedAsTheirFourUtf8BytesSoSixKilobytesOfThemAreAccepted() {
        // {"k":"..."}: 8 bytes of structure + 1534 emoji of 4 UTF-8 bytes each = 6144
        Message m = new Message(Map.of("k", "\uD83D\uDE00".repeat(1534)));
        assertThat(m.dataSize()).isEqualTo(6144);
        assertThatThrownBy(() -> new Message(Map.of("k", "\uD83D\uDE00".repeat(1534) + "v")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Message data is 6145 bytes as JSON; Amazon accepts at most 6144");
    }

    @Test
    void nonBmpCharactersAreWrittenAsUtf8NotAsEscapedSurrogatePairs() {
        Message m = new Message(Map.of("\uD83D\uDE03", "a\uD83D\uDE00b"), 60);
        byte[] expected = "{\"data\":{\"\uD83D\uDE03\":\"a\uD83D\uDE00b\"},\"expiresAfterSeconds\":60}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(m.toJsonBytes()).isEqualTo(expected);
        assertThat(Json.write(m)).isEqualTo(expected);
        assertThat(new String(m.toJsonBytes(), StandardCharsets.UTF_8)).doesNotContain("\\u");
    }

    @Test
    void unpairedSurrogatesAreRejectedAsTheyAreNotText() {
        assertThatThrownBy(() -> new Message(Map.of("k", "a\uD83Db")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "Message data value for key \"k\" is not valid Unicode text: unpaired surrogate at index 1");
        assertThatThrownBy(() -> new Message(Map.of("\uDE00", "v")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Message data key at position 0 is not valid Unicode text: unpaired surrogate at index 0");
        assertThatThrownBy(() -> new Message(Map.of("k", "\uD83D\uD83D\uDE00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unpaired surrogate at index 0");
    }

    @Test
    void dataIsCopiedAndUnmodifiable() {
        Map<String, String> data = new HashMap<>(Map.of("a", "1"));
        Message m = new Message(data);
        data.put("b", "2");
        assertThat(m.data()).containsOnlyKeys("a");
        assertThatThrownBy(() -> m.data().put("c", "3")).isInstanceOf(UnsupportedOperationException.class);
    }
}
