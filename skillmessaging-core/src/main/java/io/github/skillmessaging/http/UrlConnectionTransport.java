package io.github.skillmessaging.http;

import io.github.skillmessaging.error.ApiTimeoutException;
import io.github.skillmessaging.error.TransportException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An {@link HttpTransport} on the JDK's {@link HttpURLConnection}, one blocking exchange per thread
 * of its own bounded pool. Opt in with {@code .transport(UrlConnectionTransport.create(64))}.
 *
 * <p>Why it exists: on small requests {@code java.net.http}'s asynchronous client spends far more
 * CPU per request than a blocking connection; on 2 cores with 64 messages in flight it sent about a
 * fifth of what Amazon's ASK SDK (Apache HttpClient) sends (see {@code benchmarks/RESULTS.md}).
 * This transport keeps the SDK's dependency list at the JDK while closing that gap. The trade-off:
 * one thread per message in flight (size the pool to the concurrency you want, e.g. the bulk
 * concurrency), and HTTP/1.1 only.
 *
 * <p>Keep-alive: the JDK keeps at most {@code http.maxConnections} idle connections per host (5 by
 * default); run with {@code -Dhttp.maxConnections=<pool size>} so that connections are reused
 * rather than reopened. The per-request {@code timeout} is applied as the connect timeout and as
 * the read timeout (between bytes), not as one deadline; the SDK's retry loop still bounds the
 * whole call. Thread-safe; {@link #close()} stops the pool.
 */
public final class UrlConnectionTransport implements HttpTransport {
    private final ExecutorService pool;

    private UrlConnectionTransport(ExecutorService pool) {
        this.pool = pool;
    }

    /** A transport with {@code threads} daemon threads: at most that many exchanges at once. */
    public static UrlConnectionTransport create(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "skillmessaging-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        return new UrlConnectionTransport(Executors.newFixedThreadPool(threads, factory));
    }

    @Override
    public CompletableFuture<Response> send(Request request) {
        try {
            return CompletableFuture.supplyAsync(() -> exchange(request), pool);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(
                    new TransportException(request + " could not be sent: the transport is closed", e));
        }
    }

    private static Response exchange(Request request) {
        HttpURLConnection connection = null;
        try {
            // as java.net.http does: characters outside US-ASCII go out percent-encoded in UTF-8
            connection = (HttpURLConnection)
                    URI.create(request.uri().toASCIIString()).toURL().openConnection();
            int millis = (int)
                    Math.min(Integer.MAX_VALUE, Math.max(1, request.timeout().toMillis()));
            connection.setConnectTimeout(millis);
            connection.setReadTimeout(millis);
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            connection.setRequestMethod(request.method());
            for (Map.Entry<String, String> header : request.headers().entrySet()) {
                connection.setRequestProperty(header.getKey(), header.getValue());
            }
            byte[] body = request.body();
            if (body.length > 0
                    || request.method().equals("POST")
                    || request.method().equals("PUT")) {
                connection.setDoOutput(true);
                connection.setFixedLengthStreamingMode(body.length);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = connection.getResponseCode();
            Map<String, List<String>> headers = new LinkedHashMap<>();
            connection.getHeaderFields().forEach((name, values) -> {
                if (name != null) {
                    headers.put(name, values);
                }
            });
            return new Response(
                    status,
                    headers,
                    readFully(status >= 400 ? connection.getErrorStream() : connection.getInputStream()));
        } catch (SocketTimeoutException e) {
            if (connection != null) {
                connection.disconnect();
            }
            throw new ApiTimeoutException(
                    request + " got no answer within " + request.timeout(), request.timeout(), true, e);
        } catch (IOException e) {
            if (connection != null) {
                connection.disconnect();
            }
            throw new TransportException(request + " failed: " + e, e);
        }
    }

    /** Reads and closes the stream, so that the connection goes back to the keep-alive cache. */
    private static byte[] readFully(InputStream in) throws IOException {
        if (in == null) {
            return new byte[0];
        }
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    /** The pool's size is fixed at creation; exposed for diagnostics. */
    @Override
    public String toString() {
        return "UrlConnectionTransport[" + pool + "]";
    }

    /** Stops the pool; exchanges in progress finish, new ones fail with {@link TransportException}. */
    @Override
    public void close() {
        pool.shutdown();
    }
}
