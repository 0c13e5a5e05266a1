package io.github.skillmessaging.request;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Converts the five {@code AlexaSkillEvent.*} types. Built in, always registered. */
final class SkillEventRequestTypeConverter implements RequestTypeConverter {
    @Override
    public Set<String> requestTypes() {
        return Set.of(
                SkillEnabledRequest.TYPE,
                SkillDisabledRequest.TYPE,
                SkillAccountLinkedRequest.TYPE,
                SkillPermissionAcceptedRequest.TYPE,
                SkillPermissionChangedRequest.TYPE);
    }

    @Override
    public Request convert(JsonNode request) {
        RequestHeader header = RequestFields.header(request);
        switch (header.type()) {
            case SkillEnabledRequest.TYPE:
                return new SkillEnabledRequest(header, request);
            case SkillDisabledRequest.TYPE:
                return new SkillDisabledRequest(header, request);
            case SkillAccountLinkedRequest.TYPE:
                return new SkillAccountLinkedRequest(header, request);
            case SkillPermissionAcceptedRequest.TYPE:
                return new SkillPermissionAcceptedRequest(header, request);
            case SkillPermissionChangedRequest.TYPE:
                return new SkillPermissionChangedRequest(header, request);
            default:
                throw new IllegalStateException("not a skill event type");
        }
    }

    /** The {@code scope} of each entry of the array {@code request.body.field}; empty when absent. */
    static List<String> scopes(JsonNode request, String field) {
        JsonNode array = request.path("body").get(field);
        if (array == null || !array.isArray()) {
            return List.of();
        }
        List<String> scopes = new ArrayList<>();
        for (JsonNode permission : array) {
            RequestFields.text(permission, "scope").ifPresent(scopes::add);
        }
        return List.copyOf(scopes);
    }
}
