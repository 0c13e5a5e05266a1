package io.github.skillmessaging;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a running bulk send stands, for a progress line: {@code toString()} reads as one, e.g.
 * {@code 120000 done: 119990 accepted, 10 failed (2 may have been delivered), 16 in flight,
 * 198.7/s, 604.1 s}.
 *
 * @param accepted recipients whose message Alexa accepted so far
 * @param failed recipients whose send failed so far
 * @param mayHaveBeenDelivered of the failed ones, those Alexa may nevertheless have queued
 *     ({@link SendResult#mayHaveBeenDelivered()})
 * @param inFlight recipients taken from the source whose result has not been handed over yet
 * @param ratePerSecond results per second since the previous progress report (since the start
 *     for the first)
 * @param elapsed time since the bulk send started
 */
public record BulkProgress(
        long accepted, long failed, long mayHaveBeenDelivered, int inFlight, double ratePerSecond, Duration elapsed) {
    public BulkProgress {
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** Recipients with a result so far: accepted plus failed. */
    public long done() {
        return accepted + failed;
    }

    /** A progress line. */
    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "%d done: %d accepted, %d failed (%d may have been delivered), %d in flight, %.1f/s, %.1f s",
                done(),
                accepted,
                failed,
                mayHaveBeenDelivered,
                inFlight,
                ratePerSecond,
                elapsed.toMillis() / 1000.0);
    }
}
