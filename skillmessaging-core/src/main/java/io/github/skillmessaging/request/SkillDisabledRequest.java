package io.github.skillmessaging.request;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * {@code AlexaSkillEvent.SkillDisabled}: the user disabled the skill. Re-enabling gives the user a
 * new userId.
 */
public final class SkillDisabledRequest extends SkillEventFields {
    /** The value of {@code request.type} for this request. */
    public static final String TYPE = "AlexaSkillEvent.SkillDisabled";

    private final Optional<String> userInformationPersistenceStatus;

    /** Reads the {@code request} object whose common fields are {@code header}. */
    SkillDisabledRequest(RequestHeader header, JsonNode request) {
        super(header, request);
        this.userInformationPersistenceStatus =
                RequestFields.text(request.path("body"), "userInformationPersistenceStatus");
    }

    /**
     * {@code body.userInformationPersistenceStatus} ({@code PERSISTED} or {@code NOT_PERSISTED} in
     * Amazon's docs; other values are kept as sent).
     */
    public Optional<String> userInformationPersistenceStatus() {
        return userInformationPersistenceStatus;
    }

    @Override
    List<Object> bodyValues() {
        return List.of(userInformationPersistenceStatus);
    }

    @Override
    String bodyText() {
        return ", userInformationPersistenceStatus=" + userInformationPersistenceStatus;
    }
}
