package io.github.skillmessaging.http;

import io.github.skillmessaging.error.ApiTimeoutException;
import io.github.skillmessaging.error.TransportException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The default {@link HttpTransport}, on the JDK's {@link HttpClient}: the JVM's proxy settings
 * ({@link java.net.ProxySelector#getDefault()}), TLS and trust store apply, HTTP/2 is negotiated
 * where the server offers it, and security fixes come with the JDK. Futures complete on the
 * client's executor, never on its selector thread. One instance is meant to be shared: the
 * {@code HttpClient} keeps connections alive and reuses them.
 */
public final class JdkHttpTransport implements HttpTransport {
    /** Connect timeout of the {@code HttpClient} this class creates itself. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** Headers {@code java.net.http} sets itself and refuses to take from callers. */
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private final HttpClient client;
    /** Whether plain-HTTP requests go as HTTP/1.1, without the client's attempt to upgrade them to h2c. */
    private final boolean cleartextHttp11;

    private JdkHttpTransport(HttpClient client, boolean cleartextHttp11) {
        this.client = Objects.requireNonNull(client, "httpClient");
        this.cleartextHttp11 = cleartextHttp11;
    }

    /**
     * A transport on a new {@code HttpClient}: HTTP/2 negotiated by ALPN over TLS (falling back to
     * HTTP/1.1), plain {@code http} (local tests, stand-ins) as HTTP/1.1 without an h2c upgrade
     * attempt, connect timeout 10 s, no redirects, the default proxy selector, TLS context and
     * executor (daemon threads). Measured in section 1d of {@code benchmarks/RESULTS.md}.
     */
    public static JdkHttpTransport create() {
        return new JdkHttpTransport(
                HttpClient.newBuilder()
                        .connectTimeout(DEFAULT_CONNECT_TIMEOUT)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build(),
                true);
    }

    /** A transport on your {@code HttpClient} (proxy, SSL context, executor, HTTP version are yours to set). */
    public static JdkHttpTransport of(HttpClient httpClient) {
        return new JdkHttpTransport(httpClient, false);
    }

    /** The underlying client. */
    public HttpClient httpClient() {
        return client;
    }

    @Override
    public CompletableFuture<Response> send(Request request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri()).timeout(request.timeout());
        if (cleartextHttp11 && "http".equalsIgnoreCase(request.uri().getScheme())) {
            builder.version(HttpClient.Version.HTTP_1_1);
        }
        request.headers().forEach((name, value) -> {
            if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                builder.header(name, value);
            }
        });
        byte[] body = request.body();
        builder.method(
                request.method(),
                body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        CompletableFuture<HttpResponse<byte[]>> sent;
        try {
            sent = client.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(
                    new TransportException(request + " could not be sent: " + e.getMessage(), e));
        }
        return sent.handle((response, failure) -> {
            if (failure != null) {
                throw new CompletionException(translate(request, unwrap(failure)));
            }
            return new Response(response.statusCode(), response.headers().map(), response.body());
        });
    }

    private static Throwable unwrap(Throwable t) {
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static RuntimeException translate(Request request, Throwable failure) {
        if (failure instanceof HttpTimeoutException) {
            return new ApiTimeoutException(
                    request + " got no answer within " + request.timeout(), request.timeout(), true, failure);
        }
        if (failure instanceof IOException) {
            return new TransportException(request + " failed: " + failure, failure);
        }
        if (failure instanceof RuntimeException re
                && (re instanceof TransportException || re instanceof ApiTimeoutException)) {
            return re;
        }
        return new TransportException(request + " failed: " + failure, failure);
    }

    /** Does nothing: {@code HttpClient} on Java 17 has no close; its threads end when unused. */
    @Override
    public void close() {}
}
