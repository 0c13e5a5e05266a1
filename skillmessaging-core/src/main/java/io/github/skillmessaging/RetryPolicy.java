package io.github.skillmessaging;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how long to retry a failed call, and the deadline of the whole call.
 *
 * <p>What is retried is fixed: no answer ({@link io.github.skillmessaging.error.TransportException}),
 * an attempt that timed out, 408, 429 ({@link io.github.skillmessaging.error.RateLimitException})
 * and 5xx. Never 400, 401, 403, 404 or 409. Requests that are not idempotent (creating a list
 * item, say) are retried only when they surely did not reach the service (connection refused) or
 * on 429.
 *
 * <p>The wait before retry {@code n} (1-based) is {@code initialBackoff * 2^(n-1)}, capped at
 * {@code maxBackoff}, then shortened by a random part of up to {@code jitter} of itself, so that
 * clients do not retry in lock step. When the failed answer carries a {@code Retry-After} header
 * (whole seconds or an HTTP date), on any status that is retried (408, 429 or 5xx), that wait is
 * used instead whenever it is longer: it is not capped by {@code maxBackoff} and never shortened by
 * jitter. A retry whose wait would end after {@code totalTimeout} is not made: the call fails with
 * the last error at once instead.
 *
 * <p>In a bulk send ({@code SkillMessaging.sendToAll}, {@code bulkSend()}), a throttle answer (429,
 * or 503 with {@code Retry-After}) does not use up one of {@code maxAttempts}, up to 100 per
 * recipient and always within {@code totalTimeout}: the adaptive rate gets such a message through
 * instead of failing it. A single {@code send} counts every attempt.
 *
 * @param maxAttempts attempts in all, including the first (1 = no retries), at least 1
 * @param initialBackoff wait before the first retry
 * @param maxBackoff longest wait computed from the backoff (not from {@code Retry-After})
 * @param jitter fraction of each wait that is random, 0 to 1
 * @param totalTimeout deadline of the whole call: all attempts and waits
 */
public record RetryPolicy(
        int maxAttempts, Duration initialBackoff, Duration maxBackoff, double jitter, Duration totalTimeout) {

    /** 3 attempts, 500 ms doubling to at most 20 s, 20 % jitter, 60 s for the whole call. */
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(20), 0.2, Duration.ofSeconds(60));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        requirePositive(initialBackoff, "initialBackoff");
        requirePositive(maxBackoff, "maxBackoff");
        requirePositive(totalTimeout, "totalTimeout");
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException(
                    "maxBackoff (" + maxBackoff + ") must not be shorter than initialBackoff (" + initialBackoff + ")");
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be between 0 and 1, was " + jitter);
        }
    }

    /** The defaults ({@link #DEFAULT}). */
    public static RetryPolicy defaults() {
        return DEFAULT;
    }

    /** One attempt, no retries, with the default total timeout. */
    public static RetryPolicy none() {
        return DEFAULT.toBuilder().maxAttempts(1).build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return DEFAULT.toBuilder();
    }

    /** A builder starting from this policy. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * The wait before retry number {@code retry} (1 for the first retry), given a random number
     * in [0, 1).
     */
    public Duration backoff(int retry, double random) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry is 1-based, was " + retry);
        }
        long initial = initialBackoff.toNanos();
        long cap = maxBackoff.toNanos();
        long delay = initial;
        for (int i = 1; i < retry && delay < cap; i++) {
            delay = delay > cap / 2 ? cap : delay * 2;
        }
        delay = Math.min(delay, cap);
        long jittered = delay - (long) (delay * jitter * random);
        return Duration.ofNanos(Math.max(0, jittered));
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }

    /** Builds a {@link RetryPolicy}; each setter checks nothing, {@link #build()} checks all. */
    public static final class Builder {
        private int maxAttempts;
        private Duration initialBackoff;
        private Duration maxBackoff;
        private double jitter;
        private Duration totalTimeout;

        private Builder(RetryPolicy from) {
            this.maxAttempts = from.maxAttempts;
            this.initialBackoff = from.initialBackoff;
            this.maxBackoff = from.maxBackoff;
            this.jitter = from.jitter;
            this.totalTimeout = from.totalTimeout;
        }

        /** Attempts in all, including the first. */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** Wait before the first retry. */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
            return this;
        }

        /** Cap on the computed wait. */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
            return this;
        }

        /** Random fraction of each wait, 0 (none) to 1. */
        public Builder jitter(double jitter) {
            this.jitter = jitter;
            return this;
        }

        /** Deadline of the whole call, all attempts and waits included. */
        public Builder totalTimeout(Duration totalTimeout) {
            this.totalTimeout = totalTimeout;
            return this;
        }

        public RetryPolicy build() {
            return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, jitter, totalTimeout);
        }
    }
}
