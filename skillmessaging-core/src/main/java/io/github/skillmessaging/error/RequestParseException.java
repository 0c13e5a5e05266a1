package io.github.skillmessaging.error;

/**
 * A request body sent to the skill could not be read as a skill request: it is not JSON, not a
 * JSON object, or lacks a required part ({@code version}, {@code context.System.user.userId},
 * {@code request}, {@code request.type}, {@code request.requestId}, {@code request.timestamp}).
 *
 * <p>The message names the part that is wrong, and where the JSON is malformed the line and
 * column; it never quotes the body, so no token from the request can leak into logs. Answer such
 * a request with HTTP 400.
 */
public class RequestParseException extends SkillMessagingException {
    private static final long serialVersionUID = 1L;

    public RequestParseException(String message) {
        super(message);
    }

    public RequestParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
