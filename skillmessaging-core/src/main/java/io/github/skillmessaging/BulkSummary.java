package io.github.skillmessaging;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * What a bulk send did, once every recipient it took has its result: counts and time.
 *
 * @param accepted recipients whose message Alexa accepted
 * @param failed recipients whose send failed
 * @param mayHaveBeenDelivered of the failed ones, those Alexa may nevertheless have queued
 *     ({@link SendResult#mayHaveBeenDelivered()}); resend the others
 * @param elapsed from the start until the last result was handed over
 */
public record BulkSummary(long accepted, long failed, long mayHaveBeenDelivered, Duration elapsed)
        implements java.io.Serializable {
    public BulkSummary {
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** Recipients taken from the source, each with exactly one result: accepted plus failed. */
    public long total() {
        return accepted + failed;
    }

    /** Results per second over the whole send. */
    public double ratePerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds > 0 ? total() / seconds : 0;
    }

    /** One line, e.g. {@code 1000000 sent in 52.3 s (19120.5/s): 1000000 accepted, 0 failed (0 may have been delivered)}. */
    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "%d sent in %.1f s (%.1f/s): %d accepted, %d failed (%d may have been delivered)",
                total(),
                elapsed.toMillis() / 1000.0,
                ratePerSecond(),
                accepted,
                failed,
                mayHaveBeenDelivered);
    }
}
