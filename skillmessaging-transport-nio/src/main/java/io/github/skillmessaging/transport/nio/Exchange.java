package io.github.skillmessaging.transport.nio;

import io.github.skillmessaging.http.HttpTransport.Request;
import io.github.skillmessaging.http.HttpTransport.Response;
import java.util.concurrent.CompletableFuture;

/**
 * One request and its answer. The I/O thread decides the outcome once ({@link #succeed},
 * {@link #fail}); the future the caller holds is completed on the callback executor (through the
 * {@link Completions} of the loop that carries it), so that the caller's stages never run on the
 * I/O thread.
 */
final class Exchange {
    final Request request;
    final Route route;
    final byte[] bytes;
    final long deadline;
    final CompletableFuture<Response> future = new CompletableFuture<>();
    Completions completions; // set when the exchange is handed to an I/O loop, before it can be decided
    private volatile boolean decided; // volatile: a dead I/O loop's requests are failed by the callers' threads
    Http1Codec.ResponseParser parser;
    boolean resent;

    Exchange(Request request, Route route, byte[] bytes, long deadline) {
        this.request = request;
        this.route = route;
        this.bytes = bytes;
        this.deadline = deadline;
    }

    /** Whether the outcome is decided, or the caller cancelled (or completed) the future. */
    boolean isDone() {
        return decided || future.isDone();
    }

    boolean isCancelled() {
        return future.isCancelled();
    }

    Http1Codec.ResponseParser newParser(long maxResponseBytes) {
        parser = new Http1Codec.ResponseParser(request.method().equals("HEAD"), 64 * 1024, maxResponseBytes);
        return parser;
    }

    void succeed(Response response) {
        if (!decided) {
            decided = true;
            completions.add(() -> future.complete(response));
        }
    }

    void fail(Throwable error) {
        if (!decided) {
            decided = true;
            completions.add(() -> future.completeExceptionally(error));
        }
    }
}
