package io.github.skillmessaging.request;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code AlexaSkillEvent.SkillPermissionChanged}: the user changed the permissions granted to the skill.
 */
public final class SkillPermissionChangedRequest implements EventRequest {
    /** The value of {@code request.type} for this request. */
    public static final String TYPE = "AlexaSkillEvent.SkillPermissionChanged";

    private final RequestHeader header;
    private final Optional<Instant> eventCreationTime;
    private final Optional<Instant> eventPublishingTime;
    private final List<String> acceptedPermissions;
    private final List<String> acceptedPersonPermissions;

    /** Reads the {@code request} object whose common fields are {@code header}. */
    SkillPermissionChangedRequest(RequestHeader header, JsonNode request) {
        this.header = header;
        this.eventCreationTime = RequestFields.instant(request, "eventCreationTime");
        this.eventPublishingTime = RequestFields.instant(request, "eventPublishingTime");
        this.acceptedPermissions = SkillEventRequestTypeConverter.scopes(request, "acceptedPermissions");
        this.acceptedPersonPermissions = SkillEventRequestTypeConverter.scopes(request, "acceptedPersonPermissions");
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

    /** The {@code scope} of each {@code body.acceptedPermissions} entry, e.g.
     * {@code alexa::household:lists:read}; empty when absent. */
    public List<String> acceptedPermissions() {
        return acceptedPermissions;
    }

    /** The {@code scope} of each {@code body.acceptedPersonPermissions} entry; empty when absent. */
    public List<String> acceptedPersonPermissions() {
        return acceptedPersonPermissions;
    }

    private List<Object> values() {
        return List.of(header, eventCreationTime, eventPublishingTime, acceptedPermissions, acceptedPersonPermissions);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SkillPermissionChangedRequest that && values().equals(that.values());
    }

    @Override
    public int hashCode() {
        return values().hashCode();
    }

    @Override
    public String toString() {
        return "SkillPermissionChangedRequest[header=" + header + ", eventCreationTime=" + eventCreationTime
                + ", eventPublishingTime=" + eventPublishingTime + ", acceptedPermissions=" + acceptedPermissions
                + ", acceptedPersonPermissions=" + acceptedPersonPermissions + "]";
    }
}
