package io.github.skillmessaging.request;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code AlexaSkillEvent.SkillPermissionChanged}: the user changed the permissions granted to the skill.
 */
public final class SkillPermissionChangedRequest extends PermissionEventFields {
    /** The value of {@code request.type} for this request. */
    public static final String TYPE = "AlexaSkillEvent.SkillPermissionChanged";

    /** Reads the {@code request} object whose common fields are {@code header}. */
    SkillPermissionChangedRequest(RequestHeader header, JsonNode request) {
        super(header, request);
    }
}
