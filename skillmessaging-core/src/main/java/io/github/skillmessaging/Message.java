package io.github.skillmessaging;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.skillmessaging.internal.Json;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A skill message: the string map the skill receives as {@code request.message} of a
 * {@code Messaging.MessageReceived} request, and how long Alexa keeps trying to deliver it.
 *
 * <p>Checked when built, before anything is sent: {@code data} may be empty but not {@code null},
 * holds no {@code null} key or value and no unpaired surrogate (a string that is not Unicode
 * text), and is at most {@value #MAX_DATA_BYTES} bytes counted as Amazon counts it (the compact
 * JSON of {@code data}: keys, values, quotes, colons, commas and braces, no whitespace; UTF-8
 * bytes, so never less than Amazon's count; an emoji counts 4 bytes, as it is sent); the expiry
 * is {@value #MIN_EXPIRY_SECONDS} to {@value #MAX_EXPIRY_SECONDS} seconds.
 *
 * <p>The body is sent as UTF-8 JSON: characters outside ASCII are written as their UTF-8 bytes,
 * never as escape sequences (only control characters, quotes and backslashes are escaped).
 *
 * @param data the payload; copied, unmodifiable, order kept
 * @param expiresAfterSeconds seconds Alexa keeps the message for delivery
 */
public record Message(
        @JsonProperty("data") Map<String, String> data,
        @JsonProperty("expiresAfterSeconds") int expiresAfterSeconds) {

    /** Shortest expiry Amazon accepts: one minute. */
    public static final int MIN_EXPIRY_SECONDS = 60;
    /** Longest expiry Amazon accepts: one day. */
    public static final int MAX_EXPIRY_SECONDS = 86_400;
    /** Expiry when none is given: one hour, Amazon's default. */
    public static final int DEFAULT_EXPIRY_SECONDS = 3_600;
    /** Largest {@code data} Amazon accepts: 6 KB. */
    public static final int MAX_DATA_BYTES = 6 * 1024;

    public Message {
        if (data == null) {
            throw new IllegalArgumentException("Message data is required (use an empty map for none)");
        }
        LinkedHashMap<String, String> copy = new LinkedHashMap<>();
        int position = 0;
        for (Map.Entry<String, String> e : data.entrySet()) {
            if (e.getKey() == null) {
                throw new IllegalArgumentException("Message data must not contain a null key");
            }
            if (e.getValue() == null) {
                throw new IllegalArgumentException("Message data value for key \"" + e.getKey() + "\" is null");
            }
            requireText(e.getKey(), "key at position " + position);
            requireText(e.getValue(), "value for key \"" + e.getKey() + "\"");
            copy.put(e.getKey(), e.getValue());
            position++;
        }
        if (expiresAfterSeconds < MIN_EXPIRY_SECONDS || expiresAfterSeconds > MAX_EXPIRY_SECONDS) {
            throw new IllegalArgumentException("expiresAfterSeconds must be between " + MIN_EXPIRY_SECONDS + " and "
                    + MAX_EXPIRY_SECONDS + ", was " + expiresAfterSeconds);
        }
        int size = Json.write(dataNode(copy)).length;
        if (size > MAX_DATA_BYTES) {
            throw new IllegalArgumentException(
                    "Message data is " + size + " bytes as JSON; Amazon accepts at most " + MAX_DATA_BYTES);
        }
        data = Collections.unmodifiableMap(copy);
    }

    /** A message that expires after one hour. */
    public Message(Map<String, String> data) {
        this(data, DEFAULT_EXPIRY_SECONDS);
    }

    /** A message with the expiry as a {@link Duration} (whole seconds). */
    public static Message of(Map<String, String> data, Duration expiresAfter) {
        Objects.requireNonNull(expiresAfter, "expiresAfter");
        long seconds = expiresAfter.getSeconds();
        if (expiresAfter.getNano() != 0 || seconds > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("expiresAfter must be whole seconds between " + MIN_EXPIRY_SECONDS
                    + " and " + MAX_EXPIRY_SECONDS + ", was " + expiresAfter);
        }
        return new Message(data, (int) seconds);
    }

    /** The expiry as a {@link Duration}. */
    public Duration expiresAfter() {
        return Duration.ofSeconds(expiresAfterSeconds);
    }

    /** The size of {@code data} as Amazon's 6 KB limit counts it. */
    public int dataSize() {
        return Json.write(dataNode(data)).length;
    }

    /**
     * The request body, {@code {"data":{...},"expiresAfterSeconds":N}}: what Jackson writes for
     * this record, built as a tree. A tree needs no bean introspection, the costliest first use of
     * Jackson, so a skill's first send starts sooner (benchmarks, cold start).
     */
    byte[] toJsonBytes() {
        ObjectNode root = Json.objectNode();
        root.set("data", dataNode(data));
        root.put("expiresAfterSeconds", expiresAfterSeconds);
        return Json.write(root);
    }

    /**
     * Rejects a string with an unpaired surrogate: it has no UTF-8 form, and the JSON writer would
     * pair a high surrogate with whatever follows it. The message names the key, never the value.
     */
    private static void requireText(String s, String what) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(
                        "Message data " + what + " is not valid Unicode text: unpaired surrogate at index " + i);
            }
        }
    }

    private static ObjectNode dataNode(Map<String, String> data) {
        ObjectNode node = Json.objectNode();
        data.forEach(node::put);
        return node;
    }
}
