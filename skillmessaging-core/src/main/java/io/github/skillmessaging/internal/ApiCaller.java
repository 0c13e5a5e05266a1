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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

/**
 * Sends requests through the transport with the retry loop, timeouts, error mapping and logging
 * of the SDK: the one place where these happen, for every client and module. Each client owns
 * one and closes it when it is closed.
 */
public final class ApiCaller implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("io.github.skillmessaging");
    private static final Clock SYSTEM_CLOCK = Clock.systemUTC();

    private final ClientOptions options;
    private final DoubleSupplier random;
    /** The timers of requests with the attempt timeout, the usual one. */
    private final Timeouts.Lane attemptTimers;
    /** Paces every request of the owning client; null when nothing would be held back. */
    private final RateLimiter limiter;
    /**
     * The calls waiting (for a retry or the rate limiter's permit), so that {@link #close()} can
     * stop them; a call in flight is not listed: it is not retried once this caller is closed.
     */
    private final Set<Call<?>> waitingCalls = ConcurrentHashMap.newKeySet();

    private volatile boolean closed;

    public ApiCaller(ClientOptions options) {
        this(options, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** With a source of randomness for jitter (tests pass a constant). */
    public ApiCaller(ClientOptions options, DoubleSupplier random) {
        this.options = options;
        this.random = random;
        this.limiter = RateLimiter.of(options.adaptiveRate(), options.maxRequestsPerSecond());
        this.attemptTimers = Timeouts.lane(options.attemptTimeout());
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
     * One attempt of a call of {@link #withRetries}: its timeout, and what the call learns from it
     * about whether its requests may have reached the service.
     */
    public static final class Attempt {
        private final Duration timeout;
        private final Call<?> call;

        private Attempt(Duration timeout, Call<?> call) {
            this.timeout = timeout;
            this.call = call;
        }

        /** The limit of this attempt: the attempt timeout, or less when the call's deadline is nearer. */
        public Duration timeout() {
            return timeout;
        }
    }

    /**
     * One request of {@code attempt}: sends {@code request} with the attempt's timeout; a non-2xx
     * answer fails the future with its mapped {@link AlexaServiceException}. The timeout is
     * enforced here, whatever the transport does: a transport that never answers ends in
     * {@link ApiTimeoutException}. The call learns whether the request may have reached the
     * service: it may, unless an error status answered it or the connection was never made.
     */
    public CompletableFuture<HttpTransport.Response> send(
            ErrorMapper.Api api, String operation, HttpTransport.Request request, Attempt attempt) {
        return send(api, operation, request, attempt, null);
    }

    /**
     * {@link #send(ErrorMapper.Api, String, HttpTransport.Request, Attempt)}, where
     * {@code onErrorAnswer}, unless null, first sees the exception of a non-2xx answer: a future it
     * returns stands in for that answer (a request with a new token after a 403, say), null lets
     * the exception stand. Nothing is chained for it while the answers are successes.
     */
    public CompletableFuture<HttpTransport.Response> send(
            ErrorMapper.Api api,
            String operation,
            HttpTransport.Request request,
            Attempt attempt,
            Function<AlexaServiceException, CompletableFuture<HttpTransport.Response>> onErrorAnswer) {
        Duration timeout = attempt.timeout();
        HttpTransport.Request timed = request.withTimeout(timeout);
        long started = System.nanoTime();
        long sentAt = limiter == null ? 0 : limiter.now();
        attempt.call.requestSent();
        CompletableFuture<HttpTransport.Response> sent;
        try {
            sent = options.transport().send(timed);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        // One stage between the transport and the caller: the request's timer (when it is still
        // running) and its answer race to end it, and whichever wins the timer ends it alone.
        CompletableFuture<HttpTransport.Response> answered = new CompletableFuture<>();
        CompletableFuture<HttpTransport.Response> transportFuture = sent;
        Object timer = sent.isDone()
                ? null
                : arm(timeout, () -> {
                    ApiTimeoutException timedOut =
                            new ApiTimeoutException(request + " got no answer within " + timeout, timeout, true, null);
                    ended(answered, api, operation, request, attempt, started, sentAt, null, timedOut, null);
                    transportFuture.cancel(true); // so that a transport may stop working on it
                });
        sent.whenComplete((response, error) -> {
            if (timer == null || disarm(timer)) {
                ended(answered, api, operation, request, attempt, started, sentAt, response, error, onErrorAnswer);
            }
        });
        return answered;
    }

    /**
     * Ends the request of {@link #send}: tells the call, logs, paces, and completes
     * {@code answered} with the response or, for a failure or a non-2xx answer, its exception.
     */
    private void ended(
            CompletableFuture<HttpTransport.Response> answered,
            ErrorMapper.Api api,
            String operation,
            HttpTransport.Request request,
            Attempt attempt,
            long started,
            long sentAt,
            HttpTransport.Response response,
            Throwable error,
            Function<AlexaServiceException, CompletableFuture<HttpTransport.Response>> onErrorAnswer) {
        Throwable failure = error == null ? null : Futures.unwrap(error);
        try {
            attempt.call.requestEnded(failure, error == null && response.statusCode() / 100 == 2);
            if (error != null) {
                answered.completeExceptionally(
                        error instanceof CompletionException ce ? ce : new CompletionException(failure));
                return;
            }
            if (LOG.isLoggable(Level.DEBUG)) {
                LOG.log(
                        Level.DEBUG,
                        "{0} {1} -> {2} in {3} ms",
                        request.method(),
                        request.uri(),
                        response.statusCode(),
                        (System.nanoTime() - started) / 1_000_000);
            }
            pace(response, sentAt);
            if (response.statusCode() / 100 != 2) {
                AlexaServiceException mapped = ErrorMapper.toException(api, operation, response, options.clock());
                CompletableFuture<HttpTransport.Response> instead =
                        onErrorAnswer == null ? null : onErrorAnswer.apply(mapped);
                if (instead == null) {
                    answered.completeExceptionally(new CompletionException(mapped));
                } else {
                    instead.whenComplete((again, againError) -> {
                        if (againError == null) {
                            answered.complete(again);
                        } else {
                            answered.completeExceptionally(
                                    againError instanceof CompletionException ce
                                            ? ce
                                            : new CompletionException(againError));
                        }
                    });
                }
                return;
            }
            answered.complete(response);
        } catch (RuntimeException | Error e) {
            answered.completeExceptionally(new CompletionException(e));
        }
    }

    /**
     * Runs {@code expire} after {@code limit}: on this caller's lane for the usual limit, the
     * attempt timeout; on the shared scheduler for one clipped to a call's deadline.
     */
    private Object arm(Duration limit, Runnable expire) {
        if (limit.equals(options.attemptTimeout())) {
            return attemptTimers.arm(expire);
        }
        ClippedTimer timer = new ClippedTimer(expire);
        timer.task = Timeouts.after(limit, timer);
        return timer;
    }

    /** Stops a timer of {@link #arm}; false when it has fired (and then ends the request itself). */
    private static boolean disarm(Object timer) {
        return timer instanceof Timeouts.Timer laneTimer ? laneTimer.disarm() : ((ClippedTimer) timer).disarm();
    }

    /** A timer on the shared scheduler that either fires or is disarmed, never both. */
    private static final class ClippedTimer extends AtomicBoolean implements Runnable {
        private static final long serialVersionUID = 1L;
        private final transient Runnable expire;
        private transient volatile ScheduledFuture<?> task;

        ClippedTimer(Runnable expire) {
            this.expire = expire;
        }

        @Override
        public void run() {
            if (compareAndSet(false, true)) {
                expire.run();
            }
        }

        boolean disarm() {
            if (!compareAndSet(false, true)) {
                return false;
            }
            task.cancel(false);
            return true;
        }
    }

    /** Tells the rate limiter what the server answered: a throttle (429, or 503 with Retry-After) or not. */
    private void pace(HttpTransport.Response response, long sentAt) {
        if (limiter == null) {
            return;
        }
        int status = response.statusCode();
        if (status == 429 || (status == 503 && response.header("Retry-After").isPresent())) {
            limiter.onThrottle(
                    sentAt, ErrorMapper.retryAfter(response, options.clock()).orElse(Duration.ZERO));
        } else {
            limiter.onAccepted();
        }
    }

    /**
     * {@link #send} inside the retry loop. A Login-With-Amazon token request never reports that it
     * {@linkplain SkillMessagingException#mayHaveBeenDelivered() may have been delivered}: it
     * changes nothing, and its failure is shared by every call waiting for the token.
     */
    public CompletableFuture<HttpTransport.Response> execute(
            ErrorMapper.Api api, String operation, HttpTransport.Request request, Idempotency idempotency) {
        return withRetries(
                operation,
                idempotency,
                api != ErrorMapper.Api.LOGIN_WITH_AMAZON,
                attempt -> send(api, operation, request, attempt));
    }

    /**
     * Runs {@code attempt} until it succeeds, fails for good, runs out of attempts or the call's
     * deadline passes. {@code attempt} receives the timeout for that attempt: the attempt timeout,
     * or less when the deadline is nearer. The total timeout is enforced here, whatever the
     * attempts and waits do. Cancelling the returned future stops the loop. Once this caller is
     * {@linkplain #close() closed}, the future fails at once with {@link IllegalStateException}.
     *
     * <p>The call tracks whether any of its requests (sent with {@link #send}) may have reached
     * the service: one that timed out or got no answer after it was handed to the transport
     * (other than a connection that was never made), or one still unanswered when the call ends.
     * The exception the call fails with then answers
     * {@link SkillMessagingException#mayHaveBeenDelivered()} true (for an
     * {@link IllegalStateException} of {@link #close()}, its cause, the last attempt's failure).
     *
     * <p>An attempt whose request was answered with a success must complete without waiting for
     * anything else: while a request sent with {@link #send} is in flight, its timeout (clipped
     * to the call's deadline) stands in for the deadline timer, which is armed only for the other
     * phases (see {@code Call}).
     */
    public <T> CompletableFuture<T> withRetries(
            String operation, Idempotency idempotency, Function<Attempt, CompletableFuture<T>> attempt) {
        return withRetries(operation, idempotency, true, attempt);
    }

    /** Throttle answers that a call of {@link #withRetriesPastThrottles} retries without counting them. */
    public static final int MAX_UNCOUNTED_THROTTLES = 100;

    /**
     * Told when a call of {@link #withRetriesPastThrottles} waits out a throttle's
     * {@code Retry-After} while the adaptive rate paces the client: a bulk send lets another
     * recipient use the slot meanwhile. {@link #waitEnded()} follows each {@link #waitStarted()}
     * once, before the retry (or when the call ends while waiting).
     */
    public interface ThrottleWaits {
        /** The call has started waiting out a throttle. */
        void waitStarted();

        /** That wait is over. */
        void waitEnded();
    }

    /**
     * {@link #withRetries} for one send of a bulk send: a throttle answer (429, or 503 with
     * {@code Retry-After}) does not use up one of the policy's attempts, so that a send the
     * adaptive rate would get through is not failed for having been throttled. At most
     * {@value #MAX_UNCOUNTED_THROTTLES} throttles go uncounted, and the call's total timeout
     * bounds it as always. With the adaptive rate on, {@code waits} hears of each wait after a
     * throttle. The call ends by handing its value or failure to {@code onEnd}, once, on the
     * thread that ends it: a bulk send chains nothing on a future per recipient.
     */
    public <T> void withRetriesPastThrottles(
            String operation,
            Idempotency idempotency,
            ThrottleWaits waits,
            Function<Attempt, CompletableFuture<T>> attempt,
            BiConsumer<? super T, ? super Throwable> onEnd) {
        start(operation, idempotency, true, true, options.adaptiveRate() ? waits : null, attempt, onEnd);
    }

    private <T> CompletableFuture<T> withRetries(
            String operation,
            Idempotency idempotency,
            boolean reportsDelivery,
            Function<Attempt, CompletableFuture<T>> attempt) {
        return start(operation, idempotency, reportsDelivery, false, null, attempt, null);
    }

    /** Starts a call, unless this caller is closed; {@code waits} and {@code onEnd} may be null. */
    private <T> CompletableFuture<T> start(
            String operation,
            Idempotency idempotency,
            boolean reportsDelivery,
            boolean throttlesUncounted,
            ThrottleWaits waits,
            Function<Attempt, CompletableFuture<T>> attempt,
            BiConsumer<? super T, ? super Throwable> onEnd) {
        if (closed) {
            IllegalStateException refused = closedException(operation);
            if (onEnd != null) {
                onEnd.accept(null, refused);
            }
            return CompletableFuture.failedFuture(refused);
        }
        Call<T> call = new Call<>(operation, idempotency, reportsDelivery, attempt, onEnd);
        call.throttlesUncounted = throttlesUncounted;
        call.throttleWaits = waits;
        call.start();
        return call.result;
    }

    /**
     * Stops the background work of the client that owns this caller: calls waiting to retry fail
     * with {@link IllegalStateException}, attempts in flight end as they end but are not retried,
     * and later calls fail at once. Idempotent.
     */
    @Override
    public void close() {
        closed = true;
        for (Call<?> call : waitingCalls) {
            call.closed();
        }
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    /** The exception of a call made after {@link #close()}. */
    public static IllegalStateException closedException(String operation) {
        return closedException(operation, null);
    }

    /** The exception of a call ended by {@link #close()} while waiting to retry after {@code lastFailure}. */
    private static IllegalStateException closedException(String operation, Throwable lastFailure) {
        return new IllegalStateException("The client is closed: cannot " + operation, lastFailure);
    }

    /**
     * One call: its attempts, the waits between them and its deadline.
     *
     * <p>The deadline is enforced by a timer, armed only while the call is not inside a timed
     * request: a request sent with {@link #send} at the start of an attempt times out at the
     * latest when the call's deadline passes (the attempt's timeout is clipped to it), so the
     * common call, answered 2xx by its first request, schedules no deadline timer of its own. The
     * timer is armed as soon as the call waits for anything else: a permit, the wait before a
     * retry, an attempt that has no request in flight (a token to fetch), or a request that ended
     * without a 2xx answer (the attempt may go on, to fetch a new token after a 403, say). It is
     * never disarmed before the call ends.
     */
    private final class Call<T> {
        private final String operation;
        private final Idempotency idempotency;
        private final boolean reportsDelivery;
        private final Function<Attempt, CompletableFuture<T>> attempt;
        private final CompletableFuture<T> result = new CompletableFuture<>();
        /** Told how the call ended instead of a stage on {@link #result} ({@link #withRetriesPastThrottles}), or null. */
        private final BiConsumer<? super T, ? super Throwable> onEnd;
        /** The deadline on the options' clock; null with the system clock (then {@link #deadlineNanos} serves). */
        private final Instant deadline;
        /** The deadline on {@link System#nanoTime()}, for the timer (the clock may be a test's). */
        private final long deadlineNanos;
        /** The deadline's timer, once armed; see the class comment. Guarded by this. */
        private ScheduledFuture<?> deadlineTimer;
        /** Whether {@link #deadlineTimer} was armed, for a cheap check on the way out. */
        private volatile boolean deadlineArmed;
        /** The attempt in flight or the wait before the next one; cancelled when the call ends early. */
        private volatile CompletableFuture<?> current;

        private volatile boolean waiting;
        /** Whether this call was ever in {@link #waitingCalls}. */
        private volatile boolean listed;
        /** Attempts started so far. */
        private volatile int attempts;
        /** Whether throttle answers go uncounted ({@link #withRetriesPastThrottles}); set before start. */
        private boolean throttlesUncounted;
        /** Hears of waits after a throttle ({@link #withRetriesPastThrottles}), or null; set before start. */
        private ThrottleWaits throttleWaits;
        /** Throttle answers not counted as attempts so far. */
        private int uncountedThrottles;
        /** Requests handed to the transport and not yet ended. */
        private final AtomicInteger unanswered = new AtomicInteger();
        /** Whether a request of this call ended in a way that may have let it reach the service. */
        private volatile boolean ambiguous;
        /** The failure of the last attempt that ended, to end with when the call stops while waiting. */
        private volatile Throwable lastFailure;

        Call(
                String operation,
                Idempotency idempotency,
                boolean reportsDelivery,
                Function<Attempt, CompletableFuture<T>> attempt,
                BiConsumer<? super T, ? super Throwable> onEnd) {
            this.operation = operation;
            this.idempotency = idempotency;
            this.reportsDelivery = reportsDelivery;
            this.attempt = attempt;
            Duration total = options.retryPolicy().totalTimeout();
            this.deadlineNanos = System.nanoTime() + Timeouts.saturatedNanos(total);
            // The system clock's time is read from System.nanoTime() alone: no Instant per call.
            this.deadline = SYSTEM_CLOCK.equals(options.clock())
                    ? null
                    : options.clock().instant().plus(total);
            this.onEnd = onEnd;
            if (onEnd == null) {
                result.whenComplete(this::afterEnd); // the caller's future: however it ends (cancelled, say)
            }
        }

        /**
         * The call has ended: stops what it still has going on and tells {@link #onEnd}. Run by
         * {@link #result}'s one stage, or, for a call with {@code onEnd} (whose future no one else
         * sees), straight from where the call completes it.
         */
        private void afterEnd(T value, Throwable error) {
            if (listed) {
                waitingCalls.remove(this);
            }
            if (deadlineArmed) {
                disarmDeadline();
            }
            CompletableFuture<?> running = current;
            if (error != null && running != null && !running.isDone()) {
                running.cancel(true); // cancelled, timed out or closed: stop what is still going on
            }
            if (onEnd != null) {
                onEnd.accept(value, error);
            }
        }

        private void succeed(T value) {
            if (result.complete(value) && onEnd != null) {
                afterEnd(value, null);
            }
        }

        void start() {
            attempt(1);
        }

        /** The time left before the deadline. */
        private Duration remaining() {
            return deadline == null
                    ? Duration.ofNanos(deadlineNanos - System.nanoTime())
                    : Duration.between(options.clock().instant(), deadline);
        }

        /**
         * Makes sure the deadline is enforced from now on: schedules its timer unless it is
         * scheduled already or the call has ended.
         */
        private void armDeadline() {
            if (deadlineArmed) {
                return;
            }
            synchronized (this) {
                if (deadlineArmed || result.isDone()) {
                    return;
                }
                deadlineTimer = Timeouts.afterNanos(
                        deadlineNanos - System.nanoTime(),
                        () -> end(callTimeout(operation, options.retryPolicy(), null)));
                deadlineArmed = true;
            }
            if (result.isDone()) {
                disarmDeadline(); // ended while the timer was being scheduled
            }
        }

        private synchronized void disarmDeadline() {
            if (deadlineTimer != null) {
                deadlineTimer.cancel(false);
            }
        }

        /** The call waits for something other than a request: {@link #close()} may end it, its deadline must. */
        private void startWaiting() {
            listed = true;
            waitingCalls.add(this);
            waiting = true;
            armDeadline();
            if (closed) {
                closed(); // closed while this wait was being set up
            }
        }

        private void stopWaiting() {
            waiting = false;
            waitingCalls.remove(this);
        }

        /** A request of this call was handed to the transport. */
        void requestSent() {
            unanswered.incrementAndGet();
        }

        /**
         * That request ended: answered ({@code failure} null; {@code answered2xx} when with a
         * success) or failed. Unless it was a success, the attempt may go on without a timed
         * request, so the deadline timer is armed.
         */
        void requestEnded(Throwable failure, boolean answered2xx) {
            if (failure != null && mayHaveBeenWritten(failure)) {
                ambiguous = true; // before the count drops, so that end() never misses it
            }
            if (!answered2xx) {
                armDeadline();
            }
            unanswered.decrementAndGet();
        }

        /**
         * Fails the call with {@code failure}, an exception of this call alone, unless it has ended
         * already; marks it when a request may have reached the service, and logs it once at WARNING.
         */
        private void end(Throwable failure) {
            boolean mayHaveBeenDelivered = reportsDelivery && (ambiguous || unanswered.get() > 0);
            if (mayHaveBeenDelivered && !result.isDone()) {
                SkillMessagingException marked = firstOfOurs(failure);
                if (marked != null) {
                    ExceptionAccess.markMayHaveBeenDelivered(marked);
                }
            }
            complete(failure, mayHaveBeenDelivered);
        }

        /**
         * Fails the call with the failure of a step shared with other calls (a token request):
         * passed on as it is, or, when an earlier attempt may have reached the service, this call's
         * last failure, marked, with the shared one suppressed.
         */
        private void endShared(Throwable shared) {
            Throwable own = lastFailure;
            if (reportsDelivery && ambiguous && own != null && !result.isDone()) {
                own.addSuppressed(shared);
                end(own);
            } else {
                complete(shared, false);
            }
        }

        private void complete(Throwable failure, boolean mayHaveBeenDelivered) {
            if (!result.completeExceptionally(failure)) {
                return;
            }
            if (onEnd != null) {
                afterEnd(null, failure);
            }
            if (LOG.isLoggable(Level.WARNING)) {
                LOG.log(
                        Level.WARNING,
                        "Could not {0} after {1}: {2}{3}",
                        operation,
                        attempts == 1 ? "1 attempt" : attempts + " attempts",
                        describe(failure),
                        mayHaveBeenDelivered ? "; the request may nevertheless have been delivered" : "");
            }
        }

        /** The owner was closed: a call waiting to retry ends now; one in flight ends with its attempt. */
        void closed() {
            if (waiting) {
                end(closedException(operation, lastFailure));
            }
        }

        /** Waits for the rate limiter's permit, if any, then makes attempt {@code number}. */
        private void attempt(int number) {
            if (limiter == null || result.isDone() || limiter.unhindered()) {
                attemptNow(number);
                return;
            }
            CompletableFuture<Void> permit = limiter.acquire();
            if (permit.isDone()) {
                attemptNow(number);
                return;
            }
            current = permit;
            startWaiting();
            permit.whenComplete((ignored, error) -> {
                stopWaiting();
                attemptNow(number);
            });
        }

        private void attemptNow(int number) {
            if (result.isDone()) {
                return; // cancelled by the caller, timed out or closed
            }
            if (closed && number > 1) {
                end(closedException(operation, lastFailure)); // closed as the wait before this retry ended
                return;
            }
            RetryPolicy policy = options.retryPolicy();
            Duration remaining = remaining();
            if (remaining.isNegative() || remaining.isZero()) {
                end(callTimeout(operation, policy, null));
                return;
            }
            boolean clipped = remaining.compareTo(options.attemptTimeout()) < 0;
            Duration timeout = clipped ? remaining : options.attemptTimeout();
            attempts = number;
            CompletableFuture<T> attemptFuture;
            try {
                attemptFuture = attempt.apply(new Attempt(timeout, this));
            } catch (RuntimeException e) {
                attemptFuture = CompletableFuture.failedFuture(e);
            }
            current = attemptFuture;
            if (!attemptFuture.isDone() && unanswered.get() == 0) {
                armDeadline(); // waiting for something other than a timed request (a token)
            }
            attemptFuture.whenComplete((value, error) -> {
                if (error == null) {
                    succeed(value);
                    return;
                }
                Throwable failure = Futures.unwrap(error);
                if (failure instanceof FinalFailure) {
                    endShared(Futures.unwrap(failure.getCause()));
                    return;
                }
                if (clipped && failure instanceof ApiTimeoutException) {
                    failure = callTimeout(operation, policy, failure);
                }
                lastFailure = failure;
                if (throttlesUncounted && uncountedThrottles < MAX_UNCOUNTED_THROTTLES && isThrottle(failure)) {
                    uncountedThrottles++;
                }
                if (closed
                        || number - uncountedThrottles >= policy.maxAttempts()
                        || !isRetryable(failure, idempotency)) {
                    end(failure);
                    return;
                }
                Duration wait = policy.backoff(number, random.getAsDouble());
                Optional<Duration> asked = retryAfter(failure);
                if (asked.isPresent() && asked.get().compareTo(wait) > 0) {
                    wait = asked.get(); // the service's Retry-After, on any status that is retried
                }
                Duration left = remaining();
                if (wait.compareTo(left) >= 0) {
                    LOG.log(
                            Level.DEBUG,
                            "Not retrying {0}: waiting {1} ms would pass the deadline",
                            operation,
                            wait.toMillis());
                    end(failure);
                    return;
                }
                LOG.log(
                        Level.DEBUG,
                        "Retrying {0} in {1} ms (attempt {2} of {3} failed: {4})",
                        operation,
                        wait.toMillis(),
                        number,
                        policy.maxAttempts(),
                        failure.getMessage());
                sleepThenRetry(number, wait, failure, throttleWaits != null && isThrottle(failure));
            });
        }

        private void sleepThenRetry(int number, Duration wait, Throwable lastFailure, boolean afterThrottle) {
            CompletableFuture<Void> sleep;
            try {
                sleep = options.sleeper().sleep(wait);
            } catch (RuntimeException e) {
                sleep = CompletableFuture.failedFuture(e);
            }
            current = sleep;
            if (afterThrottle) {
                throttleWaits.waitStarted();
            }
            startWaiting();
            sleep.whenComplete((ignored, sleepError) -> {
                stopWaiting();
                if (afterThrottle) {
                    throttleWaits.waitEnded();
                }
                if (sleepError != null) {
                    lastFailure.addSuppressed(sleepError);
                    end(lastFailure);
                } else {
                    attempt(number + 1);
                }
            });
        }
    }

    /**
     * What a failure was, for the log: the status, exception type and request id, or the type and
     * cause type; never a message, which may quote a URL or a service's text.
     */
    static String describe(Throwable failure) {
        if (failure instanceof AlexaServiceException ase) {
            return "HTTP " + ase.statusCode() + " (" + ase.getClass().getSimpleName()
                    + ase.requestId().map(id -> ", request id " + id).orElse("") + ")";
        }
        Throwable cause = failure.getCause();
        return failure.getClass().getSimpleName()
                + (cause == null ? "" : " caused by " + cause.getClass().getSimpleName());
    }

    private static ApiTimeoutException callTimeout(String operation, RetryPolicy policy, Throwable cause) {
        return new ApiTimeoutException(
                "Could not " + operation + " within the total timeout of " + policy.totalTimeout(),
                policy.totalTimeout(),
                false,
                cause);
    }

    /**
     * The wait a failed attempt's answer asked for in {@code Retry-After}: on 429 as
     * {@link RateLimitException#retryAfter()} resolved it, on any other status from the header.
     */
    private Optional<Duration> retryAfter(Throwable failure) {
        if (failure instanceof RateLimitException rle) {
            return rle.retryAfter();
        }
        if (failure instanceof AlexaServiceException ase) {
            return ErrorMapper.retryAfter(ase.header("Retry-After"), options.clock());
        }
        return Optional.empty();
    }

    /** A throttle answer: 429, or 503 with {@code Retry-After} (as the rate limiter counts them). */
    private static boolean isThrottle(Throwable failure) {
        return failure instanceof RateLimitException
                || (failure instanceof ServerErrorException sse
                        && sse.statusCode() == 503
                        && sse.header("Retry-After").isPresent());
    }

    /** The retry rule of {@link RetryPolicy}'s Javadoc, in one place. */
    static boolean isRetryable(Throwable failure, Idempotency idempotency) {
        if (failure instanceof RateLimitException) {
            return true;
        }
        if (neverConnected(failure)) {
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

    /** A failure to connect: the request certainly never reached the service. */
    private static boolean neverConnected(Throwable failure) {
        return (failure instanceof TransportException || failure instanceof ApiTimeoutException)
                && (failure.getCause() instanceof ConnectException
                        || failure.getCause() instanceof HttpConnectTimeoutException);
    }

    /**
     * Whether a request that ended with {@code failure} may have been written and acted on: no
     * answer came (reset, closed, timed out) and the connection was not refused or never made. An
     * HTTP error answer is not such a failure: the service did not accept that request.
     */
    static boolean mayHaveBeenWritten(Throwable failure) {
        return (failure instanceof TransportException || failure instanceof ApiTimeoutException)
                && !neverConnected(failure);
    }

    /** The outermost {@link SkillMessagingException} of {@code failure} and its causes, or null. */
    private static SkillMessagingException firstOfOurs(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SkillMessagingException sme) {
                return sme;
            }
        }
        return null;
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

    /**
     * An unchecked failure for anything that is not already one of ours; it
     * {@linkplain SkillMessagingException#mayHaveBeenDelivered() may have been delivered} when an
     * exception among its causes says so (the {@link IllegalStateException} of a call stopped by
     * {@link #close()} has the last attempt's failure as its cause).
     */
    public static SkillMessagingException wrap(Throwable t, String operation) {
        Throwable cause = Futures.unwrap(t);
        if (cause instanceof SkillMessagingException sme) {
            return sme;
        }
        SkillMessagingException wrapped = new SkillMessagingException("Failed to " + operation + ": " + cause, cause);
        for (Throwable c = cause; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SkillMessagingException sme && sme.mayHaveBeenDelivered()) {
                ExceptionAccess.markMayHaveBeenDelivered(wrapped);
                break;
            }
        }
        return wrapped;
    }
}
