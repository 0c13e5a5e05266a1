package io.github.skillmessaging.internal;

import io.github.skillmessaging.RetryPolicy;
import io.github.skillmessaging.Sleeper;
import io.github.skillmessaging.http.HttpTransport;
import io.github.skillmessaging.http.JdkHttpTransport;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The settings shared by all clients, as {@link io.github.skillmessaging.ClientBuilder} collects
 * them. A {@code null} transport means the JVM-wide shared default; {@code maxRequestsPerSecond}
 * 0 means no fixed ceiling.
 */
public record ClientOptions(
        HttpTransport transport,
        RetryPolicy retryPolicy,
        Duration attemptTimeout,
        Clock clock,
        Sleeper sleeper,
        boolean adaptiveRate,
        double maxRequestsPerSecond) {

    public ClientOptions {
        transport = transport == null ? sharedTransport() : transport;
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(attemptTimeout, "attemptTimeout");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        if (!(maxRequestsPerSecond >= 0) || Double.isInfinite(maxRequestsPerSecond)) {
            throw new IllegalArgumentException("maxRequestsPerSecond must be positive, or 0 for none");
        }
    }

    /** Defaults everywhere: shared transport, default retries, 10 s attempts, system clock, adaptive rate. */
    public static ClientOptions defaults() {
        return new ClientOptions(
                null, RetryPolicy.DEFAULT, Duration.ofSeconds(10), Clock.systemUTC(), Sleeper.SYSTEM, true, 0);
    }

    /** The same options with another transport. */
    public ClientOptions withTransport(HttpTransport newTransport) {
        return new ClientOptions(
                newTransport, retryPolicy, attemptTimeout, clock, sleeper, adaptiveRate, maxRequestsPerSecond);
    }

    /**
     * The transport of every client and verifier that was given none: one {@link JdkHttpTransport}
     * for the JVM, so connections are kept alive and reused across clients. Its threads are
     * daemons: it never keeps the JVM alive, and closing a client never closes it.
     */
    public static HttpTransport sharedTransport() {
        return SharedTransport.INSTANCE;
    }

    /** Created on first use: a program that brings its own transport never starts it. */
    private static final class SharedTransport {
        private static final JdkHttpTransport INSTANCE = JdkHttpTransport.create();
    }
}
