package io.github.skillmessaging.internal;

import io.github.skillmessaging.RetryPolicy;
import io.github.skillmessaging.error.AlexaServiceException;
import io.github.skillmessaging.error.ApiTimeoutException;
import io.github.skillmessaging.error.RateLimitException;
import io.github.skillmessaging.error.ServerErrorException;
import io.github.skillmessaging.error.SkillMessagingException;
import io.github.skillmessaging.error.TransportException;
import io.github.skillmessaging.http.HttpTransport;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

/**
 * Sends requests through the transport with the retry loop, timeouts, error mapping and logging
 * of the SDK: the one place where these happen, for every client and module.
 */
public final class ApiCaller {
    private static final System.Logger LOG = System.getLogger("io.github.skillmessaging");

    private final ClientOptions options;
    private final DoubleSupplier random;

    public ApiCaller(ClientOptions options) {
        this(options, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** With a source of randomness for jitter (tests pass a constant). */
    public ApiCaller(ClientOptions options, DoubleSupplier random) {
        this.options = options;
        this.random = random;
    }

    public ClientOptions options() {
        return options;
    }

    /** Whether a request may be sent twice without harm. */
    public enum Idempotency {
        /** Safe to repeat: every retryable failure is retried. */
        IDEMPOTENT,
        /** Not safe to repeat: retried only on 429 and when the connection was never made. */
        NOT_IDEMPOTENT
    }

    /**
     * One attempt: sends {@code request} with {@code timeout}; a non-2xx answer fails the future
     * with its mapped {@link AlexaServiceException}.
     */
    public CompletableFuture<HttpTransport.Response> send(ErrorMapper.Api api, String operation,
            HttpTransport.Request request, Duration timeout) {
        HttpTransport.Request timed = request.withTimeout(timeout);
        long started = System.nanoTime();
        CompletableFuture<HttpTransport.Response> sent;
        try {
            sent = options.transport().send(timed);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        return sent.thenApply(response -> {
            if (LOG.isLoggable(Level.DEBUG)) {
                LOG.log(Level.DEBUG, "{0} {1} -> {2} in {3} ms", request.method(), request.uri(),
                        response.statusCode(), (System.nanoTime() - started) / 1_000_000);
            }
            if (response.statusCode() / 100 != 2) {
                throw ErrorMapper.toException(api, operation, response, options.clock());
            }
            return response;
        });
    }

    /** {@link #send} inside the retry loop. */
    public CompletableFuture<HttpTransport.Response> execute(ErrorMapper.Api api, String operation,
            HttpTransport.Request request, Idempotency idempotency) {
        return withRetries(operation, idempotency, timeout -> send(api, operation, request, timeout));
    }

    /**
     * Runs {@code attempt} until it succeeds, fails for good, runs out of attempts or the call's
     * deadline passes. {@code attempt} receives the timeout for that attempt: the attempt timeout,
     * or less when the deadline is nearer. Cancelling the returned future stops the loop.
     */
    public <T> CompletableFuture<T> withRetries(String operation, Idempotency idempotency,
            Function<Duration, CompletableFuture<T>> attempt) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Instant deadline = options.clock().instant().plus(options.retryPolicy().totalTimeout());
        attempt(1, operation, idempotency, attempt, deadline, result);
        return result;
    }

    private <T> void attempt(int number, String operation, Idempotency idempotency,
            Function<Duration, CompletableFuture<T>> attempt, Instant deadline, CompletableFuture<T> result) {
        if (result.isDone()) {
            return; // cancelled by the caller
        }
        RetryPolicy policy = options.retryPolicy();
        Duration remaining = Duration.between(options.clock().instant(), deadline);
        if (remaining.isNegative() || remaining.isZero()) {
            result.completeExceptionally(callTimeout(operation, policy, null));
            return;
        }
        boolean clipped = remaining.compareTo(options.attemptTimeout()) < 0;
        Duration timeout = clipped ? remaining : options.attemptTimeout();
        CompletableFuture<T> attemptFuture;
        try {
            attemptFuture = attempt.apply(timeout);
        } catch (RuntimeException e) {
            attemptFuture = CompletableFuture.failedFuture(e);
        }
        attemptFuture.whenComplete((value, error) -> {
            if (error == null) {
                result.complete(value);
                return;
            }
            Throwable failure = Futures.unwrap(error);
            if (failure instanceof FinalFailure) {
                result.completeExceptionally(Futures.unwrap(failure.getCause()));
                return;
            }
            if (clipped && failure instanceof ApiTimeoutException) {
                failure = callTimeout(operation, policy, failure);
            }
            if (number >= policy.maxAttempts() || !isRetryable(failure, idempotency)) {
                result.completeExceptionally(failure);
                return;
            }
            Duration wait = policy.backoff(number, random.getAsDouble());
            if (failure instanceof RateLimitException rle && rle.retryAfter().isPresent()
                    && rle.retryAfter().get().compareTo(wait) > 0) {
                wait = rle.retryAfter().get();
            }
            Duration left = Duration.between(options.clock().instant(), deadline);
            if (wait.compareTo(left) >= 0) {
                LOG.log(Level.DEBUG, "Not retrying {0}: waiting {1} ms would pass the deadline", operation,
                        wait.toMillis());
                result.completeExceptionally(failure);
                return;
            }
            LOG.log(Level.INFO, "Retrying {0} in {1} ms (attempt {2} of {3} failed: {4})", operation, wait.toMillis(),
                    number, policy.maxAttempts(), failure.getMessage());
            Throwable lastFailure = failure;
            CompletableFuture<Void> sleep;
            try {
                sleep = options.sleeper().sleep(wait);
            } catch (RuntimeException e) {
                sleep = CompletableFuture.failedFuture(e);
            }
            sleep.whenComplete((ignored, sleepError) -> {
                if (sleepError != null) {
                    lastFailure.addSuppressed(sleepError);
                    result.completeExceptionally(lastFailure);
                } else {
                    attempt(number + 1, operation, idempotency, attempt, deadline, result);
                }
            });
        });
    }

    private static ApiTimeoutException callTimeout(String operation, RetryPolicy policy, Throwable cause) {
        return new ApiTimeoutException("Could not " + operation + " within the total timeout of "
                + policy.totalTimeout(), policy.totalTimeout(), false, cause);
    }

    /** The retry rule of {@link RetryPolicy}'s Javadoc, in one place. */
    static boolean isRetryable(Throwable failure, Idempotency idempotency) {
        if (failure instanceof RateLimitException) {
            return true;
        }
        boolean neverConnected = (failure instanceof TransportException || failure instanceof ApiTimeoutException)
                && (failure.getCause() instanceof ConnectException
                        || failure.getCause() instanceof HttpConnectTimeoutException);
        if (neverConnected) {
            return true;
        }
        if (idempotency == Idempotency.NOT_IDEMPOTENT) {
            return false;
        }
        if (failure instanceof ApiTimeoutException ate) {
            return ate.isAttemptTimeout();
        }
        if (failure instanceof TransportException || failure instanceof ServerErrorException) {
            return true;
        }
        return failure instanceof AlexaServiceException ase && ase.statusCode() == 408;
    }

    /**
     * Marks {@code failure} as not to be retried by {@link #withRetries}: for a failure of a step
     * that has retried on its own already (fetching a token, say).
     */
    public static RuntimeException finalFailure(Throwable failure) {
        return new FinalFailure(Futures.unwrap(failure));
    }

    /** Carrier of a failure the retry loop must pass on as it is. */
    private static final class FinalFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FinalFailure(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /** An unchecked failure for anything that is not already one of ours. */
    public static SkillMessagingException wrap(Throwable t, String operation) {
        Throwable cause = Futures.unwrap(t);
        return cause instanceof SkillMessagingException sme ? sme
                : new SkillMessagingException("Failed to " + operation + ": " + cause, cause);
    }
}
