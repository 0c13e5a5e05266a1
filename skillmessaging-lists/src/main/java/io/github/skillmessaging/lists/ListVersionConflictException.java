package io.github.skillmessaging.lists;

import io.github.skillmessaging.error.ConflictException;
import java.util.List;
import java.util.Map;

/**
 * 409 to an update of a list or an item: the {@code version} sent is not the current one, someone
 * changed it in between. Read the list or item again and retry with its new version.
 *
 * <p>Thrown by {@link ListManagementClient#updateList} and {@link ListManagementClient#updateItem};
 * a 409 to any other call stays a plain {@link ConflictException}. Carries the same status,
 * headers and body as any {@link io.github.skillmessaging.error.AlexaServiceException}.
 */
public class ListVersionConflictException extends ConflictException {
    private static final long serialVersionUID = 1L;

    /** See {@link io.github.skillmessaging.error.AlexaServiceException}. */
    public ListVersionConflictException(
            String operation, int statusCode, Map<String, List<String>> headers, String body) {
        super(operation, statusCode, headers, body);
    }

    /** Adds what to do to the service's message. */
    @Override
    public String getMessage() {
        return super.getMessage() + " (version conflict: read the current version and try again)";
    }
}
