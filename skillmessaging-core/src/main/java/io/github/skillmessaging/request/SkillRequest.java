package io.github.skillmessaging.request;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * The envelope of every request Alexa sends to a skill: the format version, the session (absent
 * for out-of-session requests such as messages and events), the context (who and where) and the
 * typed {@link Request}. Read one with {@link RequestConverter#parse(String)}; {@link #json()}
 * gives the whole envelope as sent.
 */
public final class SkillRequest {
    private final JsonNode json;
    private final String version;
    private final Optional<Session> session;
    private final Context context;
    private final Request request;

    /** The envelope {@code json}, its {@code version}, its read {@code context} and typed {@code request}. */
    SkillRequest(JsonNode json, String version, Context context, Request request) {
        this.json = json;
        this.version = version;
        this.session = RequestFields.object(json, "session")
                .filter(node -> RequestFields.text(node, "sessionId").isPresent())
                .map(Session::new);
        this.context = context;
        this.request = request;
    }

    /** The envelope format version, {@code "1.0"} today. */
    public String version() {
        return version;
    }

    /** The session, absent for messages and events. */
    public Optional<Session> session() {
        return session;
    }

    /** The user, application, device and API endpoint. */
    public Context context() {
        return context;
    }

    /** The typed request; test its type with {@code instanceof}. */
    public Request request() {
        return request;
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

    /**
     * A copy of the whole envelope as sent, with the fields this SDK does not model; it holds the
     * tokens, so do not log it.
     */
    public JsonNode json() {
        return json.deepCopy();
    }

    private List<Object> values() {
        return List.of(version, session, context, request);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SkillRequest that && values().equals(that.values());
    }

    @Override
    public int hashCode() {
        return values().hashCode();
    }

    @Override
    public String toString() {
        return "SkillRequest[version=" + version + ", session=" + session + ", context=" + context + ", request="
                + request + "]";
    }
}
