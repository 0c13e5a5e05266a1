package io.github.skillmessaging.error;

import java.util.List;
import java.util.Map;

/** 401 Unauthorized: the credentials were rejected. */
public class UnauthorizedException extends AlexaServiceException {
    private static final long serialVersionUID = 1L;

    public UnauthorizedException(String operation, int statusCode, Map<String, List<String>> headers, String body) {
        super(operation, statusCode, headers, body);
    }
}
