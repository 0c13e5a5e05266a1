package io.github.skillmessaging.testing;

import io.github.skillmessaging.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records each wait, advances the test clock by it (when given one) and returns at once. */
public final class RecordingSleeper implements Sleeper {
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final MutableClock clock;

    public RecordingSleeper() {
        this(null);
    }

    public RecordingSleeper(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public CompletableFuture<Void> sleep(Duration delay) {
        sleeps.add(delay);
        if (clock != null) {
            clock.advance(delay);
        }
        return CompletableFuture.completedFuture(null);
    }

    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
