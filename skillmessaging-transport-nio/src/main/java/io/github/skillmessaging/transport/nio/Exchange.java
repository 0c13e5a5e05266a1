package io.github.skillmessaging.transport.nio;

import io.github.skillmessaging.http.HttpTransport.Request;
import io.github.skillmessaging.http.HttpTransport.Response;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * One request and its answer. The I/O thread decides the outcome once ({@link #succeed},
 * {@link #fail}); the future the caller holds is completed on the callback executor, so that the
 * caller's stages never run on the I/O thread.
 */
final class Exchange {
    private static final System.Logger LOG = System.getLogger(NioTransport.class.getName());

    final Request request;
    final Route route;
    final byte[] bytes;
    final long deadline;
    final CompletableFuture<Response> future = new CompletableFuture<>();
    private final Executor callbacks;
    private volatile boolean decided; // volatile: a dead I/O loop's requests are failed by the callers' threads
    Http1Codec.ResponseParser parser;
    boolean resent;

    Exchange(Request request, Route route, byte[] bytes, long deadline, Executor callbacks) {
        this.request = request;
        this.route = route;
        this.bytes = bytes;
        this.deadline = deadline;
        this.callbacks = callbacks;
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
            hand(() -> future.complete(response));
        }
    }

    void fail(Throwable error) {
        if (!decided) {
            decided = true;
            hand(() -> future.completeExceptionally(error));
        }
    }

    /** Completes on the callback executor; on this thread if that executor refuses, rather than never. */
    private void hand(Runnable completion) {
        try {
            callbacks.execute(completion);
        } catch (RuntimeException e) { // RejectedExecutionException: a shut down executor of the user's
            LOG.log(
                    System.Logger.Level.DEBUG,
                    "the callback executor refused a completion; completing " + request + " on "
                            + Thread.currentThread().getName(),
                    e);
            completion.run();
        }
    }
}
