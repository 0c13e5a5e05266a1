package io.github.skillmessaging.request;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code AlexaSkillEvent.SkillAccountLinked}: the user linked an account. {@code toString()}
 * redacts the token.
 *
 * @param header the common request fields
 * @param eventCreationTime when the event happened, when sent
 * @param eventPublishingTime when Alexa published it, when sent
 * @param accessToken {@code body.accessToken}: the linked account's token
 */
public record SkillAccountLinkedRequest(
        RequestHeader header,
        Optional<Instant> eventCreationTime,
        Optional<Instant> eventPublishingTime,
        Optional<String> accessToken)
        implements EventRequest {
    /** The value of {@code request.type} for this request. */
    public static final String TYPE = "AlexaSkillEvent.SkillAccountLinked";

    public SkillAccountLinkedRequest {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(eventCreationTime, "eventCreationTime");
        Objects.requireNonNull(eventPublishingTime, "eventPublishingTime");
        Objects.requireNonNull(accessToken, "accessToken");
    }

    @Override
    public String toString() {
        return "SkillAccountLinkedRequest[header=" + header + ", eventCreationTime=" + eventCreationTime
                + ", eventPublishingTime=" + eventPublishingTime + ", accessToken=" + Redaction.redact(accessToken)
                + "]";
    }
}
