package io.github.skillmessaging.error;

import java.util.List;
import java.util.Map;

/** A status without a type of its own (e.g. 405, 413, 422). */
public class UnexpectedStatusException extends AlexaServiceException {
    private static final long serialVersionUID = 1L;

    public UnexpectedStatusException(String operation, int statusCode, Map<String, List<String>> headers, String body) {
        super(operation, statusCode, headers, body);
    }
}
