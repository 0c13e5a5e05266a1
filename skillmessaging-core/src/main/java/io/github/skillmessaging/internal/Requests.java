package io.github.skillmessaging.internal;

import io.github.skillmessaging.http.HttpTransport;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Builds the SDK's HTTP requests: headers and encodings in one place. */
public final class Requests {
    /** Sent as {@code User-Agent} on every request. */
    public static final String USER_AGENT = "skillmessaging-java/" + Version.get();
    /** See {@link SameHeaders}; any thread may replace it. */
    private static volatile SameHeaders lastHeaders;

    private Requests() {}

    /**
     * A JSON request with {@code Authorization: Bearer token}; {@code body} is serialized with
     * {@link Json}, or sent empty when {@code null}. The timeout is set per attempt later.
     */
    public static HttpTransport.Request bearerJson(String method, URI uri, String token, Object body) {
        return bearerJsonBytes(method, uri, token, body == null ? null : Json.write(body));
    }

    /** {@link #bearerJson} with the body already serialized (bulk sends serialize once). */
    public static HttpTransport.Request bearerJsonBytes(String method, URI uri, String token, byte[] json) {
        return bearerJsonBytes(method, uri, token, json, java.time.Duration.ofSeconds(10));
    }

    /**
     * {@link #bearerJsonBytes} with the timeout of the attempt it is built for, so that
     * {@link HttpTransport.Request#withTimeout} in {@link ApiCaller#send} need not copy it.
     */
    public static HttpTransport.Request bearerJsonBytes(
            String method, URI uri, String token, byte[] json, java.time.Duration timeout) {
        boolean withBody = json != null;
        SameHeaders last = lastHeaders;
        if (last != null && last.withBody == withBody && last.token.equals(token)) {
            return new HttpTransport.Request(method, uri, last.headers, json, timeout); // shared, not copied
        }
        Map<String, String> headers = !withBody
                ? Map.of("Authorization", "Bearer " + token, "Accept", "application/json", "User-Agent", USER_AGENT)
                : Map.of(
                        "Authorization",
                        "Bearer " + token,
                        "Accept",
                        "application/json",
                        "User-Agent",
                        USER_AGENT,
                        "Content-Type",
                        "application/json");
        HttpTransport.Request request = new HttpTransport.Request(method, uri, headers, json, timeout);
        lastHeaders = new SameHeaders(token, withBody, request.headers());
        return request;
    }

    /**
     * The headers of the last request built, as the request holds them (sorted, unmodifiable):
     * the next request with the same token shares them, so a bulk send copies them once.
     */
    private record SameHeaders(String token, boolean withBody, Map<String, String> headers) {
        @Override
        public String toString() {
            return "SameHeaders[withBody=" + withBody + "]"; // never the token
        }
    }

    /** {@code application/x-www-form-urlencoded} body from name/value pairs, in their order. */
    public static byte[] form(Map<String, String> fields) {
        StringBuilder sb = new StringBuilder();
        fields.forEach((name, value) -> {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Encodes one URL path segment (RFC 3986): everything but unreserved characters is
     * percent-encoded, so {@code /}, {@code +}, {@code =} and spaces in ids stay inside their segment.
     */
    public static String pathSegment(String segment) {
        if (allUnreserved(segment)) {
            return segment; // Alexa's ids are: nothing to encode, nothing to copy
        }
        StringBuilder sb = new StringBuilder(segment.length() + 16);
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (unreserved(c)) {
                sb.append((char) c);
            } else {
                sb.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    private static boolean allUnreserved(String segment) {
        for (int i = 0; i < segment.length(); i++) {
            if (!unreserved(segment.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** An RFC 3986 unreserved character: a letter, digit, {@code -}, {@code .}, {@code _} or {@code ~}. */
    private static boolean unreserved(int c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~';
    }
}
