package io.github.skillmessaging.internal;

import io.github.skillmessaging.http.HttpTransport;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the SDK's HTTP requests: headers and encodings in one place. */
public final class Requests {
    /** Sent as {@code User-Agent} on every request. */
    public static final String USER_AGENT = "skillmessaging-java/" + Version.get();

    private Requests() {
    }

    /**
     * A JSON request with {@code Authorization: Bearer token}; {@code body} is serialized with
     * {@link Json}, or sent empty when {@code null}. The timeout is set per attempt later.
     */
    public static HttpTransport.Request bearerJson(String method, URI uri, String token, Object body) {
        return bearerJsonBytes(method, uri, token, body == null ? null : Json.write(body));
    }

    /** {@link #bearerJson} with the body already serialized (bulk sends serialize once). */
    public static HttpTransport.Request bearerJsonBytes(String method, URI uri, String token, byte[] json) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + token);
        headers.put("Accept", "application/json");
        headers.put("User-Agent", USER_AGENT);
        if (json != null) {
            headers.put("Content-Type", "application/json");
        }
        return new HttpTransport.Request(method, uri, headers, json, java.time.Duration.ofSeconds(10));
    }

    /** {@code application/x-www-form-urlencoded} body from name/value pairs, in their order. */
    public static byte[] form(Map<String, String> fields) {
        StringBuilder sb = new StringBuilder();
        fields.forEach((name, value) -> {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Encodes one URL path segment (RFC 3986): everything but unreserved characters is
     * percent-encoded, so {@code /}, {@code +}, {@code =} and spaces in ids stay inside their segment.
     */
    public static String pathSegment(String segment) {
        StringBuilder sb = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }
}
