package io.github.skillmessaging.request;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code AlexaSkillEvent.SkillEnabled}: the user enabled the skill.
 */
public final class SkillEnabledRequest extends SkillEventFields {
    /** The value of {@code request.type} for this request. */
    public static final String TYPE = "AlexaSkillEvent.SkillEnabled";

    /** Reads the {@code request} object whose common fields are {@code header}. */
    SkillEnabledRequest(RequestHeader header, JsonNode request) {
        super(header, request);
    }
}
