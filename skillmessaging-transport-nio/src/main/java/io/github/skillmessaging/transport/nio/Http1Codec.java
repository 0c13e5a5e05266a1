package io.github.skillmessaging.transport.nio;

import io.github.skillmessaging.http.HttpTransport;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.net.ProtocolException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 on the wire for {@link NioTransport}: encodes a request and parses a response fed in
 * pieces as they arrive. Not thread-safe; one parser per exchange.
 */
final class Http1Codec {
    /** See {@link #headerLines}; any thread may replace it. */
    private static volatile HeaderLines lastHeaderLines;

    /** Headers the codec writes itself; callers' values for them are ignored. */
    private static final List<String> OWN_HEADERS =
            List.of("host", "content-length", "connection", "transfer-encoding", "expect", "upgrade", "te");
    /** {@link #OWN_HEADERS} by length (no two have the same), for a lookup without a loop. */
    private static final String[] OWN_BY_LENGTH = byLength(OWN_HEADERS);

    private static final byte[] NO_BYTES = new byte[0];
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    /** The characters of an HTTP token (RFC 9110 5.6.2) besides letters and digits. */
    private static final String TCHAR_SYMBOLS = "!#$%&'*+-.^_`|~";

    /** The names in an array indexed by their length; no two may have the same length. */
    private static String[] byLength(List<String> names) {
        String[] table =
                new String[names.stream().mapToInt(String::length).max().orElse(0) + 1];
        for (String name : names) {
            if (table[name.length()] != null) {
                throw new IllegalArgumentException(name + " has the length of " + table[name.length()]);
            }
            table[name.length()] = name;
        }
        return table;
    }

    private Http1Codec() {}

    /** The request head and body as bytes, ready to write. */
    static byte[] encode(HttpTransport.Request request) throws ProtocolException {
        checkMethod(request.method());
        byte[] headerLines = headerLines(request.headers());
        String target = requestTarget(request.uri());
        byte[] body = request.body();
        int headLength = writeHead(request, target, headerLines, body.length, null);
        byte[] all = new byte[headLength + body.length];
        writeHead(request, target, headerLines, body.length, all);
        System.arraycopy(body, 0, all, headLength, body.length);
        return all;
    }

    /**
     * The checked header lines of {@code headers} (but {@code Host} and {@code Content-Length},
     * which this codec writes). A request's headers never change, and requests made from one
     * another share them (a client sending many requests), so the lines of the last headers
     * encoded are kept for the next request that shares them.
     */
    private static byte[] headerLines(Map<String, String> headers) throws ProtocolException {
        HeaderLines last = lastHeaderLines;
        if (last != null && last.headers() == headers) {
            return last.lines();
        }
        int length = 0;
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (!ownHeader(header.getKey())) {
                checkHeader(header.getKey(), header.getValue());
                length += header.getKey().length() + header.getValue().length() + 4;
            }
        }
        byte[] lines = new byte[length];
        int at = 0;
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (!ownHeader(header.getKey())) {
                at = putChecked(lines, at, header.getKey());
                at = put(lines, at, ": ");
                at = putChecked(lines, at, header.getValue());
                at = put(lines, at, "\r\n");
            }
        }
        lastHeaderLines = new HeaderLines(headers, lines);
        return lines;
    }

    /** The encoded lines of one request's headers; compared by identity, never shown. */
    @SuppressWarnings("ArrayRecordComponent") // never compared or changed: a cache entry
    private record HeaderLines(Map<String, String> headers, byte[] lines) {
        @Override
        public String toString() {
            return "HeaderLines[" + lines.length + " bytes]"; // headers may hold tokens
        }
    }

    /**
     * Writes the request head into {@code out} from index 0, or only counts its bytes when
     * {@code out} is null (so that the request is encoded into one array of the exact size).
     */
    private static int writeHead(
            HttpTransport.Request request, String target, byte[] headerLines, int bodyLength, byte[] out) {
        URI uri = request.uri();
        String method = request.method();
        int at = put(out, 0, method);
        at = put(out, at, " ");
        at = put(out, at, target);
        at = put(out, at, " HTTP/1.1\r\nHost: ");
        at = put(out, at, uri.getHost());
        int defaultPort = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        if (uri.getPort() != -1 && uri.getPort() != defaultPort) {
            at = put(out, at, ":");
            at = put(out, at, Integer.toString(uri.getPort()));
        }
        at = put(out, at, "\r\n");
        if (out != null) {
            System.arraycopy(headerLines, 0, out, at, headerLines.length);
        }
        at += headerLines.length;
        if (bodyLength > 0 || method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
            at = put(out, at, "Content-Length: ");
            at = put(out, at, Integer.toString(bodyLength));
            at = put(out, at, "\r\n");
        }
        return put(out, at, "\r\n");
    }

    /**
     * The path and query of {@code uri} as they go on the request line, as {@code java.net.http}
     * writes them: the raw (still percent-encoded) path, {@code /} when empty, then {@code ?} and
     * the raw query unless it is empty; characters beyond ASCII (which {@link URI} keeps as they
     * are in its raw forms) normalized to NFC and percent-encoded in UTF-8, as
     * {@link URI#toASCIIString()} does. The fragment is never sent.
     */
    static String requestTarget(URI uri) throws ProtocolException {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery();
        String target = query == null || query.isEmpty() ? path : path + "?" + query;
        for (int i = 0; i < target.length(); i++) {
            if (target.charAt(i) >= 0x80) {
                return percentEncodeNonAscii(target);
            }
        }
        return target;
    }

    private static String percentEncodeNonAscii(String text) throws ProtocolException {
        ByteBuffer utf8;
        try {
            utf8 = StandardCharsets.UTF_8
                    .newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(Normalizer.normalize(text, Normalizer.Form.NFC)));
        } catch (CharacterCodingException e) {
            throw new ProtocolException(
                    "URI path or query with a character that is not valid UTF-16 (a lone surrogate)");
        }
        StringBuilder ascii = new StringBuilder(utf8.remaining() + 16);
        while (utf8.hasRemaining()) {
            int b = utf8.get() & 0xff;
            if (b >= 0x80) {
                ascii.append('%').append(HEX[b >> 4]).append(HEX[b & 0xf]);
            } else {
                ascii.append((char) b);
            }
        }
        return ascii.toString();
    }

    /** Writes {@code text} as ISO-8859-1 ({@code ?} for characters beyond it) at {@code at}. */
    private static int put(byte[] out, int at, String text) {
        if (out != null) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                out[at + i] = (byte) (c <= 255 ? c : '?');
            }
        }
        return at + text.length();
    }

    /** {@link #put} for text already checked to hold no character beyond ISO-8859-1 (header names and values). */
    @SuppressWarnings("deprecation") // the one String method that copies Latin-1 text into a byte array as is
    private static int putChecked(byte[] out, int at, String text) {
        if (out != null) {
            text.getBytes(0, text.length(), out, at);
        }
        return at + text.length();
    }

    private static boolean ownHeader(String name) {
        String own = name.length() < OWN_BY_LENGTH.length ? OWN_BY_LENGTH[name.length()] : null;
        return own != null && own.equalsIgnoreCase(name);
    }

    private static void checkMethod(String method) throws ProtocolException {
        if (method.equals("POST") || method.equals("GET") || method.equals("PUT") || method.equals("DELETE")) {
            return; // the SDK's own
        }
        if (method.isEmpty()) {
            throw new ProtocolException("empty method");
        }
        for (int i = 0; i < method.length(); i++) {
            char c = method.charAt(i);
            if (c <= ' ' || c >= 127 || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) {
                throw new ProtocolException("method with a character not allowed in HTTP");
            }
        }
    }

    private static void checkHeader(String name, String value) throws ProtocolException {
        if (name.isEmpty()) {
            throw new ProtocolException("empty header name");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 127 || c == ':') {
                throw new ProtocolException("header name with a character not allowed in HTTP: " + name);
            }
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < ' ' && c != '\t') || c == 127 || c > 255) {
                throw new ProtocolException("value of header " + name + " has a character not allowed in HTTP");
            }
        }
    }

    /** Parses one response from bytes fed as they arrive. */
    static final class ResponseParser {
        /** Response header names common enough to share one lower-case string. */
        private static final String[] COMMON_BY_LENGTH = byLength(List.of(
                "content-length",
                "content-type",
                "date",
                "server",
                "connection",
                "transfer-encoding",
                "x-amzn-requestid",
                "retry-after",
                "cache-control",
                "strict-transport-security",
                "x-amzn-trace-id",
                "location")); // one name per length

        private enum State {
            STATUS_LINE,
            HEADERS,
            FIXED_BODY,
            CHUNK_SIZE,
            CHUNK_DATA,
            CHUNK_END,
            TRAILERS,
            BODY_TO_EOF,
            DONE
        }

        private final boolean headRequest;
        private final int maxHeaderBytes;
        private final long maxBodyBytes;
        private ByteArrayOutputStream line; // the start of a line split between reads
        private ByteArrayOutputStream body; // null while no body byte has come
        private State state = State.STATUS_LINE;
        private TreeMap<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private int status;
        private boolean http11;
        private long remaining;
        private int headerBytes;
        private long bytesSeen;

        ResponseParser(boolean headRequest, int maxHeaderBytes, long maxBodyBytes) {
            this.headRequest = headRequest;
            this.maxHeaderBytes = maxHeaderBytes;
            this.maxBodyBytes = maxBodyBytes;
        }

        /** Whether any byte of the response has arrived. */
        boolean started() {
            return bytesSeen > 0;
        }

        boolean isDone() {
            return state == State.DONE;
        }

        /**
         * Consumes bytes from {@code in}; returns true once the response is complete. Bytes after
         * the end of the response are left in {@code in}.
         */
        boolean feed(ByteBuffer in) throws ProtocolException {
            while (in.hasRemaining() && state != State.DONE) {
                int before = in.remaining();
                switch (state) {
                    case STATUS_LINE, HEADERS, CHUNK_SIZE, CHUNK_END, TRAILERS -> {
                        String text = readLine(in);
                        if (text != null) {
                            onLine(text);
                        }
                    }
                    case FIXED_BODY, CHUNK_DATA -> {
                        int n = (int) Math.min(remaining, in.remaining());
                        appendBody(in, n);
                        remaining -= n;
                        if (remaining == 0) {
                            state = state == State.FIXED_BODY ? State.DONE : State.CHUNK_END;
                        }
                    }
                    case BODY_TO_EOF -> appendBody(in, in.remaining());
                    default -> throw new IllegalStateException(state.name());
                }
                bytesSeen += before - in.remaining();
            }
            return state == State.DONE;
        }

        /** The peer closed the connection: completes a body read to the end, or fails. */
        boolean endOfStream() throws EOFException {
            if (state == State.BODY_TO_EOF) {
                state = State.DONE;
                return true;
            }
            if (state == State.DONE) {
                return true;
            }
            throw new EOFException(
                    bytesSeen == 0
                            ? "connection closed before any response"
                            : "connection closed in the middle of the response");
        }

        /** Whether the connection may carry another request after this response. */
        boolean keepAlive() {
            if (state != State.DONE || status == 0) {
                return false;
            }
            boolean close = false;
            boolean keep = false;
            for (String value : headers.getOrDefault("connection", List.of())) {
                String v = value.toLowerCase(Locale.ROOT);
                close |= v.contains("close");
                keep |= v.contains("keep-alive");
            }
            return http11 ? !close : keep;
        }

        HttpTransport.Response response() {
            // Response copies the map into its own case-insensitive, unmodifiable headers
            return new HttpTransport.Response(status, headers, body == null ? NO_BYTES : body.toByteArray());
        }

        private void appendBody(ByteBuffer in, int n) throws ProtocolException {
            if (body == null) {
                body = new ByteArrayOutputStream(Math.min(n, 64 * 1024));
            }
            if (body.size() + (long) n > maxBodyBytes) {
                throw new ProtocolException("response body larger than " + maxBodyBytes + " bytes");
            }
            if (in.hasArray()) {
                body.write(in.array(), in.arrayOffset() + in.position(), n);
                in.position(in.position() + n);
            } else {
                byte[] chunk = new byte[n];
                in.get(chunk);
                body.write(chunk, 0, n);
            }
        }

        /** A whole line without its CRLF, or null when the line is not complete yet. */
        private String readLine(ByteBuffer in) throws ProtocolException {
            int start = in.position();
            int limit = in.limit();
            int newline = -1;
            for (int i = start; i < limit; i++) {
                if (in.get(i) == '\n') {
                    newline = i;
                    break;
                }
            }
            int taken = (newline < 0 ? limit : newline + 1) - start;
            int pending = line == null ? 0 : line.size();
            boolean head = state == State.STATUS_LINE || state == State.HEADERS || state == State.TRAILERS;
            if (pending + taken > maxHeaderBytes || (head && (headerBytes += taken) > maxHeaderBytes)) {
                throw new ProtocolException("response head larger than " + maxHeaderBytes + " bytes");
            }
            if (newline >= 0 && pending == 0 && in.hasArray()) { // the whole line in this read: no copy
                int end = newline > start && in.get(newline - 1) == '\r' ? newline - 1 : newline;
                in.position(newline + 1);
                return new String(in.array(), in.arrayOffset() + start, end - start, StandardCharsets.ISO_8859_1);
            }
            byte[] bytes = new byte[newline < 0 ? taken : taken - 1];
            in.get(bytes);
            if (newline < 0) {
                if (line == null) {
                    line = new ByteArrayOutputStream(Math.max(128, bytes.length));
                }
                line.write(bytes, 0, bytes.length);
                return null;
            }
            in.get(); // the newline
            if (pending > 0) {
                line.write(bytes, 0, bytes.length);
                bytes = line.toByteArray();
                line.reset();
            }
            int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
            return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        }

        private void onLine(String text) throws ProtocolException {
            switch (state) {
                case STATUS_LINE -> statusLine(text);
                case HEADERS -> {
                    if (text.isEmpty()) {
                        endOfHead();
                    } else {
                        header(text);
                    }
                }
                case CHUNK_SIZE -> chunkSize(text);
                case CHUNK_END -> {
                    if (!text.isEmpty()) {
                        throw new ProtocolException("chunk not followed by CRLF");
                    }
                    state = State.CHUNK_SIZE;
                }
                case TRAILERS -> {
                    if (text.isEmpty()) {
                        state = State.DONE;
                    }
                }
                default -> throw new IllegalStateException(state.name());
            }
        }

        private void statusLine(String text) throws ProtocolException {
            if (text.isEmpty()) {
                return; // tolerate stray CRLFs before a status line (counted against the head limit)
            }
            // version SP status [SP reason]
            int space = text.indexOf(' ');
            int codeEnd = space < 0 ? -1 : text.indexOf(' ', space + 1);
            codeEnd = codeEnd < 0 ? text.length() : codeEnd;
            if (space != 8
                    || !text.startsWith("HTTP/1.")
                    || !digit(text.charAt(7))
                    || codeEnd - space - 1 != 3
                    || !digit(text.charAt(9))
                    || !digit(text.charAt(10))
                    || !digit(text.charAt(11))) {
                throw new ProtocolException("not an HTTP/1.x status line: " + abbreviate(text));
            }
            status = Integer.parseInt(text, space + 1, codeEnd, 10);
            if (status < 100) {
                throw new ProtocolException("status out of range: " + status);
            }
            http11 = !text.startsWith("HTTP/1.0");
            state = State.HEADERS;
        }

        /**
         * One {@code name: value} line (RFC 9112 5): the name a token with no whitespace before the
         * colon (which also refuses obsolete line folding), the value without its surrounding
         * spaces and tabs and with no control character but tab.
         */
        private void header(String text) throws ProtocolException {
            int colon = text.indexOf(':');
            if (colon <= 0) {
                // not echoed: a line without a colon may be the value of a header (a cookie, a token)
                throw new ProtocolException(
                        "malformed response header line (no name and colon, " + text.length() + " characters)");
            }
            for (int i = 0; i < colon; i++) {
                if (!tchar(text.charAt(i))) { // only the valid start is shown: the rest may be a value
                    throw new ProtocolException("response header name with a character not allowed in HTTP "
                            + "(whitespace before the colon?) after: " + abbreviate(text.substring(0, i)));
                }
            }
            String name = lowerCaseName(text, colon);
            int valueStart = colon + 1;
            int valueEnd = text.length();
            while (valueStart < valueEnd && ows(text.charAt(valueStart))) {
                valueStart++;
            }
            while (valueEnd > valueStart && ows(text.charAt(valueEnd - 1))) {
                valueEnd--;
            }
            for (int i = valueStart; i < valueEnd; i++) {
                char c = text.charAt(i);
                if ((c < ' ' && c != '\t') || c == 127) {
                    throw new ProtocolException("value of response header " + abbreviate(text.substring(0, colon))
                            + " has a control character");
                }
            }
            String value = text.substring(valueStart, valueEnd);
            List<String> before = headers.putIfAbsent(name, List.of(value)); // one value: no list to grow
            if (before != null) {
                List<String> all = new ArrayList<>(before);
                all.add(value);
                headers.put(name, List.copyOf(all));
            }
        }

        private void endOfHead() throws ProtocolException {
            if (status >= 100 && status < 200) {
                if (status == 101) {
                    throw new ProtocolException("unexpected 101 Switching Protocols");
                }
                state = State.STATUS_LINE; // 100 Continue, 103 Early Hints: the real response follows
                status = 0;
                headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                return;
            }
            List<String> encodings = headers.getOrDefault("transfer-encoding", List.of());
            List<String> lengths = headers.getOrDefault("content-length", List.of());
            // the framing is checked even where no body follows: a response that frames badly is not trusted
            if (!encodings.isEmpty() && !lengths.isEmpty()) {
                // RFC 9112 6.3: a sign of request smuggling; the connection is closed with the failure
                throw new ProtocolException("response with both Content-Length and Transfer-Encoding");
            }
            if (!encodings.isEmpty()) {
                checkOnlyChunked(encodings);
            }
            long length = lengths.isEmpty() ? -1 : contentLength(lengths);
            if (headRequest || status == 204 || status == 304) {
                state = State.DONE;
            } else if (!encodings.isEmpty()) {
                state = State.CHUNK_SIZE;
            } else if (length >= 0) {
                remaining = length;
                if (remaining > maxBodyBytes) {
                    throw new ProtocolException("response body larger than " + maxBodyBytes + " bytes");
                }
                // no more up front than a read brings: the length is the server's word, the bytes may never come
                if (remaining > 0) {
                    body = new ByteArrayOutputStream((int) Math.min(remaining, 64 * 1024));
                }
                state = remaining == 0 ? State.DONE : State.FIXED_BODY;
            } else {
                state = State.BODY_TO_EOF;
                headers.put("connection", List.of("close"));
            }
        }

        /** Transfer codings other than {@code chunked} alone are not decoded: refused (RFC 9112 6.1). */
        private static void checkOnlyChunked(List<String> values) throws ProtocolException {
            int codings = 0;
            for (String value : values) {
                for (String coding : value.split(",", -1)) {
                    if (!strip(coding).equalsIgnoreCase("chunked") || ++codings > 1) {
                        throw new ProtocolException("unsupported Transfer-Encoding: "
                                + abbreviate(String.join(", ", values)) + " (only chunked is accepted)");
                    }
                }
            }
        }

        /**
         * {@code 1*DIGIT}, or a list of equal ones (RFC 9110 8.6): no sign, no space within a
         * number, no empty element, no value too large for a {@code long}.
         */
        private static long contentLength(List<String> values) throws ProtocolException {
            long length = -1;
            for (String value : values) {
                for (String part : value.split(",", -1)) {
                    long parsed = digits(strip(part), 10);
                    if (parsed < 0 || (length != -1 && parsed != length)) {
                        throw new ProtocolException(
                                "malformed Content-Length: " + abbreviate(String.join(", ", values)));
                    }
                    length = parsed;
                }
            }
            return length;
        }

        /** {@code chunk-size [BWS ; chunk-ext]} (RFC 9112 7.1): hex digits only, no sign, no space before. */
        private void chunkSize(String text) throws ProtocolException {
            int end = 0;
            while (end < text.length() && Character.digit(text.charAt(end), 16) >= 0 && text.charAt(end) < 0x80) {
                end++;
            }
            int extension = end;
            while (extension < text.length() && ows(text.charAt(extension))) {
                extension++;
            }
            long size = digits(text.substring(0, end), 16);
            if (size < 0 || (extension < text.length() ? text.charAt(extension) != ';' : extension != end)) {
                throw new ProtocolException("malformed chunk size: " + abbreviate(text));
            }
            if (size == 0) {
                state = State.TRAILERS;
            } else {
                remaining = size;
                state = State.CHUNK_DATA;
            }
        }

        /**
         * The value of {@code text}, all ASCII digits of {@code radix} and at least one, or -1 when
         * it is anything else or does not fit in 60 bits (far beyond any body this parser takes).
         */
        private static long digits(String text, int radix) {
            if (text.isEmpty()) {
                return -1;
            }
            long value = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                int digit = c < 0x80 ? Character.digit(c, radix) : -1;
                if (digit < 0 || value > (1L << 60) / radix) {
                    return -1;
                }
                value = value * radix + digit;
            }
            return value;
        }

        /** {@code text} without the spaces and tabs (OWS) around it. */
        private static String strip(String text) {
            int start = 0;
            int end = text.length();
            while (start < end && ows(text.charAt(start))) {
                start++;
            }
            while (end > start && ows(text.charAt(end - 1))) {
                end--;
            }
            return text.substring(start, end);
        }

        private static boolean ows(char c) {
            return c == ' ' || c == '\t';
        }

        private static boolean digit(char c) {
            return c >= '0' && c <= '9';
        }

        private static boolean tchar(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || digit(c) || TCHAR_SYMBOLS.indexOf(c) >= 0;
        }

        /** The name in lower case: a shared constant for common names, else a new string. */
        private static String lowerCaseName(String text, int end) {
            String known = end < COMMON_BY_LENGTH.length ? COMMON_BY_LENGTH[end] : null;
            if (known != null && text.regionMatches(true, 0, known, 0, end)) {
                return known;
            }
            return text.substring(0, end).toLowerCase(Locale.ROOT);
        }

        private static String abbreviate(String text) {
            return text.length() <= 40 ? text : text.substring(0, 40) + "…";
        }
    }
}
