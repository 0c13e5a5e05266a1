package io.github.skillmessaging.error;

import java.util.List;
import java.util.Map;

/** A 5xx status: the service failed. Retried by default. */
public class ServerErrorException extends AlexaServiceException {
    private static final long serialVersionUID = 1L;

    public ServerErrorException(String operation, int statusCode, Map<String, List<String>> headers, String body) {
        super(operation, statusCode, headers, body);
    }
}
