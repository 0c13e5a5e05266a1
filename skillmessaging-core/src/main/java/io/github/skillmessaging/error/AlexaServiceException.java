package io.github.skillmessaging.error;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.skillmessaging.internal.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An Alexa or Login-With-Amazon API answered with an error status. Carries the status, the
 * response headers and body, Amazon's request id (header {@code X-Amzn-RequestId}) and, when the
 * body has one, the service's error code and message.
 *
 * <p>Each meaningful status has its own subclass; the map is in README.md ("Errors"):
 * 400 {@link BadRequestException}, 401 {@link UnauthorizedException}, 403
 * {@link ForbiddenException}, 404 {@link NotFoundException}, 409 {@link ConflictException},
 * 429 {@link RateLimitException}, 5xx {@link ServerErrorException}, anything else
 * {@link UnexpectedStatusException}; errors of the token endpoint are
 * {@link TokenRequestException}.
 */
public class AlexaServiceException extends SkillMessagingException {
    private static final long serialVersionUID = 1L;
    private static final int MAX_MESSAGE_CHARS = 300;

    private final String operation;
    private final int statusCode;
    private final transient Map<String, List<String>> headers;
    private final String body;
    private final String requestId;
    private final String errorCode;
    private final String serviceMessage;

    /**
     * @param operation what was being done, e.g. {@code "send skill message"}; goes into the message
     * @param statusCode the HTTP status
     * @param headers the response headers (looked up case-insensitively)
     * @param body the response body, decoded as UTF-8 (may be empty)
     */
    public AlexaServiceException(String operation, int statusCode, Map<String, List<String>> headers, String body) {
        this(operation, statusCode, headers, body, Parsed.of(body));
    }

    private AlexaServiceException(
            String operation, int statusCode, Map<String, List<String>> headers, String body, Parsed parsed) {
        super(describe(operation, statusCode, parsed, firstHeader(headers, "x-amzn-requestid")));
        this.operation = operation;
        this.statusCode = statusCode;
        this.headers = copyHeaders(headers);
        this.body = body == null ? "" : body;
        this.requestId = firstHeader(this.headers, "x-amzn-requestid");
        this.errorCode = parsed.code;
        this.serviceMessage = parsed.message;
    }

    /** What was being done when the error came back, e.g. {@code "send skill message"}. */
    public String operation() {
        return operation;
    }

    /** The HTTP status code. */
    public int statusCode() {
        return statusCode;
    }

    /** Response headers, unmodifiable, with case-insensitive names. */
    public Map<String, List<String>> headers() {
        return headers == null ? Map.of() : headers;
    }

    /** The first value of a response header, looked up case-insensitively. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(firstHeader(headers(), name));
    }

    /** The raw response body, decoded as UTF-8; empty when there was none. */
    public String body() {
        return body;
    }

    /** Amazon's request id ({@code X-Amzn-RequestId}), to quote to Amazon support. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /**
     * The service's own error code: {@code code} of Skill Messaging, {@code type} of List
     * Management, {@code error} of Login-With-Amazon (e.g. {@code invalid_client}).
     */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    /**
     * The service's own error text: {@code message}/{@code Message}, or LWA's
     * {@code error_description}.
     */
    public Optional<String> serviceMessage() {
        return Optional.ofNullable(serviceMessage);
    }

    private static String describe(String operation, int status, Parsed parsed, String requestId) {
        StringBuilder sb = new StringBuilder();
        sb.append("HTTP ").append(status).append(" from ").append(operation);
        if (parsed.code != null || parsed.message != null) {
            sb.append(':');
            if (parsed.code != null) {
                sb.append(" [").append(parsed.code).append(']');
            }
            if (parsed.message != null) {
                sb.append(' ').append(truncate(parsed.message));
            }
        }
        if (requestId != null) {
            sb.append(" (request id ").append(requestId).append(')');
        }
        return sb.toString();
    }

    private static String truncate(String s) {
        return s.length() <= MAX_MESSAGE_CHARS ? s : s.substring(0, MAX_MESSAGE_CHARS) + "…";
    }

    private static Map<String, List<String>> copyHeaders(Map<String, List<String>> headers) {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((k, v) -> {
                if (k != null && v != null) {
                    copy.put(k, List.copyOf(v));
                }
            });
        }
        return java.util.Collections.unmodifiableMap(copy);
    }

    private static String firstHeader(Map<String, List<String>> headers, String name) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null
                    && e.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))
                    && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    /** The error code and message found in a JSON error body of any of Amazon's three shapes. */
    private static final class Parsed {
        final String code;
        final String message;

        private Parsed(String code, String message) {
            this.code = code;
            this.message = message;
        }

        static Parsed of(String body) {
            JsonNode node = body == null ? null : Json.readTreeOrNull(body.getBytes(StandardCharsets.UTF_8));
            if (node == null || !node.isObject()) {
                return new Parsed(null, null);
            }
            String code = text(node, "error", "code", "type");
            String message = text(node, "error_description", "message", "Message");
            return new Parsed(code, message);
        }

        private static String text(JsonNode node, String... names) {
            for (String name : names) {
                JsonNode v = node.get(name);
                if (v != null && v.isValueNode() && !v.asText().isEmpty()) {
                    return v.asText();
                }
            }
            return null;
        }
    }
}
