package io.github.skillmessaging.request;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/** Converts the in-session types {@code LaunchRequest}, {@code IntentRequest} and {@code SessionEndedRequest}. Built in. */
final class CustomSkillRequestTypeConverter implements RequestTypeConverter {
    @Override
    public Set<String> requestTypes() {
        return Set.of(LaunchRequest.TYPE, IntentRequest.TYPE, SessionEndedRequest.TYPE);
    }

    @Override
    public Request convert(JsonNode request) {
        RequestHeader header = RequestFields.header(request);
        switch (header.type()) {
            case LaunchRequest.TYPE:
                return new LaunchRequest(header, request);
            case IntentRequest.TYPE:
                return new IntentRequest(header, request);
            case SessionEndedRequest.TYPE:
                return new SessionEndedRequest(header, request);
            default:
                throw new IllegalStateException("not a custom skill request type");
        }
    }
}
