package io.github.skillmessaging.request;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What every {@code AlexaSkillEvent} request reads from its {@code request} object, for the skill
 * event classes of this package: the accessors of {@link EventRequest}, and equality by class and
 * values. A subclass adds the values of its {@code body}.
 */
abstract class SkillEventFields implements EventRequest {
    private final RequestHeader header;
    private final Optional<Instant> eventCreationTime;
    private final Optional<Instant> eventPublishingTime;

    /** Reads the {@code request} object whose common fields are {@code header}. */
    SkillEventFields(RequestHeader header, JsonNode request) {
        this.header = header;
        this.eventCreationTime = RequestFields.instant(request, "eventCreationTime");
        this.eventPublishingTime = RequestFields.instant(request, "eventPublishingTime");
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

    /** The values a subclass reads from {@code body}, in {@link #toString()} order; none by default. */
    List<Object> bodyValues() {
        return List.of();
    }

    /** The text of {@link #bodyValues()} for {@link #toString()}, each after {@code ", "}: a secret redacted. */
    String bodyText() {
        return "";
    }

    private List<Object> values() {
        List<Object> values = new ArrayList<>(List.of(header, eventCreationTime, eventPublishingTime));
        values.addAll(bodyValues());
        return values;
    }

    @Override
    @SuppressWarnings("EqualsGetClass") // an enabled and a disabled event with the same fields differ
    public final boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && values().equals(((SkillEventFields) other).values());
    }

    @Override
    public final int hashCode() {
        return values().hashCode();
    }

    @Override
    public final String toString() {
        return getClass().getSimpleName() + "[header=" + header + ", eventCreationTime=" + eventCreationTime
                + ", eventPublishingTime=" + eventPublishingTime + bodyText() + "]";
    }
}
