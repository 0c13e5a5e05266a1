package io.github.skillmessaging.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.LinkedHashMap;
import java.util.Map;
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
                return new LaunchRequest(header);
            case IntentRequest.TYPE:
                return new IntentRequest(header, intent(request), RequestFields.text(request, "dialogState"));
            case SessionEndedRequest.TYPE:
                return new SessionEndedRequest(header, RequestFields.text(request, "reason"));
            default:
                throw new IllegalStateException("not a custom skill request type");
        }
    }

    private static Intent intent(JsonNode request) {
        JsonNode intent = RequestFields.object(request, "intent").orElse(MissingNode.getInstance());
        String name = RequestFields.requiredText(intent, "name", "request.intent.name");
        Map<String, Slot> slots = new LinkedHashMap<>();
        RequestFields.object(intent, "slots")
                .ifPresent(object -> object.properties().forEach(entry -> {
                    JsonNode slot = entry.getValue();
                    if (slot.isObject()) {
                        String slotName = RequestFields.text(slot, "name").orElse(entry.getKey());
                        slots.put(entry.getKey(), new Slot(slotName, RequestFields.text(slot, "value")));
                    }
                }));
        return new Intent(name, slots);
    }
}
