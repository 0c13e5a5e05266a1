package io.github.skillmessaging.request;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code AlexaSkillEvent.SkillDisabled}: the user disabled the skill. Re-enabling gives the user a
 * new userId.
 */
public final class SkillDisabledRequest implements EventRequest {
    /** The value of {@code request.type} for this request. */
    public static final String TYPE = "AlexaSkillEvent.SkillDisabled";

    private final RequestHeader header;
    private final Optional<Instant> eventCreationTime;
    private final Optional<Instant> eventPublishingTime;
    private final Optional<String> userInformationPersistenceStatus;

    /** Reads the {@code request} object whose common fields are {@code header}. */
    SkillDisabledRequest(RequestHeader header, JsonNode request) {
        this.header = header;
        this.eventCreationTime = RequestFields.instant(request, "eventCreationTime");
        this.eventPublishingTime = RequestFields.instant(request, "eventPublishingTime");
        this.userInformationPersistenceStatus =
                RequestFields.text(request.path("body"), "userInformationPersistenceStatus");
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

    /** {@code body.userInformationPersistenceStatus} ({@code PERSISTED} or {@code NOT_PERSISTED} in
     * Amazon's docs; other values are kept as sent). */
    public Optional<String> userInformationPersistenceStatus() {
        return userInformationPersistenceStatus;
    }

    private List<Object> values() {
        return List.of(header, eventCreationTime, eventPublishingTime, userInformationPersistenceStatus);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SkillDisabledRequest that && values().equals(that.values());
    }

    @Override
    public int hashCode() {
        return values().hashCode();
    }

    @Override
    public String toString() {
        return "SkillDisabledRequest[header=" + header + ", eventCreationTime=" + eventCreationTime
                + ", eventPublishingTime=" + eventPublishingTime + ", userInformationPersistenceStatus="
                + userInformationPersistenceStatus + "]";
    }
}
