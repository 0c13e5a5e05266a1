package io.github.skillmessaging.testing;

import io.github.skillmessaging.http.HttpTransport;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The core tests' one in-memory transport: records every request and answers from its routes
 * (exact URLs, e.g. certificate chains), else with its answer function (404 when it has none).
 */
public final class FakeTransport implements HttpTransport {
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<URI, Function<Request, CompletableFuture<Response>>> routes = new ConcurrentHashMap<>();
    private final Function<Request, Response> answer;

    /** Answers only its routes; 404 for anything else. */
    public FakeTransport() {
        this(r -> new Response(404, Map.of(), new byte[0]));
    }

    /** Answers its routes, and everything else with {@code answer}. */
    public FakeTransport(Function<Request, Response> answer) {
        this.answer = answer;
    }

    /** Answers LWA with a one-hour token and everything else with 202. */
    public static FakeTransport accepting() {
        return new FakeTransport(r -> r.uri().getPath().equals("/auth/o2/token")
                ? new Response(
                        200,
                        Map.of("Content-Type", List.of("application/json")),
                        "{\"access_token\":\"tok\",\"token_type\":\"bearer\",\"expires_in\":3600}".getBytes())
                : new Response(202, Map.of("X-Amzn-RequestId", List.of("id-1")), null));
    }

    /** Answers {@code url} with 200 and {@code body}. */
    public FakeTransport serve(String url, byte[] body) {
        return route(url, r -> CompletableFuture.completedFuture(new Response(200, Map.of(), body)));
    }

    /** Answers {@code url} with {@code handler}. */
    public FakeTransport route(String url, Function<Request, CompletableFuture<Response>> handler) {
        routes.put(URI.create(url), handler);
        return this;
    }

    @Override
    public CompletableFuture<Response> send(Request request) {
        requests.add(request);
        Function<Request, CompletableFuture<Response>> handler = routes.get(request.uri());
        return handler == null ? CompletableFuture.completedFuture(answer.apply(request)) : handler.apply(request);
    }

    /** The requests sent so far, in order. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** How many requests were sent (for a verifier: certificate chain downloads). */
    public int downloads() {
        return requests.size();
    }
}
