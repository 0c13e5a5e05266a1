package io.github.skillmessaging.request;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code context.System}: the skill, the user, the device and the Alexa API endpoint and token to
 * call back with. {@code toString()} redacts the API access token.
 *
 * @param application the skill; Amazon's own MessageReceived example omits it, real requests
 *     usually carry it
 * @param user the Alexa user the request is for
 * @param device the device, absent for messages and events
 * @param apiEndpoint the regional Alexa API base URL to call for this user, e.g.
 *     {@code https://api.eu.amazonalexa.com}; store it with the user and send to it
 * @param apiAccessToken token for Alexa APIs (lists, …) valid for this request only; do not
 *     persist it. Absent on some events (e.g. SkillDisabled)
 */
public record SystemContext(
        Optional<Application> application,
        User user,
        Optional<Device> device,
        Optional<String> apiEndpoint,
        Optional<String> apiAccessToken) {

    public SystemContext {
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(apiEndpoint, "apiEndpoint");
        Objects.requireNonNull(apiAccessToken, "apiAccessToken");
    }

    /** Shortcut for the application id, when the request names the skill. */
    public Optional<String> applicationId() {
        return application.map(Application::applicationId);
    }

    @Override
    public String toString() {
        return "SystemContext[application=" + application + ", user=" + user + ", device=" + device + ", apiEndpoint="
                + apiEndpoint + ", apiAccessToken=" + Redaction.redact(apiAccessToken) + "]";
    }
}
