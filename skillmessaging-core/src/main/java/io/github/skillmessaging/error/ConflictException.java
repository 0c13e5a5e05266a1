package io.github.skillmessaging.error;

import java.util.List;
import java.util.Map;

/** 409 Conflict: for List Management, the version sent is not the current one; read the latest and try again. */
public class ConflictException extends AlexaServiceException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String operation, int statusCode, Map<String, List<String>> headers, String body) {
        super(operation, statusCode, headers, body);
    }
}
