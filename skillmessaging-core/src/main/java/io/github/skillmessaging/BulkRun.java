package io.github.skillmessaging;

import io.github.skillmessaging.error.BulkSendException;
import io.github.skillmessaging.http.HttpTransport;
import io.github.skillmessaging.internal.ApiCaller;
import io.github.skillmessaging.internal.Endpoints;
import io.github.skillmessaging.internal.Futures;
import java.net.URI;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One bulk send: takes items from the source one at a time, at most {@code concurrency} without
 * a handed-over result, and hands each result to the sink as its send completes. A send waiting
 * out a throttle's {@code Retry-After} while the adaptive rate paces the client does not count
 * (the rate holds the send back instead), up to {@value #HELD_PER_SLOT} × {@code concurrency}
 * items held in all.
 *
 * <p>All of the source, the sink and the progress listener run in one serial section: never two
 * at once, each call seeing everything the previous one did. In the blocking form the section runs
 * on the calling thread only; in the async form on whichever thread completes a send (or the
 * caller's, at the start), one at a time. A slot is freed only once the sink has taken the result,
 * so the state held is O(concurrency) however long the source is, and a slow sink slows the send
 * down instead of piling results up.
 */
final class BulkRun {
    /**
     * Sends one serialized message with the retries of a bulk send, and hands its outcome to
     * {@code onEnd} once; never throws (a failure to start is an outcome too).
     */
    interface Sender {
        void post(
                String userId,
                URI endpoint,
                byte[] messageJson,
                ApiCaller.ThrottleWaits waits,
                BiConsumer<HttpTransport.Response, Throwable> onEnd);
    }

    /** Receives each result with its position in the source (0-based). */
    interface Sink {
        void accept(long index, SendResult result);
    }

    /** Stored endpoints repeat across recipients: this many distinct ones are checked once each. */
    private static final int ENDPOINTS_CACHED = 64;
    /** Items held (without a handed-over result) at most, per slot, counting those waiting out a throttle. */
    static final int HELD_PER_SLOT = 4;

    private record Done(long index, SendResult result) {}

    private final Iterator<? extends Outgoing> source;
    private final Message shared;
    private final byte[] sharedJson;
    private final int concurrency;
    private final Sender sender;
    private final ApiCaller caller;
    private final Sink sink;
    private final Consumer<? super BulkProgress> progress;
    private final long progressEveryNanos;

    private final Map<String, URI> endpoints = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Done> completed = new ConcurrentLinkedQueue<>();
    /** Taken from the source, result not yet handed to the sink. */
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Of those, the sends waiting out a throttle's {@code Retry-After}: they leave their slot to another. */
    private final AtomicInteger waitingOutThrottles = new AtomicInteger();

    private final ApiCaller.ThrottleWaits throttleWaits = new ApiCaller.ThrottleWaits() {
        @Override
        public void waitStarted() {
            waitingOutThrottles.incrementAndGet();
            signal(); // a slot is free
        }

        @Override
        public void waitEnded() {
            waitingOutThrottles.decrementAndGet();
        }
    };
    /** Requests to run the serial section (async form): the runner loops until it drops to zero. */
    private final AtomicInteger wip = new AtomicInteger();
    /** Wakes the calling thread of the blocking form; null in the async form. */
    private final Semaphore wake;

    final CompletableFuture<BulkSummary> result = new CompletableFuture<>();
    private final long startNanos = System.nanoTime();

    // Only touched in the serial section.
    private long pulled;
    private long accepted;
    private long failed;
    private long mayHaveBeenDelivered;
    private boolean exhausted;
    private boolean finished;
    private Throwable stopCause;
    private long lastReportNanos = startNanos;
    private long doneAtLastReport;

    /**
     * @param shared the message every item carries, serialized once, or null when they differ
     * @param blocking whether the calling thread will {@link #runBlocking()} (else {@link #start()})
     */
    BulkRun(
            Iterator<? extends Outgoing> source,
            Message shared,
            int concurrency,
            Sender sender,
            ApiCaller caller,
            Sink sink,
            Consumer<? super BulkProgress> progress,
            Duration progressEvery,
            boolean blocking) {
        this.source = source;
        this.shared = shared;
        this.sharedJson = shared == null ? null : shared.toJsonBytes();
        this.concurrency = concurrency;
        this.sender = sender;
        this.caller = caller;
        this.sink = sink;
        this.progress = progress;
        this.progressEveryNanos = progressEvery == null ? Long.MAX_VALUE : progressEvery.toNanos();
        this.wake = blocking ? new Semaphore(0) : null;
    }

    /** Async form: starts on the calling thread; {@link #result} completes once the last result is handed over. */
    CompletableFuture<BulkSummary> start() {
        signal();
        return result;
    }

    /** Blocking form: runs the serial section on this thread until the last result is handed over. */
    BulkSummary runBlocking() {
        boolean interrupted = false;
        while (true) {
            runSerial();
            if (finished) {
                break;
            }
            if (interrupted) {
                wake.acquireUninterruptibly();
            } else {
                try {
                    wake.acquire();
                } catch (InterruptedException e) {
                    interrupted = true; // stop taking recipients; those in flight still get their results
                    stop(e);
                }
            }
            wake.drainPermits();
        }
        try {
            return Futures.join(result, "send skill messages");
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A send completed (or there is work to do): run the serial section, here or on its runner. */
    private void signal() {
        if (wake != null) {
            wake.release();
            return;
        }
        if (wip.getAndIncrement() != 0) {
            return;
        }
        do {
            runSerial();
        } while (wip.decrementAndGet() != 0);
    }

    /** Hands over what has completed and takes new items while slots are free: alternately, so nothing piles up. */
    private void runSerial() {
        while (true) {
            Done done;
            while ((done = completed.poll()) != null) {
                handOver(done);
            }
            if (!pullOne()) {
                break;
            }
        }
        if (progress != null && !finished && System.nanoTime() - lastReportNanos >= progressEveryNanos) {
            report();
        }
        if (!finished && exhausted && inFlight.get() == 0) {
            finish();
        }
    }

    /** Takes one item and starts its send, if a slot is free and the send goes on; false otherwise. */
    private boolean pullOne() {
        if (exhausted) {
            return false;
        }
        if (stopCause == null && result.isDone()) {
            stop(new java.util.concurrent.CancellationException("the bulk send's future was cancelled"));
        } else if (stopCause == null && caller.isClosed()) {
            stop(ApiCaller.closedException("send skill messages"));
        }
        if (stopCause != null) {
            exhausted = true;
            return false;
        }
        int held = inFlight.get();
        if (held - waitingOutThrottles.get() >= concurrency || held >= (long) HELD_PER_SLOT * concurrency) {
            return false;
        }
        Outgoing item;
        try {
            if (!source.hasNext()) {
                exhausted = true;
                return false;
            }
            item = source.next();
            if (item == null) {
                throw new NullPointerException("the bulk send's source gave null after " + pulled + " recipients");
            }
        } catch (RuntimeException | Error e) {
            stop(e);
            exhausted = true;
            return false;
        }
        long index = pulled++;
        inFlight.incrementAndGet();
        send(index, item);
        return true;
    }

    private void send(long index, Outgoing item) {
        Recipient recipient = item.recipient();
        Message message = item.message();
        BiConsumer<HttpTransport.Response, Throwable> onEnd = (response, failure) -> {
            completed.add(new Done(index, outcome(recipient, message, response, failure)));
            signal();
        };
        URI endpoint;
        byte[] json;
        try {
            // The same instance as the bulk's one message: its JSON is already written (identity on purpose).
            @SuppressWarnings("ReferenceEquality")
            boolean isShared = message == shared;
            endpoint = endpoint(recipient.apiEndpoint());
            json = isShared ? sharedJson : message.toJsonBytes();
        } catch (RuntimeException e) {
            onEnd.accept(null, e);
            return;
        }
        sender.post(recipient.userId(), endpoint, json, throttleWaits, onEnd);
    }

    private URI endpoint(String apiEndpoint) {
        URI known = endpoints.get(apiEndpoint);
        if (known != null) {
            return known;
        }
        URI checked = Endpoints.baseUrl(apiEndpoint, "apiEndpoint");
        if (endpoints.size() < ENDPOINTS_CACHED) {
            endpoints.put(apiEndpoint, checked);
        }
        return checked;
    }

    private static SendResult outcome(
            Recipient recipient, Message message, HttpTransport.Response response, Throwable failure) {
        if (failure == null) {
            return SendResult.accepted(recipient, message, SkillMessageClient.messageId(response));
        }
        Throwable cause = Futures.unwrap(failure);
        return SendResult.failed(
                recipient,
                message,
                cause instanceof RuntimeException re ? re : ApiCaller.wrap(cause, SkillMessageClient.OPERATION));
    }

    private void handOver(Done done) {
        SendResult r = done.result();
        if (r.isAccepted()) {
            accepted++;
        } else {
            failed++;
            if (r.mayHaveBeenDelivered()) {
                mayHaveBeenDelivered++;
            }
        }
        try {
            sink.accept(done.index(), r);
        } catch (RuntimeException | Error e) {
            stop(e); // no new recipients; those in flight still get their results
        }
        inFlight.decrementAndGet();
    }

    /** The first reason to stop taking recipients wins; later ones are added to it. */
    private void stop(Throwable cause) {
        if (stopCause == null) {
            stopCause = cause;
        } else if (stopCause != cause && stopCause.getSuppressed().length < 10) {
            stopCause.addSuppressed(cause);
        }
    }

    private void report() {
        long now = System.nanoTime();
        long done = accepted + failed;
        double seconds = (now - lastReportNanos) / 1e9;
        BulkProgress snapshot = new BulkProgress(
                accepted,
                failed,
                mayHaveBeenDelivered,
                inFlight.get(),
                seconds > 0 ? (done - doneAtLastReport) / seconds : 0,
                Duration.ofNanos(now - startNanos));
        lastReportNanos = now;
        doneAtLastReport = done;
        try {
            progress.accept(snapshot);
        } catch (RuntimeException | Error e) {
            stop(e);
        }
    }

    private void finish() {
        if (progress != null) {
            report(); // the last line: everything done
        }
        finished = true;
        BulkSummary summary = new BulkSummary(
                accepted, failed, mayHaveBeenDelivered, Duration.ofNanos(System.nanoTime() - startNanos));
        if (stopCause == null) {
            result.complete(summary);
        } else {
            result.completeExceptionally(new BulkSendException(summary, stopCause));
        }
    }
}
