package io.github.skillmessaging.testing;

import io.github.skillmessaging.http.HttpTransport;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** An in-memory transport that records requests and answers with a function. */
public final class FakeTransport implements HttpTransport {
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Function<Request, Response> answer;

    public FakeTransport(Function<Request, Response> answer) {
        this.answer = answer;
    }

    /** Answers LWA with a one-hour token and everything else with 202. */
    public static FakeTransport accepting() {
        return new FakeTransport(r -> r.uri().getPath().equals("/auth/o2/token")
                ? new Response(200, Map.of("Content-Type", List.of("application/json")),
                        "{\"access_token\":\"tok\",\"token_type\":\"bearer\",\"expires_in\":3600}".getBytes())
                : new Response(202, Map.of("X-Amzn-RequestId", List.of("id-1")), null));
    }

    @Override
    public CompletableFuture<Response> send(Request request) {
        requests.add(request);
        return CompletableFuture.completedFuture(answer.apply(request));
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }
}
