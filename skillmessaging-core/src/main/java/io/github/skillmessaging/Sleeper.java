package io.github.skillmessaging;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Waits between retries without holding a thread. The default uses
 * {@link CompletableFuture#delayedExecutor}; tests inject one that records the waits and returns
 * at once, so that retry tests are exact and instant.
 */
@FunctionalInterface
public interface Sleeper {
    /** The default sleeper. */
    Sleeper SYSTEM = delay -> CompletableFuture.runAsync(() -> { },
            CompletableFuture.delayedExecutor(Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS));

    /** A future that completes after {@code delay}. */
    CompletableFuture<Void> sleep(Duration delay);
}
