package io.github.skillmessaging.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
        Optional<Instant> created = RequestFields.instant(request, "eventCreationTime");
        Optional<Instant> published = RequestFields.instant(request, "eventPublishingTime");
        JsonNode body = RequestFields.object(request, "body").orElse(MissingNode.getInstance());
        switch (header.type()) {
            case SkillEnabledRequest.TYPE:
                return new SkillEnabledRequest(header, created, published);
            case SkillDisabledRequest.TYPE:
                return new SkillDisabledRequest(
                        header, created, published, RequestFields.text(body, "userInformationPersistenceStatus"));
            case SkillAccountLinkedRequest.TYPE:
                return new SkillAccountLinkedRequest(
                        header, created, published, RequestFields.text(body, "accessToken"));
            case SkillPermissionAcceptedRequest.TYPE:
                return new SkillPermissionAcceptedRequest(
                        header,
                        created,
                        published,
                        scopes(body, "acceptedPermissions"),
                        scopes(body, "acceptedPersonPermissions"));
            case SkillPermissionChangedRequest.TYPE:
                return new SkillPermissionChangedRequest(
                        header,
                        created,
                        published,
                        scopes(body, "acceptedPermissions"),
                        scopes(body, "acceptedPersonPermissions"));
            default:
                throw new IllegalStateException("not a skill event type");
        }
    }

    private static List<String> scopes(JsonNode body, String field) {
        JsonNode array = body.get(field);
        if (array == null || !array.isArray()) {
            return List.of();
        }
        List<String> scopes = new ArrayList<>();
        for (JsonNode permission : array) {
            RequestFields.text(permission, "scope").ifPresent(scopes::add);
        }
        return scopes;
    }
}
