package io.github.skillmessaging;

import java.time.Duration;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A streaming bulk send of a {@link SkillMessaging} client ({@link SkillMessaging#bulkSend()}):
 * takes recipients lazily from an {@link Iterator} or {@link Stream}, at most
 * {@code bulkConcurrency} without a result at a time, and hands each {@link SendResult} to
 * {@link #onResult} as its send completes. Memory stays O(bulkConcurrency) however many
 * recipients there are.
 *
 * <pre>{@code
 * BulkSummary summary = messaging.bulkSend()
 *         .onResult(result -> store.record(result))
 *         .onProgress(Duration.ofSeconds(10), progress -> System.out.println(progress))
 *         .send(recipients.iterator(), message);
 * }</pre>
 *
 * <ul>
 *   <li><b>One result per recipient taken</b>, in completion order (not the source's order).
 *       Throttle answers (429, or 503 with {@code Retry-After}) do not use up the
 *       {@link RetryPolicy}'s attempts in a bulk send (the client's adaptive rate slows the send
 *       instead; at most 100 throttles per recipient, within the policy's total timeout; even with
 *       {@link RetryPolicy#none()}: a refused request cannot be duplicated by its retry).
 *   <li><b>Serialized callbacks.</b> The source's {@code hasNext}/{@code next}, {@code onResult}
 *       and {@code onProgress} are never called two at once, and each call sees what the previous
 *       ones did: they need no locking. The blocking forms call them on the calling thread only;
 *       the async forms on the SDK's threads (the one that completed a send). A slot is freed once
 *       {@code onResult} returns, so a slow consumer slows the send down; keep it quick.
 *   <li><b>Stops early, losing nothing</b>, when {@code onResult}, {@code onProgress} or the
 *       source throws, when the client is {@linkplain SkillMessaging#close() closed}, when the
 *       blocking call's thread is interrupted (its interrupt flag is kept) or the async form's
 *       future is cancelled: no further recipient is taken, the sends in flight end as they end
 *       (a closed client does not retry them) and each still gets its result. Then the call fails
 *       with {@link io.github.skillmessaging.error.BulkSendException}, whose summary counts the
 *       recipients taken and whose cause says why (a cancelled future stays cancelled).
 * </ul>
 *
 * <p>Immutable: {@code onResult} and {@code onProgress} return a new {@code BulkSend}; one may be
 * used for many sends, from any thread. A {@link Stream} is not closed: close it yourself.
 */
public final class BulkSend {
    private final SkillMessaging messaging;
    private final Consumer<? super SendResult> onResult;
    private final Consumer<? super BulkProgress> onProgress;
    private final Duration progressEvery;

    BulkSend(
            SkillMessaging messaging,
            Consumer<? super SendResult> onResult,
            Consumer<? super BulkProgress> onProgress,
            Duration progressEvery) {
        this.messaging = messaging;
        this.onResult = onResult;
        this.onProgress = onProgress;
        this.progressEvery = progressEvery;
    }

    /** Hands every result to {@code onResult} as its send completes (by default results are only counted). */
    public BulkSend onResult(Consumer<? super SendResult> onResult) {
        return new BulkSend(messaging, Objects.requireNonNull(onResult, "onResult"), onProgress, progressEvery);
    }

    /**
     * Reports progress to {@code onProgress} when a result arrives at least {@code every} after the
     * last report, and once more when the send ends (then with nothing in flight).
     * {@link BulkProgress#toString()} is a progress line.
     */
    public BulkSend onProgress(Duration every, Consumer<? super BulkProgress> onProgress) {
        Objects.requireNonNull(every, "every");
        if (every.isNegative()) {
            throw new IllegalArgumentException("every must not be negative, was " + every);
        }
        return new BulkSend(messaging, onResult, Objects.requireNonNull(onProgress, "onProgress"), every);
    }

    /** Sends {@code message} to every recipient {@code recipients} gives, and blocks until each has its result. */
    public BulkSummary send(Iterator<? extends Recipient> recipients, Message message) {
        return messaging
                .bulk(withMessage(recipients, message), message, this, true)
                .runBlocking();
    }

    /** {@link #send(Iterator, Message)} for a stream (not closed here). */
    public BulkSummary send(Stream<? extends Recipient> recipients, Message message) {
        return send(Objects.requireNonNull(recipients, "recipients").iterator(), message);
    }

    /** {@link #send(Iterator, Message)} without blocking; the future completes once each recipient taken has its result. */
    public CompletableFuture<BulkSummary> sendAsync(Iterator<? extends Recipient> recipients, Message message) {
        return startAsync(withMessage(recipients, message), message);
    }

    /** {@link #sendAsync(Iterator, Message)} for a stream (not closed here). */
    public CompletableFuture<BulkSummary> sendAsync(Stream<? extends Recipient> recipients, Message message) {
        return sendAsync(Objects.requireNonNull(recipients, "recipients").iterator(), message);
    }

    /** Sends each item's own message to its recipient, and blocks until each has its result. */
    public BulkSummary sendEach(Iterator<? extends Outgoing> items) {
        return messaging
                .bulk(Objects.requireNonNull(items, "items"), null, this, true)
                .runBlocking();
    }

    /** {@link #sendEach} without blocking. */
    public CompletableFuture<BulkSummary> sendEachAsync(Iterator<? extends Outgoing> items) {
        return startAsync(Objects.requireNonNull(items, "items"), null);
    }

    private CompletableFuture<BulkSummary> startAsync(Iterator<? extends Outgoing> items, Message shared) {
        BulkRun run;
        try {
            run = messaging.bulk(items, shared, this, false);
        } catch (IllegalStateException closed) {
            return CompletableFuture.failedFuture(closed);
        }
        return run.start();
    }

    Consumer<? super SendResult> resultConsumer() {
        return onResult;
    }

    Consumer<? super BulkProgress> progressConsumer() {
        return onProgress;
    }

    Duration progressEvery() {
        return progressEvery;
    }

    private static Iterator<Outgoing> withMessage(Iterator<? extends Recipient> recipients, Message message) {
        Objects.requireNonNull(recipients, "recipients");
        Objects.requireNonNull(message, "message");
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return recipients.hasNext();
            }

            @Override
            public Outgoing next() {
                Recipient recipient = recipients.next();
                return recipient == null ? null : new Outgoing(recipient, message);
            }
        };
    }

    @Override
    public String toString() {
        return "BulkSend[onResult=" + (onResult != null) + ", onProgress="
                + (onProgress == null ? "none" : "every " + progressEvery) + "]";
    }
}
