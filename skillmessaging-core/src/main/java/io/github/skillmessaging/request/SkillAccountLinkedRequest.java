package io.github.skillmessaging.request;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * {@code AlexaSkillEvent.SkillAccountLinked}: the user linked an account. {@code toString()}
 * redacts the token.
 */
public final class SkillAccountLinkedRequest extends SkillEventFields {
    /** The value of {@code request.type} for this request. */
    public static final String TYPE = "AlexaSkillEvent.SkillAccountLinked";

    private final Optional<String> accessToken;

    /** Reads the {@code request} object whose common fields are {@code header}. */
    SkillAccountLinkedRequest(RequestHeader header, JsonNode request) {
        super(header, request);
        this.accessToken = RequestFields.text(request.path("body"), "accessToken");
    }

    /** {@code body.accessToken}: the linked account's token. */
    public Optional<String> accessToken() {
        return accessToken;
    }

    @Override
    List<Object> bodyValues() {
        return List.of(accessToken);
    }

    @Override
    String bodyText() {
        return ", accessToken=" + Redaction.redact(accessToken);
    }
}
