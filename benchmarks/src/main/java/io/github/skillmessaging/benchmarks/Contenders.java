package io.github.skillmessaging.benchmarks;

import com.amazon.ask.model.services.DefaultApiConfiguration;
import com.amazon.ask.model.services.DefaultAuthenticationConfiguration;
import com.amazon.ask.model.services.lwa.LwaClient;
import com.amazon.ask.model.services.skillMessaging.SendSkillMessagingRequest;
import com.amazon.ask.model.services.skillMessaging.SkillMessagingServiceClient;
import com.amazon.ask.services.ApacheHttpApiClient;
import com.amazon.ask.util.JacksonSerializer;
import io.github.skillmessaging.Message;
import io.github.skillmessaging.Recipient;
import io.github.skillmessaging.RetryPolicy;
import io.github.skillmessaging.SendResult;
import io.github.skillmessaging.SkillMessaging;
import io.github.skillmessaging.http.HttpTransport;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.apache.http.impl.client.HttpClientBuilder;
import org.apache.http.impl.client.HttpClients;

/** The three ways to send N skill messages with K in flight that the fan-out benchmark compares. */
final class Contenders {
    static final Map<String, String> DATA = Map.of("listItemId", "42", "change", "created");
    /** The last failure any contender saw, for the error message when a run loses messages. */
    static final java.util.concurrent.atomic.AtomicReference<Object> LAST_FAILURE =
            new java.util.concurrent.atomic.AtomicReference<>("none");

    private Contenders() {}

    /** A fan-out run: sends {@code n} messages and returns the number accepted. */
    interface Run {
        int send(int n) throws Exception;
    }

    /** This library: {@code SkillMessaging.sendToAll} with {@code bulkConcurrency = inFlight}, token cached. */
    static Run library(String lwaBase, String endpoint, int inFlight, HttpTransport transport) {
        SkillMessaging messaging = SkillMessaging.builder()
                .clientId("bench-client")
                .clientSecret("bench-secret")
                .transport(transport)
                .tokenBaseAddress(lwaBase)
                .defaultEndpoint(endpoint)
                .bulkConcurrency(inFlight)
                .retryPolicy(RetryPolicy.none())
                .attemptTimeout(Duration.ofSeconds(30))
                .build();
        messaging.accessToken();
        Message message = new Message(DATA, 3600);
        Map<Integer, List<Recipient>> lists = new java.util.concurrent.ConcurrentHashMap<>();
        return n -> {
            // the recipients exist before a bulk send (loaded from the user store): not part of the send
            List<Recipient> recipients = lists.computeIfAbsent(n, size -> {
                List<Recipient> list = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    list.add(new Recipient("amzn1.ask.account.BENCH" + i, endpoint));
                }
                return List.copyOf(list);
            });
            int accepted = 0;
            for (SendResult result : messaging.sendToAll(recipients, message)) {
                if (result.isAccepted()) {
                    accepted++;
                } else {
                    LAST_FAILURE.set(result);
                }
            }
            return accepted;
        };
    }

    /**
     * The floor: the same transport and request driven by hand, no retries, no token cache, no result
     * objects. {@code inFlight} chains each send their next request from the completion of the
     * last, as {@code sendToAll} does, so that no thread hand-off is counted that the library
     * does not make.
     */
    static Run rawTransport(String endpoint, int inFlight, HttpTransport transport) {
        byte[] body = "{\"data\":{\"listItemId\":\"42\",\"change\":\"created\"},\"expiresAfterSeconds\":3600}"
                .getBytes(StandardCharsets.UTF_8);
        // The headers the SDK sends, so that the ratio measures the SDK's work, not a smaller request.
        Map<String, String> headers = Map.of(
                "Authorization", "Bearer Atc|bench",
                "Accept", "application/json",
                "Content-Type", "application/json",
                "User-Agent", "skillmessaging-java/bench");
        return n -> new RawChains(n, inFlight, transport, endpoint, headers, body).run();
    }

    /**
     * {@code inFlight} chains of sends on a transport: each completion starts the next send. A send
     * that completes at once (a failure) loops instead of recursing, as {@code sendToAll} does.
     */
    @SuppressWarnings("ArrayRecordComponent") // one body, sent as it is; the record is never compared
    private record RawChains(
            int n,
            int inFlight,
            HttpTransport transport,
            String endpoint,
            Map<String, String> headers,
            byte[] body,
            AtomicInteger next,
            AtomicInteger accepted,
            AtomicInteger done,
            CompletableFuture<Void> all) {
        RawChains(
                int n,
                int inFlight,
                HttpTransport transport,
                String endpoint,
                Map<String, String> headers,
                byte[] body) {
            this(
                    n,
                    inFlight,
                    transport,
                    endpoint,
                    headers,
                    body,
                    new AtomicInteger(),
                    new AtomicInteger(),
                    new AtomicInteger(),
                    new CompletableFuture<>());
        }

        int run() {
            for (int c = 0; c < Math.min(inFlight, n); c++) {
                chain();
            }
            all.join();
            return accepted.get();
        }

        private void chain() {
            for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                HttpTransport.Request request = new HttpTransport.Request(
                        "POST",
                        URI.create(endpoint + "/v1/skillmessages/users/amzn1.ask.account.BENCH" + i),
                        headers,
                        body,
                        Duration.ofSeconds(30));
                CompletableFuture<HttpTransport.Response> sent = transport.send(request);
                if (!sent.isDone()) {
                    sent.whenComplete((r, e) -> {
                        count(r, e);
                        chain();
                    });
                    return;
                }
                sent.whenComplete(this::count);
            }
        }

        private void count(HttpTransport.Response r, Throwable e) {
            if (r != null && r.statusCode() == 202) {
                accepted.incrementAndGet();
            } else {
                LAST_FAILURE.set(e != null ? e : r);
            }
            if (done.incrementAndGet() == n) {
                all.complete(null);
            }
        }
    }

    /** Amazon's ASK SDK: {@code SkillMessagingServiceClient} on Apache HttpClient, pool = threads = in flight. */
    static Run askSdk(String lwaBase, String endpoint, int inFlight) {
        return askSdk(lwaBase, endpoint, inFlight, null);
    }

    /** The same over TLS trusting {@code tls} (null: the JDK's defaults). */
    static Run askSdk(String lwaBase, String endpoint, int inFlight, SSLContext tls) {
        SkillMessagingServiceClient client = askClient(lwaBase, endpoint, inFlight, tls);
        SendSkillMessagingRequest request = SendSkillMessagingRequest.builder()
                .withData(DATA)
                .withExpiresAfterSeconds(3600L)
                .build();
        ExecutorService threads = Executors.newFixedThreadPool(inFlight);
        return n -> {
            AtomicInteger next = new AtomicInteger();
            AtomicInteger accepted = new AtomicInteger();
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < inFlight; t++) {
                workers.add(threads.submit(() -> {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        try {
                            client.sendSkillMessage("amzn1.ask.account.BENCH" + i, request);
                            accepted.incrementAndGet();
                        } catch (RuntimeException e) {
                            LAST_FAILURE.set(e); // counted as not accepted
                        }
                    }
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
            return accepted.get();
        };
    }

    static SkillMessagingServiceClient askClient(String lwaBase, String endpoint, int poolSize) {
        return askClient(lwaBase, endpoint, poolSize, null);
    }

    static SkillMessagingServiceClient askClient(String lwaBase, String endpoint, int poolSize, SSLContext tls) {
        HttpClientBuilder apache =
                HttpClients.custom().setMaxConnTotal(poolSize).setMaxConnPerRoute(poolSize);
        if (tls != null) {
            apache.setSSLContext(tls);
        }
        ApacheHttpApiClient http =
                ApacheHttpApiClient.custom().withHttpClient(apache.build()).build();
        LwaClient lwa = LwaClient.builder()
                .withApiConfiguration(DefaultApiConfiguration.builder()
                        .withApiClient(http)
                        .withSerializer(new JacksonSerializer())
                        .withApiEndpoint(lwaBase)
                        .build())
                .withAuthenticationConfiguration(DefaultAuthenticationConfiguration.builder()
                        .withClientId("bench-client")
                        .withClientSecret("bench-secret")
                        .build())
                .build();
        return new SkillMessagingServiceClient(
                DefaultApiConfiguration.builder()
                        .withApiClient(http)
                        .withSerializer(new JacksonSerializer())
                        .withApiEndpoint(endpoint)
                        .build(),
                lwa);
    }
}
