package io.github.skillmessaging.testkit;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Fault injection: make the next calls to one of the sandbox's APIs fail, slow down or lose
 * their connection, to test a client's retries and error handling.
 *
 * <pre>{@code
 * sandbox.faults().failNext(SandboxApi.MESSAGING, 2, 503);           // two 503s, then normal
 * sandbox.faults().rateLimitNext(SandboxApi.LISTS, 1, Duration.ofSeconds(1));
 * sandbox.faults().delayNext(SandboxApi.TOKEN, 1, Duration.ofMillis(500));
 * sandbox.faults().resetNext(SandboxApi.MESSAGING, 1);              // connection dropped
 * }</pre>
 *
 * Faults queue up per API and are used in the order added. Thread-safe.
 */
public final class Faults {
    private final Map<SandboxApi, ConcurrentLinkedDeque<Fault>> queues = new EnumMap<>(SandboxApi.class);

    Faults() {
        for (SandboxApi api : SandboxApi.values()) {
            queues.put(api, new ConcurrentLinkedDeque<>());
        }
    }

    /** The next {@code count} calls to {@code api} answer {@code status} with an error body. */
    public Faults failNext(SandboxApi api, int count, int status) {
        return add(api, count, new Fault(Fault.Kind.STATUS, status, null));
    }

    /** The next {@code count} calls to {@code api} answer 429 with {@code Retry-After} in whole seconds. */
    public Faults rateLimitNext(SandboxApi api, int count, Duration retryAfter) {
        return add(api, count, new Fault(Fault.Kind.STATUS, 429, Objects.requireNonNull(retryAfter, "retryAfter")));
    }

    /** The next {@code count} calls to {@code api} wait {@code delay} before being handled. */
    public Faults delayNext(SandboxApi api, int count, Duration delay) {
        return add(api, count, new Fault(Fault.Kind.DELAY, 0, Objects.requireNonNull(delay, "delay")));
    }

    /** The next {@code count} calls to {@code api} get their connection closed without an answer. */
    public Faults resetNext(SandboxApi api, int count) {
        return add(api, count, new Fault(Fault.Kind.RESET, 0, null));
    }

    /** Forgets every queued fault. */
    public void clear() {
        queues.values().forEach(ConcurrentLinkedDeque::clear);
    }

    /** Takes the next fault for {@code api}, if any. For the sandbox's handlers. */
    Optional<Fault> take(SandboxApi api) {
        return Optional.ofNullable(queues.get(api).pollFirst());
    }

    private Faults add(SandboxApi api, int count, Fault fault) {
        Objects.requireNonNull(api, "api");
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
        for (int i = 0; i < count; i++) {
            queues.get(api).addLast(fault);
        }
        return this;
    }

    /** One injected fault. */
    record Fault(Kind kind, int status, Duration duration) {
        enum Kind {
            STATUS,
            DELAY,
            RESET
        }
    }
}
