package io.github.skillmessaging.error;

import java.util.List;
import java.util.Map;

/**
 * Login-With-Amazon refused to issue an access token (a 4xx other than 429), for example
 * {@code invalid_client} (wrong client id or secret) or {@code invalid_scope} (the skill may not
 * use that scope). {@link #error()} and {@link #errorDescription()} carry the OAuth fields.
 * Never retried: fix the credentials. 429 and 5xx from the token endpoint raise
 * {@link RateLimitException} and {@link ServerErrorException} as for any other API.
 */
public class TokenRequestException extends AlexaServiceException {
    private static final long serialVersionUID = 1L;

    public TokenRequestException(String operation, int statusCode, Map<String, List<String>> headers, String body) {
        super(operation, statusCode, headers, body);
    }

    /** The OAuth {@code error} field, e.g. {@code invalid_client}; empty string when absent. */
    public String error() {
        return errorCode().orElse("");
    }

    /** The OAuth {@code error_description} field; empty string when absent. */
    public String errorDescription() {
        return serviceMessage().orElse("");
    }
}
