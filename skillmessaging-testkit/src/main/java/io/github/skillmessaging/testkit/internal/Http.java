package io.github.skillmessaging.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.skillmessaging.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Small helpers for the sandbox's {@link Exchange}s. */
public final class Http {
    private Http() {}

    /** The request body, at most 1 MiB. */
    public static byte[] body(Exchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readNBytes(1 << 20);
        }
    }

    /** Sends {@code status} with a JSON body (or none when {@code json} is null) and a request id. */
    public static void json(Exchange exchange, int status, Object json) throws IOException {
        exchange.getResponseHeaders().set("X-Amzn-RequestId", UUID.randomUUID().toString());
        byte[] bytes = json == null ? new byte[0] : Json.write(json);
        if (json != null) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    /** An error as the Alexa APIs send it: {@code {"type": ..., "message": ...}}. */
    public static void error(Exchange exchange, int status, String type, String message) throws IOException {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("type", type);
        body.put("message", message);
        json(exchange, status, body);
    }

    /** The bearer token of the request, or the empty string. */
    public static String bearer(Exchange exchange) {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return "";
        }
        return auth.substring(7).trim();
    }

    /** An {@code application/x-www-form-urlencoded} body as a map. */
    public static Map<String, String> form(byte[] body) {
        Map<String, String> fields = new LinkedHashMap<>();
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isEmpty()) {
            return fields;
        }
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            fields.put(
                    URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return fields;
    }

    /** The query parameters of the request. */
    public static Map<String, String> query(Exchange exchange) {
        String raw = exchange.getRequestURI().getRawQuery();
        return raw == null ? Map.of() : form(raw.getBytes(StandardCharsets.UTF_8));
    }
}
