package io.github.skillmessaging.request;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code AlexaSkillEvent.SkillPermissionAccepted}: the user granted permissions to the skill.
 */
public final class SkillPermissionAcceptedRequest extends PermissionEventFields {
    /** The value of {@code request.type} for this request. */
    public static final String TYPE = "AlexaSkillEvent.SkillPermissionAccepted";

    /** Reads the {@code request} object whose common fields are {@code header}. */
    SkillPermissionAcceptedRequest(RequestHeader header, JsonNode request) {
        super(header, request);
    }
}
