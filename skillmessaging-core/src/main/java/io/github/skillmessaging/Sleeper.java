package io.github.skillmessaging;

import io.github.skillmessaging.internal.Timeouts;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Waits between retries without holding a thread. The default uses the SDK's one timer thread (a
 * daemon, gone when idle); tests inject one that records the waits and returns at once, so that
 * retry tests are exact and instant.
 */
@FunctionalInterface
public interface Sleeper {
    /** The default sleeper. */
    Sleeper SYSTEM = Timeouts::sleep;

    /** A future that completes after {@code delay}. */
    CompletableFuture<Void> sleep(Duration delay);
}
