package io.github.skillmessaging.internal;

import io.github.skillmessaging.error.SkillMessagingException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns async calls into blocking ones, in one place. */
public final class Futures {
    private Futures() {}

    /**
     * Waits for {@code future}. Failures are rethrown as they were raised (a
     * {@link SkillMessagingException} subclass, or the unchecked exception itself). When the
     * waiting thread is interrupted, the call is cancelled, the interrupt flag is set again and a
     * {@link SkillMessagingException} caused by the {@link InterruptedException} is thrown.
     */
    public static <T> T join(CompletableFuture<T> future, String what) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new SkillMessagingException("Interrupted while waiting to " + what, e);
        } catch (ExecutionException e) {
            throw rethrowable(e.getCause(), what);
        } catch (CancellationException e) {
            throw new SkillMessagingException("Cancelled while waiting to " + what, e);
        }
    }

    /**
     * Makes cancelling {@code downstream} cancel {@code upstream} too (a stage derived with
     * {@code thenApply} does not pass cancellation back by itself). Returns {@code downstream}.
     */
    public static <T> CompletableFuture<T> cancelling(CompletableFuture<T> downstream, CompletableFuture<?> upstream) {
        downstream.whenComplete((value, error) -> {
            if (downstream.isCancelled()) {
                upstream.cancel(true);
            }
        });
        return downstream;
    }

    /** The cause of a {@link CompletionException} or {@link ExecutionException} chain. */
    public static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static RuntimeException rethrowable(Throwable cause, String what) {
        Throwable t = unwrap(cause);
        if (t instanceof RuntimeException re) {
            return re;
        }
        if (t instanceof Error err) {
            throw err;
        }
        return new SkillMessagingException("Failed to " + what + ": " + t, t);
    }
}
