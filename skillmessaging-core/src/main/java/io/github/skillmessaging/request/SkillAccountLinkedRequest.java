package io.github.skillmessaging.request;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code AlexaSkillEvent.SkillAccountLinked}: the user linked an account. {@code toString()}
 * redacts the token.
 */
public final class SkillAccountLinkedRequest implements EventRequest {
    /** The value of {@code request.type} for this request. */
    public static final String TYPE = "AlexaSkillEvent.SkillAccountLinked";

    private final RequestHeader header;
    private final Optional<Instant> eventCreationTime;
    private final Optional<Instant> eventPublishingTime;
    private final Optional<String> accessToken;

    /** Reads the {@code request} object whose common fields are {@code header}. */
    SkillAccountLinkedRequest(RequestHeader header, JsonNode request) {
        this.header = header;
        this.eventCreationTime = RequestFields.instant(request, "eventCreationTime");
        this.eventPublishingTime = RequestFields.instant(request, "eventPublishingTime");
        this.accessToken = RequestFields.text(request.path("body"), "accessToken");
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

    /** {@code body.accessToken}: the linked account's token. */
    public Optional<String> accessToken() {
        return accessToken;
    }

    private List<Object> values() {
        return List.of(header, eventCreationTime, eventPublishingTime, accessToken);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SkillAccountLinkedRequest that && values().equals(that.values());
    }

    @Override
    public int hashCode() {
        return values().hashCode();
    }

    @Override
    public String toString() {
        return "SkillAccountLinkedRequest[header=" + header + ", eventCreationTime=" + eventCreationTime
                + ", eventPublishingTime=" + eventPublishingTime + ", accessToken=" + Redaction.redact(accessToken)
                + "]";
    }
}
