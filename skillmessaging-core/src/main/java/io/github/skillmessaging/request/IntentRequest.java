package io.github.skillmessaging.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.List;
import java.util.Optional;

/**
 * {@code IntentRequest}: the user said something that matched one of the skill's intents.
 */
public final class IntentRequest implements Request {
    /** The value of {@code request.type} for this request. */
    public static final String TYPE = "IntentRequest";

    private final RequestHeader header;
    private final Intent intent;
    private final Optional<String> dialogState;

    /** Reads the {@code request} object whose common fields are {@code header}. */
    IntentRequest(RequestHeader header, JsonNode request) {
        this.header = header;
        this.intent = new Intent(RequestFields.object(request, "intent").orElse(MissingNode.getInstance()));
        this.dialogState = RequestFields.text(request, "dialogState");
    }

    @Override
    public RequestHeader header() {
        return header;
    }

    /** The matched intent and its slots. */
    public Intent intent() {
        return intent;
    }

    /** {@code request.dialogState}, when sent. */
    public Optional<String> dialogState() {
        return dialogState;
    }

    private List<Object> values() {
        return List.of(header, intent, dialogState);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IntentRequest that && values().equals(that.values());
    }

    @Override
    public int hashCode() {
        return values().hashCode();
    }

    @Override
    public String toString() {
        return "IntentRequest[header=" + header + ", intent=" + intent + ", dialogState=" + dialogState + "]";
    }
}
