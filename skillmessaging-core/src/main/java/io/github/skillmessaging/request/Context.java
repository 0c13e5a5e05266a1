package io.github.skillmessaging.request;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.skillmessaging.error.RequestParseException;

/**
 * The {@code context} of a {@link SkillRequest}. Only its {@code System} part is modelled; read
 * the others (audio player, viewport, …) from {@link #json()}.
 */
public final class Context {
    private final JsonNode json;
    private final SystemContext system;

    /** Reads {@code context}, which has a {@code System} object. */
    Context(JsonNode json) {
        this.json = json;
        this.system = new SystemContext(RequestFields.object(json, "System")
                .orElseThrow(() -> new RequestParseException("context.System is missing")));
    }

    /** The {@code context.System} object. */
    public SystemContext system() {
        return system;
    }

    /**
     * A copy of {@code context} as sent, with the parts this SDK does not model; it holds the API
     * access token, so do not log it.
     */
    public JsonNode json() {
        return json.deepCopy();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Context that && system.equals(that.system);
    }

    @Override
    public int hashCode() {
        return system.hashCode();
    }

    @Override
    public String toString() {
        return "Context[system=" + system + "]";
    }
}
