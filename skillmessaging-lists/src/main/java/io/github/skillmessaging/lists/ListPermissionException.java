package io.github.skillmessaging.lists;

import io.github.skillmessaging.error.ForbiddenException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * 403 from the List Management API. Most often the user has not granted the skill list permission
 * ({@value #READ_SCOPE} for reads, {@value #WRITE_SCOPE} for changes): ask for it with a
 * permissions card. It is also what Amazon answers to an expired or invalid
 * {@code apiAccessToken}: use the token of the request being handled, never a stored one.
 */
public class ListPermissionException extends ForbiddenException {
    private static final long serialVersionUID = 1L;

    /** The permission needed to read lists. */
    public static final String READ_SCOPE = "alexa::household:lists:read";
    /** The permission needed to change lists. */
    public static final String WRITE_SCOPE = "alexa::household:lists:write";

    private final String requiredScope;

    /**
     * See {@link io.github.skillmessaging.error.AlexaServiceException}.
     *
     * @param requiredScope {@link #READ_SCOPE} or {@link #WRITE_SCOPE}: what the call needed
     */
    public ListPermissionException(
            String operation, int statusCode, Map<String, List<String>> headers, String body, String requiredScope) {
        super(operation, statusCode, headers, body);
        this.requiredScope = Objects.requireNonNull(requiredScope, "requiredScope");
    }

    /** The permission the failed call needed: {@link #READ_SCOPE} or {@link #WRITE_SCOPE}. */
    public String requiredScope() {
        return requiredScope;
    }

    /** The service's message, then the likely cause and the permission needed. */
    @Override
    public String getMessage() {
        String access = requiredScope.equals(WRITE_SCOPE) ? "write" : "read";
        return super.getMessage() + " (the user has not granted list " + access + " permission (" + requiredScope
                + "), or the apiAccessToken is expired or invalid)";
    }
}
