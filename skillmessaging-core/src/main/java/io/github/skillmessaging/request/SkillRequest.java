package io.github.skillmessaging.request;

import java.util.Objects;
import java.util.Optional;

/**
 * The envelope of every request Alexa sends to a skill: the format version, the session (absent
 * for out-of-session requests such as messages and events), the context (who and where) and the
 * typed {@link Request}. Read one with {@link RequestConverter#parse(String)}.
 *
 * @param version the envelope format version, {@code "1.0"} today
 * @param session the session, absent for messages and events
 * @param context the user, application, device and API endpoint
 * @param request the typed request; test its type with {@code instanceof}
 */
public record SkillRequest(String version, Optional<Session> session, Context context, Request request) {
    public SkillRequest {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(request, "request");
    }

    /** Shortcut for {@code context().system()}. */
    public SystemContext system() {
        return context.system();
    }

    /** Shortcut for {@code context().system().user().userId()}. */
    public String userId() {
        return context.system().user().userId();
    }

    /**
     * The request as {@code type} when it is one, e.g.
     * {@code skillRequest.requestAs(MessageReceivedRequest.class)}.
     */
    public <T extends Request> Optional<T> requestAs(Class<T> type) {
        return type.isInstance(request) ? Optional.of(type.cast(request)) : Optional.empty();
    }
}
