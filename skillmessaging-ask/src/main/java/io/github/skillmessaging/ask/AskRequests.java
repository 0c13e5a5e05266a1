package io.github.skillmessaging.ask;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.RequestEnvelope;
import com.amazon.ask.util.JacksonSerializer;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.skillmessaging.request.RequestConverter;
import io.github.skillmessaging.request.SkillRequest;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * This SDK's typed view ({@link SkillRequest}) of the request an ASK handler is handling.
 *
 * <p>ASK's own model covers {@code Messaging.MessageReceived} and the list events; this view adds
 * what it lacks: the message as {@code Map<String, String>} (a non-string value as its JSON
 * text), {@code Optional} instead of {@code null}, list event records, timestamps as
 * {@code Instant}, tokens kept out of {@code toString()}, and a request type neither SDK knows
 * as {@code UnknownRequest} with its JSON. ASK's {@code HandlerInput.getRequestEnvelopeJson()}
 * keeps the whole original JSON for a field Amazon adds later.
 *
 * <p>From a {@code HandlerInput} built by ASK's {@code SkillServlet} or {@code SkillStreamHandler}
 * the view is made from ASK's tree of the original JSON, so nothing is lost. From a
 * {@code RequestEnvelope} alone (or a {@code HandlerInput} made by {@code Skill.invoke(envelope)})
 * ASK's serializer writes the envelope again first: only the fields ASK models survive.
 *
 * <p>Request types come from the converters {@link RequestConverter#defaultConverter()} knows:
 * with {@code skillmessaging-lists} on the class path, list events are typed records too.
 */
public final class AskRequests {
    private static final JacksonSerializer SERIALIZER = new JacksonSerializer();

    private AskRequests() {}

    /**
     * The typed view of {@code input}'s request, with the default converter.
     *
     * @throws io.github.skillmessaging.error.RequestParseException if it is not a skill request
     */
    public static SkillRequest toSkillRequest(HandlerInput input) {
        return toSkillRequest(input, RequestConverter.defaultConverter());
    }

    /**
     * The typed view of {@code input}'s request, with {@code converter} (your own request types).
     *
     * @throws io.github.skillmessaging.error.RequestParseException if it is not a skill request
     */
    public static SkillRequest toSkillRequest(HandlerInput input, RequestConverter converter) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(converter, "converter");
        JsonNode json = input.getRequestEnvelopeJson();
        if (json != null && !json.isMissingNode() && !json.isNull()) {
            return converter.convert(json.toString().getBytes(StandardCharsets.UTF_8));
        }
        return toSkillRequest(input.getRequestEnvelope(), converter);
    }

    /**
     * The typed view of an ASK request envelope, written again by ASK's serializer.
     *
     * @throws io.github.skillmessaging.error.RequestParseException if it is not a skill request
     */
    public static SkillRequest toSkillRequest(RequestEnvelope envelope) {
        return toSkillRequest(envelope, RequestConverter.defaultConverter());
    }

    /**
     * Like {@link #toSkillRequest(RequestEnvelope)}, with {@code converter}.
     *
     * @throws io.github.skillmessaging.error.RequestParseException if it is not a skill request
     */
    public static SkillRequest toSkillRequest(RequestEnvelope envelope, RequestConverter converter) {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(converter, "converter");
        return converter.convert(SERIALIZER.serialize(envelope));
    }
}
