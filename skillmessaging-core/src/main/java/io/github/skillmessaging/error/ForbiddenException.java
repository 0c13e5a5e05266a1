package io.github.skillmessaging.error;

import java.util.List;
import java.util.Map;

/** 403 Forbidden: the access token is expired or invalid, or a permission (such as list access) was not granted. The credential-owning {@code SkillMessaging} client refreshes its token and retries once. */
public class ForbiddenException extends AlexaServiceException {
    private static final long serialVersionUID = 1L;

    public ForbiddenException(String operation, int statusCode, Map<String, List<String>> headers, String body) {
        super(operation, statusCode, headers, body);
    }
}
