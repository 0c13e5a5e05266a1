package io.github.skillmessaging.request;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The skill a request is for ({@code context.System.application}). Read from JSON by
 * {@link RequestConverter}; {@link #json()} gives the object as sent.
 */
public final class Application {
    private final JsonNode json;
    private final String applicationId;

    /** Reads {@code context.System.application}, which has a string {@code applicationId}. */
    Application(JsonNode json) {
        this.json = json;
        this.applicationId =
                RequestFields.requiredText(json, "applicationId", "context.System.application.applicationId");
    }

    /** The skill id, {@code amzn1.ask.skill.…}. */
    public String applicationId() {
        return applicationId;
    }

    /** A copy of {@code context.System.application} as sent, with the fields this SDK does not model. */
    public JsonNode json() {
        return json.deepCopy();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Application that && applicationId.equals(that.applicationId);
    }

    @Override
    public int hashCode() {
        return applicationId.hashCode();
    }

    @Override
    public String toString() {
        return "Application[applicationId=" + applicationId + "]";
    }
}
