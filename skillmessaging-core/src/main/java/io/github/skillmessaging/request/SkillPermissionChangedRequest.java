package io.github.skillmessaging.request;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code AlexaSkillEvent.SkillPermissionChanged}: the user changed the permissions granted to the skill.
 *
 * @param header the common request fields
 * @param eventCreationTime when the event happened, when sent
 * @param eventPublishingTime when Alexa published it, when sent
 * @param acceptedPermissions the {@code scope} of each {@code body.acceptedPermissions} entry,
 *     e.g. {@code alexa::household:lists:read}; empty when absent
 * @param acceptedPersonPermissions the {@code scope} of each
 *     {@code body.acceptedPersonPermissions} entry; empty when absent
 */
public record SkillPermissionChangedRequest(
        RequestHeader header,
        Optional<Instant> eventCreationTime,
        Optional<Instant> eventPublishingTime,
        List<String> acceptedPermissions,
        List<String> acceptedPersonPermissions)
        implements EventRequest {
    /** The value of {@code request.type} for this request. */
    public static final String TYPE = "AlexaSkillEvent.SkillPermissionChanged";

    public SkillPermissionChangedRequest {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(eventCreationTime, "eventCreationTime");
        Objects.requireNonNull(eventPublishingTime, "eventPublishingTime");
        acceptedPermissions = List.copyOf(acceptedPermissions);
        acceptedPersonPermissions = List.copyOf(acceptedPersonPermissions);
    }
}
