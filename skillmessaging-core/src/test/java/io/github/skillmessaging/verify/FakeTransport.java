package io.github.skillmessaging.verify;

import io.github.skillmessaging.http.HttpTransport;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** Serves certificate chains from memory and counts downloads. */
final class FakeTransport implements HttpTransport {
    private final Map<URI, Function<Request, CompletableFuture<Response>>> routes = new ConcurrentHashMap<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();

    FakeTransport serve(String url, byte[] body) {
        return route(url, r -> CompletableFuture.completedFuture(new Response(200, Map.of(), body)));
    }

    FakeTransport route(String url, Function<Request, CompletableFuture<Response>> handler) {
        routes.put(URI.create(url), handler);
        return this;
    }

    int downloads() {
        return requests.size();
    }

    @Override
    public CompletableFuture<Response> send(Request request) {
        requests.add(request);
        Function<Request, CompletableFuture<Response>> handler = routes.get(request.uri());
        return handler == null
                ? CompletableFuture.completedFuture(new Response(404, Map.of(), new byte[0]))
                : handler.apply(request);
    }
}
