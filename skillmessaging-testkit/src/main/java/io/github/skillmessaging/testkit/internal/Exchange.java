package io.github.skillmessaging.testkit.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One request to a {@link LoopbackServer} and its answer, with the methods of the JDK's
 * {@code HttpExchange} that the sandbox uses. The answer is buffered and written in one piece
 * (status line, headers and body) when the exchange is closed.
 */
public final class Exchange {
    /** Header names are case-insensitive; values in the order received or set. */
    public static final class Headers extends TreeMap<String, List<String>> {
        private static final long serialVersionUID = 1L;

        Headers() {
            super(String.CASE_INSENSITIVE_ORDER);
        }

        /** The first value of {@code name}, or {@code null}. */
        public String getFirst(String name) {
            List<String> values = get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        /** Replaces the values of {@code name} with {@code value}. */
        public void set(String name, String value) {
            List<String> values = new ArrayList<>();
            values.add(value);
            put(name, values);
        }

        /** Adds {@code value} to those of {@code name}. */
        public void add(String name, String value) {
            computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
    }

    private final String method;
    private final URI uri;
    private final Headers requestHeaders;
    private final byte[] requestBody;
    private final Headers responseHeaders = new Headers();
    private final ByteArrayOutputStream responseBody = new ByteArrayOutputStream();
    private final Connection connection;
    private int status = -1;
    private boolean closed;

    /** Where a closed exchange goes: its bytes, or the end of the connection when it sent no status. */
    interface Connection {
        void answer(byte[] head, byte[] body) throws IOException;

        void abort();
    }

    Exchange(String method, URI uri, Headers requestHeaders, byte[] requestBody, Connection connection) {
        this.method = method;
        this.uri = uri;
        this.requestHeaders = requestHeaders;
        this.requestBody = requestBody;
        this.connection = connection;
    }

    public String getRequestMethod() {
        return method;
    }

    public URI getRequestURI() {
        return uri;
    }

    public Headers getRequestHeaders() {
        return requestHeaders;
    }

    public InputStream getRequestBody() {
        return new ByteArrayInputStream(requestBody);
    }

    public Headers getResponseHeaders() {
        return responseHeaders;
    }

    /**
     * Sets the status. {@code length} is accepted for the {@code HttpExchange} shape only: the
     * {@code Content-Length} is always that of what was written to {@link #getResponseBody()}.
     */
    public void sendResponseHeaders(int status, long length) {
        if (this.status != -1) {
            throw new IllegalStateException("The status was sent already");
        }
        this.status = status;
    }

    /** The answer's body, sent when the exchange is closed. */
    public OutputStream getResponseBody() {
        return new OutputStream() {
            @Override
            public void write(int b) {
                responseBody.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                responseBody.write(b, off, len);
            }
        };
    }

    /**
     * Sends the answer in one write; without a status, ends the connection instead, so the client
     * sees it close with no answer. Idempotent.
     */
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (status == -1) {
            connection.abort();
            return;
        }
        byte[] body = "HEAD".equals(method) || status == 204 || status == 304 || status < 200
                ? new byte[0]
                : responseBody.toByteArray();
        StringBuilder head = new StringBuilder(256)
                .append("HTTP/1.1 ")
                .append(status)
                .append(' ')
                .append(reason(status))
                .append("\r\n");
        head.append("Date: ")
                .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)))
                .append("\r\n");
        for (Map.Entry<String, List<String>> header : responseHeaders.entrySet()) {
            if (!header.getKey().equalsIgnoreCase("Content-Length")
                    && !header.getKey().equalsIgnoreCase("Transfer-Encoding")) {
                for (String value : header.getValue()) {
                    head.append(header.getKey()).append(": ").append(value).append("\r\n");
                }
            }
        }
        if (status >= 200 && status != 204 && status != 304) {
            head.append("Content-Length: ")
                    .append("HEAD".equals(method) ? responseBody.size() : body.length)
                    .append("\r\n");
        }
        head.append("\r\n");
        connection.answer(head.toString().getBytes(StandardCharsets.ISO_8859_1), body);
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 204 -> "No Content";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }
}
