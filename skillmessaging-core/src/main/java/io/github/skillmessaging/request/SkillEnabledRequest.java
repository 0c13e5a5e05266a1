package io.github.skillmessaging.request;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code AlexaSkillEvent.SkillEnabled}: the user enabled the skill.
 *
 * @param header the common request fields
 * @param eventCreationTime when the event happened, when sent
 * @param eventPublishingTime when Alexa published it, when sent
 */
public record SkillEnabledRequest(
        RequestHeader header, Optional<Instant> eventCreationTime, Optional<Instant> eventPublishingTime)
        implements EventRequest {
    /** The value of {@code request.type} for this request. */
    public static final String TYPE = "AlexaSkillEvent.SkillEnabled";

    public SkillEnabledRequest {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(eventCreationTime, "eventCreationTime");
        Objects.requireNonNull(eventPublishingTime, "eventPublishingTime");
    }
}
