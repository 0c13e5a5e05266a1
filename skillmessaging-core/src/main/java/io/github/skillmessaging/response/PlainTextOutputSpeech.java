package io.github.skillmessaging.response;

import java.util.Objects;

/**
 * Speech as plain text ({@code {"type":"PlainText","text":"…"}}).
 *
 * @param text what Alexa says
 */
public record PlainTextOutputSpeech(String text) {
    /** The value of {@code outputSpeech.type}. */
    public static final String TYPE = "PlainText";

    public PlainTextOutputSpeech {
        Objects.requireNonNull(text, "text");
    }
}
