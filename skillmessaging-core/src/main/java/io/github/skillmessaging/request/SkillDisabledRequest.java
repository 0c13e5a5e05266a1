package io.github.skillmessaging.request;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code AlexaSkillEvent.SkillDisabled}: the user disabled the skill. Re-enabling gives the user a
 * new userId.
 *
 * @param header the common request fields
 * @param eventCreationTime when the event happened, when sent
 * @param eventPublishingTime when Alexa published it, when sent
 * @param userInformationPersistenceStatus {@code body.userInformationPersistenceStatus}
 *     ({@code PERSISTED} or {@code NOT_PERSISTED} in Amazon's docs; other values are kept as sent)
 */
public record SkillDisabledRequest(
        RequestHeader header,
        Optional<Instant> eventCreationTime,
        Optional<Instant> eventPublishingTime,
        Optional<String> userInformationPersistenceStatus)
        implements EventRequest {
    /** The value of {@code request.type} for this request. */
    public static final String TYPE = "AlexaSkillEvent.SkillDisabled";

    public SkillDisabledRequest {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(eventCreationTime, "eventCreationTime");
        Objects.requireNonNull(eventPublishingTime, "eventPublishingTime");
        Objects.requireNonNull(userInformationPersistenceStatus, "userInformationPersistenceStatus");
    }
}
