package io.github.skillmessaging.error;

import java.util.List;
import java.util.Map;

/** 404 Not Found: for skill messages, the user id does not exist (the user disabled the skill or never enabled it). Never retried. */
public class NotFoundException extends AlexaServiceException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String operation, int statusCode, Map<String, List<String>> headers, String body) {
        super(operation, statusCode, headers, body);
    }
}
