package io.github.skillmessaging.benchmarks;

import com.amazon.ask.model.services.ServiceException;
import com.amazon.ask.model.services.skillMessaging.SendSkillMessagingRequest;
import com.amazon.ask.model.services.skillMessaging.SkillMessagingServiceClient;
import io.github.skillmessaging.BulkSummary;
import io.github.skillmessaging.Message;
import io.github.skillmessaging.Recipient;
import io.github.skillmessaging.SkillMessaging;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Section 3b: a bulk send against a server that throttles. The server (the benchmarks' own, on
 * loopback) admits {@code rate} messages a second and answers 429 with {@code Retry-After} beyond;
 * each contender sends {@code rate × seconds} messages, so a contender that holds the server's
 * rate finishes in {@code seconds}. Reported: accepted messages a second, the share of requests
 * answered 429, and messages lost or accepted twice.
 */
final class ThrottledSend {
    private ThrottledSend() {}

    /** What one contender achieved. */
    private record Outcome(String name, int messages, double seconds, int throttled, int accepted, int twice) {}

    static String run(int rate, int seconds) throws Exception {
        int n = rate * seconds;
        List<Outcome> outcomes = new ArrayList<>();
        outcomes.add(ours(
                "streaming `bulkSend()`, defaults (adaptive rate, 16 in flight, `RetryPolicy.DEFAULT`)",
                rate,
                n,
                true));
        outcomes.add(ours(
                "streaming `bulkSend()`, `adaptiveRate(false)`: 16 in flight, each request retries on its own",
                rate,
                n,
                false));
        outcomes.add(ask(rate, n));
        StringBuilder sb = new StringBuilder("## 3b. Bulk send against a throttling server: ")
                .append(n)
                .append(" messages, the server admits ")
                .append(rate)
                .append(" a second\n\n");
        sb.append(
                "| contender | accepted / s | × the server's rate | requests answered 429 | lost | accepted twice |\n");
        sb.append("|---|---|---|---|---|---|\n");
        for (Outcome o : outcomes) {
            double goodput = o.accepted() / o.seconds();
            sb.append("| ")
                    .append(o.name())
                    .append(" | ")
                    .append(format("%.1f", goodput))
                    .append(" | ")
                    .append(format("%.2f", goodput / rate))
                    .append(" | ")
                    .append(format("%.1f %%", 100.0 * o.throttled() / (o.throttled() + o.accepted() + o.twice())))
                    .append(" | ")
                    .append(o.messages() - o.accepted())
                    .append(" | ")
                    .append(o.twice())
                    .append(" |\n");
        }
        sb.append("\nThe server is a token bucket holding a tenth of a second of admissions; a refused request gets "
                + "`Retry-After` in whole seconds (at least 1). Each contender has a server of its own and a warm "
                + "token. Target (issue #13): the default at ≥ 0.95 of the server's rate with ≤ 3 % of its "
                + "requests answered 429, none lost. In a bulk send a throttle answer does not use up one of the "
                + "`RetryPolicy`'s attempts (at most 100 go uncounted, within its 60 s total timeout), so a "
                + "recipient is not failed for having been throttled. The ASK SDK has no retry of its own: its row retries a 429 "
                + "after 1 s, as a caller would have to.\n\n");
        return sb.toString();
    }

    private static Outcome ours(String name, int rate, int n, boolean adaptive) throws Exception {
        try (StubServer server = new StubServer(0, rate);
                SkillMessaging messaging = SkillMessaging.builder()
                        .clientId("bench-client")
                        .clientSecret("bench-secret")
                        .tokenBaseAddress(server.baseUrl())
                        .defaultEndpoint(server.baseUrl())
                        .adaptiveRate(adaptive)
                        .build()) {
            messaging.accessToken();
            Iterator<Recipient> recipients = IntStream.range(0, n)
                    .mapToObj(i -> new Recipient("amzn1.ask.account.T" + i, server.baseUrl()))
                    .iterator();
            AtomicInteger failed = new AtomicInteger();
            BulkSummary summary = messaging
                    .bulkSend()
                    .onResult(r -> {
                        if (!r.isAccepted()) {
                            failed.incrementAndGet();
                            Contenders.LAST_FAILURE.set(r);
                        }
                    })
                    .send(recipients, new Message(Contenders.DATA));
            if (summary.total() != n || summary.failed() != failed.get()) {
                throw new IllegalStateException(name + ": " + summary + " for " + n + " recipients");
            }
            return new Outcome(
                    name,
                    n,
                    summary.elapsed().toNanos() / 1e9,
                    server.throttled(),
                    server.acceptedUsers(),
                    server.acceptedTwice());
        }
    }

    private static Outcome ask(int rate, int n) throws Exception {
        try (StubServer server = new StubServer(0, rate)) {
            SkillMessagingServiceClient client = Contenders.askClient(server.baseUrl(), server.baseUrl(), 16);
            SendSkillMessagingRequest request = SendSkillMessagingRequest.builder()
                    .withData(Contenders.DATA)
                    .withExpiresAfterSeconds(3600L)
                    .build();
            ExecutorService threads = Executors.newFixedThreadPool(16);
            AtomicInteger next = new AtomicInteger();
            long start = System.nanoTime();
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                workers.add(threads.submit(() -> {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        for (int attempt = 0; attempt < 100; attempt++) {
                            try {
                                client.sendSkillMessage("amzn1.ask.account.T" + i, request);
                                break;
                            } catch (ServiceException e) {
                                if (e.getStatusCode() != 429) {
                                    Contenders.LAST_FAILURE.set(e);
                                    break;
                                }
                                Thread.sleep(1_000);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            threads.shutdownNow();
            return new Outcome(
                    "ASK SDK 2.86.0, 16 threads, a 429 retried after 1 s",
                    n,
                    seconds,
                    server.throttled(),
                    server.acceptedUsers(),
                    server.acceptedTwice());
        }
    }

    private static String format(String pattern, double value) {
        return String.format(Locale.ROOT, pattern, value);
    }
}
