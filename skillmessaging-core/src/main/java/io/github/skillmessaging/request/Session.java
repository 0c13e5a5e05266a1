package io.github.skillmessaging.request;

import java.util.Objects;

/**
 * The session of an in-session request (launch, intent, session end). Messages and events have
 * none.
 *
 * @param sessionId the session id
 * @param newSession whether this request started the session
 */
public record Session(String sessionId, boolean newSession) {
    public Session {
        Objects.requireNonNull(sessionId, "sessionId");
    }
}
