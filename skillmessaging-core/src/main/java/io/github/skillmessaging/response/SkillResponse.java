package io.github.skillmessaging.response;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.skillmessaging.internal.Json;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer a skill returns to Alexa. Immutable.
 *
 * <p>{@link #empty()} acknowledges a message or event ({@code {"version":"1.0","response":{}}});
 * without an acknowledgement Alexa redelivers. {@link #speak(String)} says something and ends
 * the session. Anything else: {@link #builder()}.
 */
public final class SkillResponse {
    /** The response format version Alexa expects. */
    public static final String VERSION = "1.0";

    private static final SkillResponse EMPTY = builder().build();

    private final PlainTextOutputSpeech outputSpeech;
    private final Boolean shouldEndSession;

    private SkillResponse(Builder builder) {
        this.outputSpeech = builder.outputSpeech;
        this.shouldEndSession = builder.shouldEndSession;
    }

    /** The acknowledgement: {@code {"version":"1.0","response":{}}}. */
    public static SkillResponse empty() {
        return EMPTY;
    }

    /** Says {@code text} and ends the session. */
    public static SkillResponse speak(String text) {
        return builder().speech(text).shouldEndSession(true).build();
    }

    /** A builder of a response with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this response's values. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.outputSpeech = outputSpeech;
        builder.shouldEndSession = shouldEndSession;
        return builder;
    }

    /** Always {@value #VERSION}. */
    public String version() {
        return VERSION;
    }

    /** What Alexa says, when set. */
    public Optional<PlainTextOutputSpeech> outputSpeech() {
        return Optional.ofNullable(outputSpeech);
    }

    /** {@code response.shouldEndSession}, when set (absent leaves it to Alexa). */
    public Optional<Boolean> shouldEndSession() {
        return Optional.ofNullable(shouldEndSession);
    }

    /** The response as compact JSON text. */
    public String toJson() {
        return new String(toBytes(), StandardCharsets.UTF_8);
    }

    /** The response as compact UTF-8 JSON, ready to be an HTTP body. */
    public byte[] toBytes() {
        ObjectNode root = Json.objectNode();
        root.put("version", VERSION);
        ObjectNode response = root.putObject("response");
        if (outputSpeech != null) {
            ObjectNode speech = response.putObject("outputSpeech");
            speech.put("type", PlainTextOutputSpeech.TYPE);
            speech.put("text", outputSpeech.text());
        }
        if (shouldEndSession != null) {
            response.put("shouldEndSession", shouldEndSession.booleanValue());
        }
        return Json.write(root);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SkillResponse that
                && Objects.equals(outputSpeech, that.outputSpeech)
                && Objects.equals(shouldEndSession, that.shouldEndSession);
    }

    @Override
    public int hashCode() {
        return Objects.hash(outputSpeech, shouldEndSession);
    }

    @Override
    public String toString() {
        return "SkillResponse" + toJson();
    }

    /** Builds a {@link SkillResponse}; every part is optional. */
    public static final class Builder {
        private PlainTextOutputSpeech outputSpeech;
        private Boolean shouldEndSession;

        private Builder() {}

        /** Plain text for Alexa to say. */
        public Builder speech(String text) {
            return outputSpeech(new PlainTextOutputSpeech(text));
        }

        /** What Alexa says. */
        public Builder outputSpeech(PlainTextOutputSpeech speech) {
            this.outputSpeech = Objects.requireNonNull(speech, "speech");
            return this;
        }

        /** Whether the session ends after this response. */
        public Builder shouldEndSession(boolean end) {
            this.shouldEndSession = end;
            return this;
        }

        /** The response. */
        public SkillResponse build() {
            return new SkillResponse(this);
        }
    }
}
