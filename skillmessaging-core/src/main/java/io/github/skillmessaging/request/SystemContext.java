package io.github.skillmessaging.request;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.skillmessaging.error.RequestParseException;
import java.util.List;
import java.util.Optional;

/**
 * {@code context.System}: the skill, the user, the device and the Alexa API endpoint and token to
 * call back with. {@code toString()} redacts the API access token.
 */
public final class SystemContext {
    private final JsonNode json;
    private final Optional<Application> application;
    private final User user;
    private final Optional<Device> device;
    private final Optional<String> apiEndpoint;
    private final Optional<String> apiAccessToken;

    /** Reads {@code context.System}, which has a {@code user}. */
    SystemContext(JsonNode json) {
        this.json = json;
        this.user = new User(RequestFields.object(json, "user")
                .orElseThrow(() -> new RequestParseException("context.System.user is missing")));
        this.application = RequestFields.object(json, "application")
                .filter(node -> RequestFields.text(node, "applicationId").isPresent())
                .map(Application::new);
        this.device = RequestFields.object(json, "device")
                .filter(node -> RequestFields.text(node, "deviceId").isPresent())
                .map(Device::new);
        this.apiEndpoint = RequestFields.text(json, "apiEndpoint");
        this.apiAccessToken = RequestFields.text(json, "apiAccessToken");
    }

    /** The skill; Amazon's own MessageReceived example omits it, real requests usually carry it. */
    public Optional<Application> application() {
        return application;
    }

    /** The Alexa user the request is for. */
    public User user() {
        return user;
    }

    /** The device, absent for messages and events. */
    public Optional<Device> device() {
        return device;
    }

    /**
     * The regional Alexa API base URL to call for this user, e.g.
     * {@code https://api.eu.amazonalexa.com}; store it with the user and send to it.
     */
    public Optional<String> apiEndpoint() {
        return apiEndpoint;
    }

    /**
     * The token for Alexa APIs (lists, …), valid for this request only; do not persist it. Absent
     * on some events (e.g. SkillDisabled).
     */
    public Optional<String> apiAccessToken() {
        return apiAccessToken;
    }

    /** Shortcut for the application id, when the request names the skill. */
    public Optional<String> applicationId() {
        return application.map(Application::applicationId);
    }

    /** A copy of {@code context.System} as sent; it holds the tokens, so do not log it. */
    public JsonNode json() {
        return json.deepCopy();
    }

    private List<Object> values() {
        return List.of(application, user, device, apiEndpoint, apiAccessToken);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SystemContext that && values().equals(that.values());
    }

    @Override
    public int hashCode() {
        return values().hashCode();
    }

    @Override
    public String toString() {
        return "SystemContext[application=" + application + ", user=" + user + ", device=" + device + ", apiEndpoint="
                + apiEndpoint + ", apiAccessToken=" + Redaction.redact(apiAccessToken) + "]";
    }
}
