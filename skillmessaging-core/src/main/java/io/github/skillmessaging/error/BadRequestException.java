package io.github.skillmessaging.error;

import java.util.List;
import java.util.Map;

/** 400 Bad Request: the request was invalid (for skill messages: `data` missing or invalid). Never retried. */
public class BadRequestException extends AlexaServiceException {
    private static final long serialVersionUID = 1L;

    public BadRequestException(String operation, int statusCode, Map<String, List<String>> headers, String body) {
        super(operation, statusCode, headers, body);
    }
}
