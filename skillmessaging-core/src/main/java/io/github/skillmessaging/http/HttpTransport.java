package io.github.skillmessaging.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * The one seam between the SDK and the network: send one HTTP request, get one response.
 *
 * <p>The default is {@link JdkHttpTransport} on {@code java.net.http} (the JVM's proxies, TLS and
 * trust store; HTTP/2 where the server offers it). {@link UrlConnectionTransport} blocks one pool
 * thread per request; the opt-in module {@code skillmessaging-transport-nio} has a non-blocking
 * HTTP/1.1 transport for very high fan-out. Plug in your own (another client, a recording fake)
 * through the clients' builders, and check it with the contract suite of
 * {@code skillmessaging-testkit}. An implementation must be
 * thread-safe, must complete the future with a {@link Response} for every HTTP answer whatever its
 * status, and must fail it with {@link io.github.skillmessaging.error.TransportException} when no
 * answer came, or {@link io.github.skillmessaging.error.ApiTimeoutException} when
 * {@link Request#timeout()} passed first. Retries, error mapping and authentication happen above
 * this interface.
 */
public interface HttpTransport extends AutoCloseable {

    /** Sends {@code request}; the future completes with the response, whatever its status. */
    CompletableFuture<Response> send(Request request);

    /** Releases resources the transport owns. Does nothing by default. Throws no checked exception. */
    @Override
    default void close() {}

    /**
     * An HTTP request as the SDK builds it.
     *
     * @param method {@code GET}, {@code POST}, {@code PUT} or {@code DELETE}
     * @param uri absolute URI
     * @param headers header names and single values (never {@code Host} or {@code Content-Length})
     * @param body the body bytes; empty for none
     * @param timeout the limit for this attempt, from sending to the end of the response
     */
    @SuppressWarnings("ArrayRecordComponent") // body is copied in and out; equals and hashCode compare its bytes
    record Request(String method, URI uri, Map<String, String> headers, byte[] body, Duration timeout) {
        public Request {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(timeout, "timeout");
            headers = headers instanceof SortedHeaders own ? own : SortedHeaders.copyOf(headers);
            body = body == null ? new byte[0] : body.clone();
        }

        /** A copy of the body bytes. */
        @Override
        public byte[] body() {
            return body.clone();
        }

        /**
         * The headers, sorted by name and unmodifiable. Passing them to a new request shares them
         * without a copy (a client sending many requests with the same headers copies them once).
         */
        @Override
        public Map<String, String> headers() {
            return headers;
        }

        /** The same request with another timeout; this request when the timeout is the same. */
        public Request withTimeout(Duration newTimeout) {
            if (timeout.equals(newTimeout)) {
                return this; // immutable: no copy of headers and body
            }
            return new Request(method, uri, headers, body, newTimeout);
        }

        /** Shows method and URI only: headers may hold tokens and bodies may hold secrets. */
        @Override
        public String toString() {
            return method + " " + uri;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Request r
                    && method.equals(r.method)
                    && uri.equals(r.uri)
                    && headers.equals(r.headers)
                    && Arrays.equals(body, r.body)
                    && timeout.equals(r.timeout);
        }

        @Override
        public int hashCode() {
            return Objects.hash(method, uri, headers, Arrays.hashCode(body), timeout);
        }

        /** The headers of a request: a sorted copy, unmodifiable, shared by requests made from it. */
        private static final class SortedHeaders extends java.util.AbstractMap<String, String> {
            private final Map<String, String> map;

            @SuppressWarnings("NonApiType") // the type says what the caller hands over: a sorted map it owns
            private SortedHeaders(TreeMap<String, String> owned) {
                this.map = Collections.unmodifiableMap(owned);
            }

            static SortedHeaders copyOf(Map<String, String> headers) {
                return new SortedHeaders(new TreeMap<>(headers == null ? Map.of() : headers));
            }

            @Override
            public Set<Entry<String, String>> entrySet() {
                return map.entrySet(); // a few headers: AbstractMap's look-ups over it are enough
            }
        }
    }

    /**
     * An HTTP response.
     *
     * @param statusCode the status
     * @param headers the headers, with case-insensitive names
     * @param body the body bytes; empty for none
     */
    @SuppressWarnings("ArrayRecordComponent") // body is copied in and out; equals and hashCode compare its bytes
    record Response(int statusCode, Map<String, List<String>> headers, byte[] body) {
        public Response {
            headers = headers instanceof Headers parsed ? parsed : Headers.copyOf(headers);
            body = body == null ? new byte[0] : body.clone();
        }

        /** A copy of the body bytes. */
        @Override
        public byte[] body() {
            return body.clone();
        }

        /** The body decoded as UTF-8. */
        public String bodyAsString() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The first value of header {@code name}, looked up case-insensitively. */
        public Optional<String> header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }

        @Override
        public String toString() {
            return "Response[" + statusCode + ", " + body.length + " bytes]";
        }

        /**
         * The headers of a response: unmodifiable, names case-insensitive. A transport of this
         * package that builds one hands it to {@link Response} without a second copy.
         */
        static final class Headers extends java.util.AbstractMap<String, List<String>> {
            private final Map<String, List<String>> map;

            /**
             * Takes over {@code owned}, which must order names case-insensitively, hold unmodifiable
             * lists and never change again.
             */
            @SuppressWarnings("NonApiType") // the type says what the caller hands over: a sorted map it owns
            Headers(TreeMap<String, List<String>> owned) {
                if (owned.comparator() != String.CASE_INSENSITIVE_ORDER) {
                    throw new IllegalArgumentException("header names must be case-insensitive");
                }
                this.map = Collections.unmodifiableMap(owned);
            }

            static Headers copyOf(Map<String, List<String>> headers) {
                TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                if (headers != null) {
                    headers.forEach((k, v) -> {
                        if (k != null && v != null) {
                            copy.merge(k, List.copyOf(v), (a, b) -> {
                                List<String> all = new java.util.ArrayList<>(a);
                                all.addAll(b);
                                return List.copyOf(all);
                            });
                        }
                    });
                }
                return new Headers(copy);
            }

            @Override
            public Set<Entry<String, List<String>>> entrySet() {
                return map.entrySet();
            }

            @Override
            public List<String> get(Object name) {
                return map.get(name);
            }

            @Override
            public boolean containsKey(Object name) {
                return map.containsKey(name);
            }

            @Override
            public int size() {
                return map.size();
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Response r
                    && statusCode == r.statusCode
                    && headers.equals(r.headers)
                    && Arrays.equals(body, r.body);
        }

        @Override
        public int hashCode() {
            int headersHash = 0; // names hashed in lower case: equal responses differ only in their case
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                headersHash += e.getKey().toLowerCase(java.util.Locale.ROOT).hashCode()
                        ^ e.getValue().hashCode();
            }
            return Objects.hash(statusCode, headersHash, Arrays.hashCode(body));
        }
    }
}
