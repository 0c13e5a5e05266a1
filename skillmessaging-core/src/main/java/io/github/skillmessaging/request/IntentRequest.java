package io.github.skillmessaging.request;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code IntentRequest}: the user said something that matched one of the skill's intents.
 *
 * @param header the common request fields
 * @param intent the matched intent and its slots
 * @param dialogState {@code request.dialogState}, when sent
 */
public record IntentRequest(RequestHeader header, Intent intent, Optional<String> dialogState) implements Request {
    /** The value of {@code request.type} for this request. */
    public static final String TYPE = "IntentRequest";

    public IntentRequest {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(dialogState, "dialogState");
    }
}
