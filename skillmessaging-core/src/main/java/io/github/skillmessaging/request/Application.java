package io.github.skillmessaging.request;

import java.util.Objects;

/**
 * The skill a request is for ({@code context.System.application}).
 *
 * @param applicationId the skill id, {@code amzn1.ask.skill.…}
 */
public record Application(String applicationId) {
    public Application {
        Objects.requireNonNull(applicationId, "applicationId");
    }
}
