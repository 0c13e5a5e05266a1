package io.github.skillmessaging.error;

import java.util.List;
import java.util.Map;

/**
 * A 5xx status: the service failed. Retried by default (not for requests that are not idempotent),
 * waiting at least the {@code Retry-After} of the answer when it has one ({@link #header(String)}).
 */
public class ServerErrorException extends AlexaServiceException {
    private static final long serialVersionUID = 1L;

    public ServerErrorException(String operation, int statusCode, Map<String, List<String>> headers, String body) {
        super(operation, statusCode, headers, body);
    }
}
