package io.github.skillmessaging;

import io.github.skillmessaging.http.HttpTransport;
import io.github.skillmessaging.http.JdkHttpTransport;
import io.github.skillmessaging.internal.ClientOptions;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The settings every client of this SDK shares: transport, retries, timeouts, clock. Each
 * client's builder extends this one, so the same setter means the same thing everywhere.
 *
 * <table>
 * <caption>Settings and defaults</caption>
 * <tr><th>setter</th><th>default</th></tr>
 * <tr><td>{@link #httpClient} / {@link #transport}</td><td>one {@link JdkHttpTransport} ({@code java.net.http})
 * shared by all clients of the JVM that were given none: the JVM's proxy settings, TLS and trust
 * store apply, HTTP/2 where the server offers it</td></tr>
 * <tr><td>{@link #retryPolicy}</td><td>{@link RetryPolicy#DEFAULT}: 3 attempts, 60 s per call</td></tr>
 * <tr><td>{@link #attemptTimeout}</td><td>10 s</td></tr>
 * <tr><td>{@link #clock}, {@link #sleeper}</td><td>system clock, non-blocking timer</td></tr>
 * <tr><td>{@link #adaptiveRate}</td><td>on: once the server throttles, requests are paced at the
 * rate it accepts</td></tr>
 * <tr><td>{@link #maxRequestsPerSecond}</td><td>none</td></tr>
 * </table>
 *
 * @param <B> the concrete builder
 */
public abstract class ClientBuilder<B extends ClientBuilder<B>> {
    /** Default limit for one attempt, from sending to the end of the response. */
    public static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofSeconds(10);

    private HttpTransport transport;
    private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    private Duration attemptTimeout = DEFAULT_ATTEMPT_TIMEOUT;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private boolean adaptiveRate = true;
    private double maxRequestsPerSecond;

    protected ClientBuilder() {}

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** Sends through your {@link HttpClient} (proxy, TLS, executor are yours). Not closed by the client. */
    public B httpClient(HttpClient httpClient) {
        this.transport = JdkHttpTransport.of(Objects.requireNonNull(httpClient, "httpClient"));
        return self();
    }

    /** Sends through your own {@link HttpTransport}. Not closed by the client. */
    public B transport(HttpTransport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
        return self();
    }

    /** Retries and the deadline of a whole call. {@link RetryPolicy#none()} turns retries off. */
    public B retryPolicy(RetryPolicy retryPolicy) {
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        return self();
    }

    /** Limit for one attempt, from sending the request to reading the whole response. */
    public B attemptTimeout(Duration attemptTimeout) {
        Objects.requireNonNull(attemptTimeout, "attemptTimeout");
        if (attemptTimeout.isNegative() || attemptTimeout.isZero()) {
            throw new IllegalArgumentException("attemptTimeout must be positive, was " + attemptTimeout);
        }
        this.attemptTimeout = attemptTimeout;
        return self();
    }

    /** The clock for token expiry and deadlines; tests pass a controllable one. */
    public B clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return self();
    }

    /** What waits between retries; tests pass one that records and returns at once. */
    public B sleeper(Sleeper sleeper) {
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        return self();
    }

    /**
     * Whether the client paces its requests at the rate the server accepts: on by default. Nothing
     * is paced until the server first throttles (429, or 503 with {@code Retry-After}); from then
     * on every request of this client waits its turn, at a rate cut after each throttle and raised
     * again while requests are accepted. A {@code Retry-After} of 2 s or more pauses every request
     * of the client. Off: each request only retries on its own, as {@link RetryPolicy} says.
     */
    public B adaptiveRate(boolean adaptiveRate) {
        this.adaptiveRate = adaptiveRate;
        return self();
    }

    /**
     * A fixed ceiling on the requests this client starts per second (retries included), whatever
     * the server accepts; {@code 0} (the default) for none. With {@link #adaptiveRate} on, the
     * adaptive rate stays below it.
     */
    public B maxRequestsPerSecond(double maxRequestsPerSecond) {
        if (!(maxRequestsPerSecond >= 0) || Double.isInfinite(maxRequestsPerSecond)) {
            throw new IllegalArgumentException(
                    "maxRequestsPerSecond must be positive, or 0 for none, was " + maxRequestsPerSecond);
        }
        this.maxRequestsPerSecond = maxRequestsPerSecond;
        return self();
    }

    /**
     * The shared settings, for the concrete builder's {@code build()}. For the SDK's own modules:
     * its type is internal and not exported to applications.
     */
    @SuppressWarnings("exports")
    protected final ClientOptions options() {
        return new ClientOptions(
                transport, retryPolicy, attemptTimeout, clock, sleeper, adaptiveRate, maxRequestsPerSecond);
    }
}
