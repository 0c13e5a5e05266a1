package io.github.skillmessaging.testkit;

import java.net.URI;
import java.util.Optional;

/**
 * A skill registered with the sandbox: its credentials, its id and where the sandbox delivers
 * its requests. The client secret is a throwaway made by the sandbox, but it is still kept out
 * of {@code toString()}.
 *
 * @param applicationId the skill id, {@code amzn1.ask.skill....}
 * @param clientId the LWA client id of the skill
 * @param clientSecret the LWA client secret of the skill
 * @param endpoint the skill's HTTP endpoint, where requests and events are POSTed; empty until set
 *     ({@link AlexaSandbox#setEndpoint}): requests for the skill wait and are redelivered meanwhile
 */
public record SandboxSkill(String applicationId, String clientId, String clientSecret, Optional<URI> endpoint) {
    public SandboxSkill {
        java.util.Objects.requireNonNull(endpoint, "endpoint");
    }

    @Override
    public String toString() {
        return "SandboxSkill[applicationId=" + applicationId + ", clientId=" + clientId + ", endpoint="
                + endpoint.map(URI::toString).orElse("(none)") + "]";
    }
}
