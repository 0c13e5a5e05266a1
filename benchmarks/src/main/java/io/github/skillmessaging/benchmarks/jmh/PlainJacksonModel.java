package io.github.skillmessaging.benchmarks.jmh;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The baseline of the parsing benchmark: what a developer would write by hand to read the same
 * requests with plain Jackson data binding. The same information as the SDK's model (envelope,
 * session, context, typed request chosen by {@code request.type}, timestamps as {@link Instant}),
 * as records bound by {@link ObjectMapper#readValue(String, Class)}.
 */
public final class PlainJacksonModel {
    /** One mapper, built once, as any real user would; unknown fields ignored (Amazon adds fields). */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .addModule(new JavaTimeModule())
            .build();

    private PlainJacksonModel() {}

    public record Envelope(String version, Session session, Context context, Request request) {}

    public record Session(
            String sessionId, @JsonProperty("new") boolean isNew) {}

    public record Context(@JsonProperty("System") SystemContext system) {}

    public record SystemContext(
            Application application, User user, Device device, String apiEndpoint, String apiAccessToken) {}

    public record Application(String applicationId) {}

    public record User(String userId, String accessToken, Permissions permissions) {}

    public record Permissions(String consentToken) {}

    public record Device(String deviceId, Map<String, Object> supportedInterfaces) {}

    /** The request, its class chosen by {@code type} (unknown types read as {@link OtherRequest}). */
    @JsonTypeInfo(
            use = JsonTypeInfo.Id.NAME,
            include = JsonTypeInfo.As.EXISTING_PROPERTY,
            property = "type",
            visible = true,
            defaultImpl = OtherRequest.class)
    @JsonSubTypes({
        @JsonSubTypes.Type(value = MessageReceived.class, name = "Messaging.MessageReceived"),
        @JsonSubTypes.Type(value = ItemsCreated.class, name = "AlexaHouseholdListEvent.ItemsCreated")
    })
    public sealed interface Request permits MessageReceived, ItemsCreated, OtherRequest {}

    public record MessageReceived(
            String type, String requestId, Instant timestamp, String locale, Map<String, Object> message)
            implements Request {}

    public record ItemsCreated(
            String type,
            String requestId,
            Instant timestamp,
            String locale,
            Instant eventCreationTime,
            Instant eventPublishingTime,
            ListBody body)
            implements Request {}

    public record ListBody(String listId, List<String> listItemIds) {}

    public record OtherRequest(String type, String requestId, Instant timestamp, String locale) implements Request {}
}
