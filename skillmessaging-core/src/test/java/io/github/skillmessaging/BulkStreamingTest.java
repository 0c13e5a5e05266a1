package io.github.skillmessaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.skillmessaging.error.ApiTimeoutException;
import io.github.skillmessaging.error.BulkSendException;
import io.github.skillmessaging.error.NotFoundException;
import io.github.skillmessaging.error.RateLimitException;
import io.github.skillmessaging.error.TransportException;
import io.github.skillmessaging.http.HttpTransport;
import io.github.skillmessaging.internal.ApiCaller;
import io.github.skillmessaging.testing.FakeTransport;
import io.github.skillmessaging.testing.RecordingSleeper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The streaming bulk send: lazy, bounded, serialized, and every recipient taken gets exactly one result. */
class BulkStreamingTest {
    private static final Message MESSAGE = new Message(Map.of("k", "v"));
    private static final byte[] TOKEN = "{\"access_token\":\"t\",\"expires_in\":3600}".getBytes();

    private final ExecutorService answering = Executors.newFixedThreadPool(3);

    @AfterEach
    void stop() {
        answering.shutdownNow();
    }

    private static boolean isToken(HttpTransport.Request request) {
        return request.uri().getPath().equals("/auth/o2/token");
    }

    private static String user(HttpTransport.Request request) {
        String path = request.uri().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Answers every message with 202 on another thread (404 for users named "gone-*"). */
    private final class AsyncAccepting implements HttpTransport {
        @Override
        public CompletableFuture<Response> send(Request request) {
            if (isToken(request)) {
                return CompletableFuture.completedFuture(new Response(200, Map.of(), TOKEN));
            }
            String user = user(request);
            return CompletableFuture.supplyAsync(
                    () -> user.startsWith("gone-")
                            ? new Response(404, Map.of(), null)
                            : new Response(202, Map.of("X-Amzn-RequestId", List.of("id-" + user)), null),
                    answering);
        }
    }

    /** Keeps every message unanswered until the test answers it. */
    private static final class Parking implements HttpTransport {
        final ConcurrentLinkedQueue<CompletableFuture<Response>> parked = new ConcurrentLinkedQueue<>();

        @Override
        public CompletableFuture<Response> send(Request request) {
            if (isToken(request)) {
                return CompletableFuture.completedFuture(new Response(200, Map.of(), TOKEN));
            }
            CompletableFuture<Response> answer = new CompletableFuture<>();
            parked.add(answer);
            return answer;
        }

        /** Answers the messages parked now with 202 (not those parked meanwhile by the answers). */
        void acceptAll() {
            List<CompletableFuture<Response>> now = new ArrayList<>();
            for (CompletableFuture<Response> f; (f = parked.poll()) != null; ) {
                now.add(f);
            }
            now.forEach(f -> f.complete(new Response(202, Map.of("X-Amzn-RequestId", List.of("m")), null)));
        }
    }

    /** {@code n} recipients made on demand, counting how many were taken. */
    private static final class Generated implements Iterator<Recipient> {
        final int n;
        final AtomicLong taken = new AtomicLong();

        Generated(int n) {
            this.n = n;
        }

        @Override
        public boolean hasNext() {
            return taken.get() < n;
        }

        @Override
        public Recipient next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return new Recipient("u" + taken.getAndIncrement(), "http://127.0.0.1:9");
        }
    }

    private static SkillMessaging.Builder client(HttpTransport transport, int concurrency) {
        return SkillMessaging.builder()
                .clientId("id")
                .clientSecret("secret")
                .transport(transport)
                .tokenBaseAddress("http://127.0.0.1:9")
                .defaultEndpoint("http://127.0.0.1:9")
                .bulkConcurrency(concurrency);
    }

    @Test
    void aRecipientWhoseSendIsNeverAnsweredFailsAtTheAttemptTimeoutWhileTheOthersAreAccepted() throws Exception {
        HttpTransport silentForU3 = request -> {
            if (isToken(request)) {
                return CompletableFuture.completedFuture(new HttpTransport.Response(200, Map.of(), TOKEN));
            }
            if (user(request).equals("u3")) {
                return new CompletableFuture<>(); // never answered, never failed
            }
            return CompletableFuture.supplyAsync(
                    () -> new HttpTransport.Response(202, Map.of("X-Amzn-RequestId", List.of("m")), null), answering);
        };
        try (SkillMessaging messaging = client(silentForU3, 4)
                .attemptTimeout(Duration.ofMillis(300))
                .retryPolicy(RetryPolicy.none())
                .build()) {
            List<SendResult> results = new java.util.concurrent.CopyOnWriteArrayList<>();
            BulkSummary summary = messaging
                    .sendToAllAsync(new Generated(10), MESSAGE, results::add)
                    .get(20, TimeUnit.SECONDS); // the deadline ends it: never a hang

            assertThat(summary.accepted()).isEqualTo(9);
            assertThat(summary.failed()).isEqualTo(1);
            assertThat(summary.mayHaveBeenDelivered()).isEqualTo(1);
            SendResult silent =
                    results.stream().filter(r -> !r.isAccepted()).findFirst().orElseThrow();
            assertThat(silent.recipient().userId()).isEqualTo("u3");
            assertThat(silent.failure())
                    .get()
                    .isInstanceOfSatisfying(
                            ApiTimeoutException.class,
                            e -> assertThat(e.isAttemptTimeout()).isTrue());
            assertThat(silent.mayHaveBeenDelivered()).isTrue();
        }
    }

    @Test
    void twoHundredThousandRecipientsFromAnIteratorEachGetExactlyOneResultWithBoundedState() {
        int n = 200_000;
        int concurrency = 8;
        Generated source = new Generated(n);
        BitSet seen = new BitSet(n);
        AtomicLong handed = new AtomicLong();
        AtomicLong duplicates = new AtomicLong();
        AtomicLong mostTakenWithoutResult = new AtomicLong();
        Iterator<Recipient> watched = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return source.hasNext();
            }

            @Override
            public Recipient next() {
                Recipient r = source.next();
                mostTakenWithoutResult.accumulateAndGet(source.taken.get() - handed.get(), Math::max);
                return r;
            }
        };
        try (SkillMessaging messaging =
                client(new AsyncAccepting(), concurrency).build()) {
            BulkSummary summary = messaging.sendToAll(watched, MESSAGE, result -> {
                int i = Integer.parseInt(result.recipient().userId().substring(1));
                if (seen.get(i)) {
                    duplicates.incrementAndGet();
                }
                seen.set(i);
                assertThat(result.isAccepted()).isTrue();
                handed.incrementAndGet();
            });
            assertThat(summary.accepted()).isEqualTo(n);
            assertThat(summary.failed()).isZero();
            assertThat(summary.total()).isEqualTo(n);
        }
        assertThat(duplicates.get()).isZero();
        assertThat(seen.cardinality()).isEqualTo(n);
        assertThat(handed.get()).isEqualTo(n);
        assertThat(mostTakenWithoutResult.get()).isBetween(1L, (long) concurrency);
    }

    @Test
    void takesNoMoreThanTheConcurrencyWhileNoSendHasAnswered() {
        Parking transport = new Parking();
        Generated source = new Generated(100);
        try (SkillMessaging messaging = client(transport, 5).build()) {
            messaging.accessToken();
            AtomicInteger results = new AtomicInteger();
            CompletableFuture<BulkSummary> done =
                    messaging.sendToAllAsync(source, MESSAGE, r -> results.incrementAndGet());
            assertThat(source.taken.get()).isEqualTo(5);
            assertThat(transport.parked).hasSize(5);
            while (!done.isDone()) {
                transport.acceptAll();
            }
            assertThat(done.join().accepted()).isEqualTo(100);
            assertThat(results.get()).isEqualTo(100);
        }
    }

    @Test
    void resultsAreHandedOverOneAtATimeInTheAsyncForm() {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        int[] plainCount = {0}; // no synchronization: serialized calls must see each other's writes
        try (SkillMessaging messaging = client(new AsyncAccepting(), 16).build()) {
            BulkSummary summary = messaging
                    .sendToAllAsync(new Generated(5_000), MESSAGE, result -> {
                        if (inside.incrementAndGet() != 1) {
                            overlaps.incrementAndGet();
                        }
                        plainCount[0]++;
                        Thread.yield();
                        inside.decrementAndGet();
                    })
                    .join();
            assertThat(summary.total()).isEqualTo(5_000);
        }
        assertThat(overlaps.get()).isZero();
        assertThat(plainCount[0]).isEqualTo(5_000);
    }

    @Test
    void theBlockingFormCallsTheSourceAndTheConsumerOnTheCallingThreadOnly() {
        Thread caller = Thread.currentThread();
        List<Thread> others = new ArrayList<>();
        Generated source = new Generated(2_000);
        Iterator<Recipient> checked = new Iterator<>() {
            @Override
            public boolean hasNext() {
                if (Thread.currentThread() != caller) {
                    others.add(Thread.currentThread());
                }
                return source.hasNext();
            }

            @Override
            public Recipient next() {
                return source.next();
            }
        };
        try (SkillMessaging messaging = client(new AsyncAccepting(), 8).build()) {
            messaging.sendToAll(checked, MESSAGE, r -> {
                if (Thread.currentThread() != caller) {
                    others.add(Thread.currentThread());
                }
            });
        }
        assertThat(others).isEmpty();
    }

    @Test
    void aThrowingConsumerStopsTakingRecipientsButEveryOneTakenStillGetsItsResult() {
        Generated source = new Generated(10_000);
        List<SendResult> results = new ArrayList<>();
        IllegalStateException boom = new IllegalStateException("database down");
        try (SkillMessaging messaging = client(new AsyncAccepting(), 8).build()) {
            assertThatThrownBy(() -> messaging.sendToAll(source, MESSAGE, r -> {
                        results.add(r);
                        if (results.size() == 20) {
                            throw boom;
                        }
                    }))
                    .isInstanceOfSatisfying(BulkSendException.class, e -> {
                        assertThat(e.getCause()).isSameAs(boom);
                        assertThat(e.summary().total()).isEqualTo(results.size());
                    });
        }
        assertThat(source.taken.get()).isLessThan(10_000).isEqualTo(results.size());
        assertThat(results.size()).isBetween(20, 20 + 8);
        assertThat(results.stream().map(r -> r.recipient().userId()).distinct()).hasSize(results.size());
    }

    @Test
    void aThrowingSourceEndsTheSendAfterTheRecipientsItGaveHaveTheirResults() {
        RuntimeException broken = new RuntimeException("cursor closed");
        Iterator<Recipient> source = new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Recipient next() {
                if (i == 50) {
                    throw broken;
                }
                return new Recipient("u" + i++, "http://127.0.0.1:9");
            }
        };
        Map<String, Integer> results = new ConcurrentHashMap<>();
        try (SkillMessaging messaging = client(new AsyncAccepting(), 8).build()) {
            CompletableFuture<BulkSummary> done = messaging.sendToAllAsync(
                    source, MESSAGE, r -> results.merge(r.recipient().userId(), 1, Integer::sum));
            assertThatThrownBy(done::join)
                    .hasCauseInstanceOf(BulkSendException.class)
                    .cause()
                    .hasCause(broken);
            assertThat(((BulkSendException) done.handle((s, e) -> e).join())
                            .summary()
                            .accepted())
                    .isEqualTo(50);
        }
        assertThat(results)
                .hasSize(50)
                .allSatisfy((user, count) -> assertThat(count).isEqualTo(1));
    }

    @Test
    void closingTheClientMidSendStopsTakingRecipientsAndLosesNone() {
        Parking transport = new Parking();
        Generated source = new Generated(1_000);
        List<SendResult> results = new ArrayList<>();
        SkillMessaging messaging = client(transport, 4).build();
        messaging.accessToken();
        CompletableFuture<BulkSummary> done = messaging.sendToAllAsync(source, MESSAGE, results::add);
        transport.acceptAll(); // 4 accepted, 4 more taken
        assertThat(source.taken.get()).isEqualTo(8);

        messaging.close();
        transport.acceptAll(); // the 4 in flight end as they end

        assertThat(done).isCompletedExceptionally();
        BulkSendException e = (BulkSendException) done.handle((s, x) -> x).join();
        assertThat(e.getCause()).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThat(e.summary().accepted()).isEqualTo(8);
        assertThat(source.taken.get()).isEqualTo(8);
        assertThat(results).hasSize(8).allMatch(SendResult::isAccepted);
        assertThat(transport.parked).isEmpty();
    }

    @Test
    void aSendWaitingToRetryWhenTheClientIsClosedGetsAFailedResult() {
        AtomicInteger calls = new AtomicInteger();
        CompletableFuture<Void> retryWait = new CompletableFuture<>();
        FakeTransport transport = new FakeTransport(r -> isToken(r)
                ? new HttpTransport.Response(200, Map.of(), TOKEN)
                : calls.incrementAndGet() == 1
                        ? new HttpTransport.Response(500, Map.of(), null)
                        : new HttpTransport.Response(202, Map.of("X-Amzn-RequestId", List.of("m")), null));
        SkillMessaging messaging =
                client(transport, 1).sleeper(delay -> retryWait).build();
        List<SendResult> results = new ArrayList<>();
        CompletableFuture<BulkSummary> done = messaging.sendToAllAsync(new Generated(3), MESSAGE, results::add);
        assertThat(done).isNotDone(); // the first recipient waits to retry its 500

        messaging.close();

        assertThat(done).isCompletedExceptionally();
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.isAccepted()).isFalse();
            assertThat(r.failure()).containsInstanceOf(IllegalStateException.class);
            assertThat(r.mayHaveBeenDelivered()).isFalse();
        });
    }

    @Test
    void progressCountsAcceptedFailedMaybeDeliveredAndReadsAsALine() {
        List<Recipient> recipients = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            recipients.add(
                    new Recipient((i % 10 == 1 ? "gone-" : i % 10 == 2 ? "reset-" : "u") + i, "http://127.0.0.1:9"));
        }
        HttpTransport transport = request -> {
            if (isToken(request)) {
                return CompletableFuture.completedFuture(new HttpTransport.Response(200, Map.of(), TOKEN));
            }
            if (user(request).startsWith("reset-")) {
                return CompletableFuture.failedFuture(
                        new TransportException("POST ... failed", new IOException("Connection reset")));
            }
            return CompletableFuture.completedFuture(
                    user(request).startsWith("gone-")
                            ? new HttpTransport.Response(404, Map.of(), null)
                            : new HttpTransport.Response(202, Map.of("X-Amzn-RequestId", List.of("m")), null));
        };
        List<BulkProgress> reports = new ArrayList<>();
        List<SendResult> results = new ArrayList<>();
        BulkSummary summary;
        try (SkillMessaging messaging =
                client(transport, 4).retryPolicy(RetryPolicy.none()).build()) {
            summary = messaging
                    .bulkSend()
                    .onResult(results::add)
                    .onProgress(Duration.ZERO, reports::add)
                    .send(recipients.stream(), MESSAGE);
        }
        assertThat(summary.accepted()).isEqualTo(24);
        assertThat(summary.failed()).isEqualTo(6);
        assertThat(summary.mayHaveBeenDelivered()).isEqualTo(3);
        assertThat(summary.toString()).startsWith("30 sent in ").contains("24 accepted, 6 failed (3 may have been");
        BulkProgress last = reports.get(reports.size() - 1);
        assertThat(last.accepted()).isEqualTo(24);
        assertThat(last.failed()).isEqualTo(6);
        assertThat(last.mayHaveBeenDelivered()).isEqualTo(3);
        assertThat(last.inFlight()).isZero();
        assertThat(last.done()).isEqualTo(30);
        assertThat(last.toString())
                .startsWith("30 done: 24 accepted, 6 failed (3 may have been delivered), 0 in flight, ");
        assertThat(reports).extracting(BulkProgress::done).isSorted();
        assertThat(reports.size()).isGreaterThan(1);
        assertThat(results)
                .filteredOn(r -> r.recipient().userId().startsWith("gone-"))
                .allSatisfy(r -> assertThat(r.failure()).containsInstanceOf(NotFoundException.class))
                .allSatisfy(r -> assertThat(r.message()).isSameAs(MESSAGE));
    }

    /** 429 with Retry-After for a user's first five attempts, then 202; counts the attempts. */
    private static FakeTransport throttlingFiveTimes(Map<String, AtomicInteger> attempts) {
        return new FakeTransport(r -> {
            if (isToken(r)) {
                return new HttpTransport.Response(200, Map.of(), TOKEN);
            }
            int n = attempts.computeIfAbsent(user(r), u -> new AtomicInteger()).incrementAndGet();
            return n <= 5
                    ? new HttpTransport.Response(429, Map.of("Retry-After", List.of("1")), null)
                    : new HttpTransport.Response(202, Map.of("X-Amzn-RequestId", List.of("m")), null);
        });
    }

    @Test
    void inABulkSendThrottleAnswersDoNotUseUpAttemptsSoEveryRecipientEndsAccepted() {
        Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        RecordingSleeper sleeper = new RecordingSleeper();
        List<Recipient> recipients = IntStream.range(0, 20)
                .mapToObj(i -> new Recipient("u" + i, "http://127.0.0.1:9"))
                .toList();
        try (SkillMessaging messaging = client(throttlingFiveTimes(attempts), 4)
                .sleeper(sleeper)
                .adaptiveRate(false)
                .build()) {
            assertThat(messaging.sendToAll(recipients, MESSAGE)).hasSize(20).allMatch(SendResult::isAccepted);
            BulkSummary streamed = messaging.sendToAll(
                    IntStream.range(0, 20)
                            .mapToObj(i -> new Recipient("s" + i, "http://127.0.0.1:9"))
                            .iterator(),
                    MESSAGE,
                    r -> {});
            assertThat(streamed.accepted()).isEqualTo(20);

            // A single send keeps its three attempts.
            assertThatThrownBy(() -> messaging.send("single", MESSAGE)).isInstanceOf(RateLimitException.class);
        }
        assertThat(attempts.get("u0").get()).isEqualTo(6);
        assertThat(attempts.get("single").get()).isEqualTo(3);
        assertThat(sleeper.sleeps()).contains(Duration.ofSeconds(1));
    }

    @Test
    void throttlesGoUncountedOnlyUpToTheCapSoABulkSendCannotRetryForever() {
        AtomicInteger requests = new AtomicInteger();
        FakeTransport alwaysThrottled = new FakeTransport(r -> {
            if (isToken(r)) {
                return new HttpTransport.Response(200, Map.of(), TOKEN);
            }
            requests.incrementAndGet();
            return new HttpTransport.Response(429, Map.of(), null);
        });
        try (SkillMessaging messaging = client(alwaysThrottled, 1)
                .sleeper(new RecordingSleeper())
                .adaptiveRate(false)
                .build()) {
            List<SendResult> results = messaging.sendToAll(List.of(new Recipient("u", "http://127.0.0.1:9")), MESSAGE);
            assertThat(results.get(0).failure()).containsInstanceOf(RateLimitException.class);
        }
        assertThat(requests.get()).isEqualTo(ApiCaller.MAX_UNCOUNTED_THROTTLES + RetryPolicy.DEFAULT.maxAttempts());
    }

    @Test
    void sendEachSendsEveryItemItsOwnMessageAndTheResultCarriesIt() {
        FakeTransport transport = FakeTransport.accepting();
        List<Outgoing> items = List.of(
                new Outgoing(new Recipient("a", "http://127.0.0.1:9"), new Message(Map.of("row", "1"))),
                new Outgoing(new Recipient("b", "http://127.0.0.1:9"), new Message(Map.of("row", "2"))));
        Map<String, String> rowOf = new ConcurrentHashMap<>();
        try (SkillMessaging messaging = client(transport, 2).build()) {
            BulkSummary summary = messaging
                    .bulkSend()
                    .onResult(r ->
                            rowOf.put(r.recipient().userId(), r.message().data().get("row")))
                    .sendEach(items.iterator());
            assertThat(summary.accepted()).isEqualTo(2);
        }
        assertThat(rowOf).containsExactlyInAnyOrderEntriesOf(Map.of("a", "1", "b", "2"));
        assertThat(transport.requests())
                .filteredOn(r -> !isToken(r))
                .extracting(r -> new String(r.body(), java.nio.charset.StandardCharsets.UTF_8))
                .anySatisfy(body -> assertThat(body).contains("{\"row\":\"1\"}"))
                .anySatisfy(body -> assertThat(body).contains("{\"row\":\"2\"}"));
    }

    @Test
    void aClosedClientRefusesANewStreamingSendAtOnce() {
        SkillMessaging messaging = client(FakeTransport.accepting(), 2).build();
        messaging.close();
        Generated source = new Generated(10);
        assertThatThrownBy(() -> messaging.sendToAll(source, MESSAGE, r -> {}))
                .isInstanceOf(IllegalStateException.class);
        assertThat(messaging.sendToAllAsync(source, MESSAGE, r -> {})).isCompletedExceptionally();
        assertThat(source.taken.get()).isZero();
    }

    @Test
    void anInterruptedBlockingSendStopsTakingRecipientsKeepsTheFlagAndLosesNone() {
        Parking transport = new Parking();
        Generated source = new Generated(1_000);
        List<SendResult> results = new ArrayList<>();
        try (SkillMessaging messaging = client(transport, 3).build()) {
            messaging.accessToken();
            Thread.currentThread().interrupt();
            CompletableFuture.runAsync(() -> {
                while (transport.parked.size() < 3) {
                    Thread.onSpinWait();
                }
                transport.acceptAll();
            });
            assertThatThrownBy(() -> messaging.sendToAll(source, MESSAGE, results::add))
                    .isInstanceOf(BulkSendException.class)
                    .hasCauseInstanceOf(InterruptedException.class);
            assertThat(Thread.interrupted()).isTrue();
        }
        assertThat(source.taken.get()).isEqualTo(3);
        assertThat(results).hasSize(3).allMatch(SendResult::isAccepted);
    }
}
