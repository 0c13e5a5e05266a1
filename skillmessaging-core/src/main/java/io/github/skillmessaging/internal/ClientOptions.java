package io.github.skillmessaging.internal;

import io.github.skillmessaging.RetryPolicy;
import io.github.skillmessaging.Sleeper;
import io.github.skillmessaging.http.HttpTransport;
import io.github.skillmessaging.http.NioTransport;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The settings shared by all clients, as {@link io.github.skillmessaging.ClientBuilder} collects
 * them. A {@code null} transport means the JVM-wide shared default.
 */
public record ClientOptions(HttpTransport transport, RetryPolicy retryPolicy, Duration attemptTimeout, Clock clock,
        Sleeper sleeper) {

    public ClientOptions {
        transport = transport == null ? SharedTransport.get() : transport;
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(attemptTimeout, "attemptTimeout");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
    }

    /** Defaults everywhere: shared transport, default retries, 10 s attempts, system clock. */
    public static ClientOptions defaults() {
        return new ClientOptions(null, RetryPolicy.DEFAULT, Duration.ofSeconds(10), Clock.systemUTC(), Sleeper.SYSTEM);
    }

    /** The same options with another transport. */
    public ClientOptions withTransport(HttpTransport newTransport) {
        return new ClientOptions(newTransport, retryPolicy, attemptTimeout, clock, sleeper);
    }

    /**
     * One {@link NioTransport} for every client that was given none: connections are reused, and
     * its one I/O thread is a daemon, so it never keeps the JVM alive.
     */
    private static final class SharedTransport {
        private static final NioTransport INSTANCE = NioTransport.create();

        static NioTransport get() {
            return INSTANCE;
        }
    }
}
