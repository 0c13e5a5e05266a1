package io.github.skillmessaging.request;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.skillmessaging.error.RequestParseException;

/**
 * The session of an in-session request (launch, intent, session end). Messages and events have
 * none. Session attributes and the rest are in {@link #json()}.
 */
public final class Session {
    private final JsonNode json;
    private final String sessionId;
    private final boolean newSession;

    /** Reads {@code session}, which has a {@code sessionId}. */
    Session(JsonNode json) {
        this.json = json;
        this.sessionId = RequestFields.text(json, "sessionId")
                .orElseThrow(() -> new RequestParseException("session.sessionId is missing"));
        this.newSession = json.path("new").asBoolean(false);
    }

    /** The session id. */
    public String sessionId() {
        return sessionId;
    }

    /** Whether this request started the session ({@code session.new}). */
    public boolean newSession() {
        return newSession;
    }

    /** A copy of {@code session} as sent, with the fields this SDK does not model (attributes, …). */
    public JsonNode json() {
        return json.deepCopy();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Session that && sessionId.equals(that.sessionId) && newSession == that.newSession;
    }

    @Override
    public int hashCode() {
        return 31 * sessionId.hashCode() + Boolean.hashCode(newSession);
    }

    @Override
    public String toString() {
        return "Session[sessionId=" + sessionId + ", newSession=" + newSession + "]";
    }
}
