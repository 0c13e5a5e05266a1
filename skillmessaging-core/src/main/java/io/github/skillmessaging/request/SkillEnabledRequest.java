package io.github.skillmessaging.request;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code AlexaSkillEvent.SkillEnabled}: the user enabled the skill.
 */
public final class SkillEnabledRequest implements EventRequest {
    /** The value of {@code request.type} for this request. */
    public static final String TYPE = "AlexaSkillEvent.SkillEnabled";

    private final RequestHeader header;
    private final Optional<Instant> eventCreationTime;
    private final Optional<Instant> eventPublishingTime;

    /** Reads the {@code request} object whose common fields are {@code header}. */
    SkillEnabledRequest(RequestHeader header, JsonNode request) {
        this.header = header;
        this.eventCreationTime = RequestFields.instant(request, "eventCreationTime");
        this.eventPublishingTime = RequestFields.instant(request, "eventPublishingTime");
    }

    @Override
    public RequestHeader header() {
        return header;
    }

    @Override
    public Optional<Instant> eventCreationTime() {
        return eventCreationTime;
    }

    @Override
    public Optional<Instant> eventPublishingTime() {
        return eventPublishingTime;
    }

    private List<Object> values() {
        return List.of(header, eventCreationTime, eventPublishingTime);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SkillEnabledRequest that && values().equals(that.values());
    }

    @Override
    public int hashCode() {
        return values().hashCode();
    }

    @Override
    public String toString() {
        return "SkillEnabledRequest[header=" + header + ", eventCreationTime=" + eventCreationTime
                + ", eventPublishingTime=" + eventPublishingTime + "]";
    }
}
