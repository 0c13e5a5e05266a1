package io.github.skillmessaging.request;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The permission lists of {@link SkillPermissionAcceptedRequest} and {@link SkillPermissionChangedRequest}. */
abstract class PermissionEventFields extends SkillEventFields {
    private final List<String> acceptedPermissions;
    private final List<String> acceptedPersonPermissions;

    /** Reads the {@code request} object whose common fields are {@code header}. */
    PermissionEventFields(RequestHeader header, JsonNode request) {
        super(header, request);
        this.acceptedPermissions = SkillEventRequestTypeConverter.scopes(request, "acceptedPermissions");
        this.acceptedPersonPermissions = SkillEventRequestTypeConverter.scopes(request, "acceptedPersonPermissions");
    }

    /**
     * The {@code scope} of each {@code body.acceptedPermissions} entry, e.g.
     * {@code alexa::household:lists:read}; empty when absent.
     */
    public List<String> acceptedPermissions() {
        return acceptedPermissions;
    }

    /** The {@code scope} of each {@code body.acceptedPersonPermissions} entry; empty when absent. */
    public List<String> acceptedPersonPermissions() {
        return acceptedPersonPermissions;
    }

    @Override
    List<Object> bodyValues() {
        return List.of(acceptedPermissions, acceptedPersonPermissions);
    }

    @Override
    String bodyText() {
        return ", acceptedPermissions=" + acceptedPermissions + ", acceptedPersonPermissions="
                + acceptedPersonPermissions;
    }
}
