package io.github.skillmessaging.examples.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.skillmessaging.SkillMessaging;
import io.github.skillmessaging.testkit.DeliveredRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two sync instances on one embedded H2 database file, behind a round-robin proxy that alternates
 * Alexa's requests and the provider's webhooks between them: what {@link PostgresSyncTest} checks
 * on PostgreSQL, without a server, so that it always runs.
 */
class TwoInstancesH2Test {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    void twoInstancesOnOneH2File_alternateRequests_sendEachOutboxRowOnce_andConverge() throws Exception {
        try (TwoWaySync sync = TwoWaySync.start(data, null, "", "", Trace.NONE)) {
            // The same URL TwoWaySync.start gives the first instance's store: one database file.
            String url =
                    "jdbc:h2:file:" + data.resolve("sync").toAbsolutePath() + ";LOCK_TIMEOUT=60000;DB_CLOSE_DELAY=-1";
            SkillMessaging messaging = SkillMessaging.builder()
                    .clientId(sync.skill.clientId())
                    .clientSecret(sync.skill.clientSecret())
                    .tokenBaseAddress(sync.sandbox.lwaBaseAddress())
                    .build();
            SyncStore secondStore = new SyncStore(url, "", "");
            try (SyncService second = new SyncService(
                            secondStore,
                            new ProviderClient(sync.provider.baseUrl()),
                            sync.sandbox
                                    .requestVerifier()
                                    .allowedApplicationIds(sync.skill.applicationId())
                                    .build(),
                            messaging,
                            Trace.NONE);
                    RoundRobin proxy = new RoundRobin(List.of(sync.sync, second))) {
                sync.sandbox.setEndpoint(sync.skill, proxy.skillEndpoint());
                sync.provider.webhook(proxy.webhookUrl());
                sync.linkUser();

                // 1. The scenario, every request and webhook alternating between the instances.
                TwoWaySyncScenarioTest.Scenario.run(sync);
                assertThat(proxy.alexaRequests)
                        .as("Alexa requests per instance")
                        .allSatisfy(n -> assertThat(n.get()).isPositive());
                assertThat(proxy.webhooks)
                        .as("webhooks per instance")
                        .allSatisfy(n -> assertThat(n.get()).isPositive());
                assertEachOutboxRowSentOnce(sync, secondStore);

                // 2. Many changes at once on both sides: both outbox workers compete for the rows.
                ExecutorService pool = Executors.newFixedThreadPool(4);
                try {
                    List<CompletableFuture<Void>> edits = new ArrayList<>();
                    for (int t = 0; t < 3; t++) {
                        int thread = t;
                        edits.add(CompletableFuture.runAsync(
                                () -> {
                                    for (int i = 0; i < 5; i++) {
                                        try {
                                            sync.provider.create(
                                                    TwoWaySync.ACCOUNT, "bulk-" + thread + "-" + i, i % 2 == 0);
                                        } catch (java.sql.SQLException e) {
                                            throw new IllegalStateException(e);
                                        }
                                    }
                                },
                                pool));
                    }
                    edits.add(CompletableFuture.runAsync(
                            () -> {
                                for (int i = 0; i < 3; i++) {
                                    sync.user.addItem(sync.user.shoppingListId(), "alexa-" + i);
                                }
                            },
                            pool));
                    CompletableFuture.allOf(edits.toArray(CompletableFuture[]::new))
                            .join();
                } finally {
                    pool.shutdown();
                }
                sync.quiesce();
                assertThat(sync.alexaList())
                        .hasSize(3 + 15 + 3)
                        .doesNotHaveDuplicates()
                        .isEqualTo(sync.providerList());
                assertEachOutboxRowSentOnce(sync, secondStore);

                // 3. Provider changes nobody was told of (webhooks swallowed), then one MessageReceived
                // delivered six times at the same moment, three times to each instance: the user's row
                // lock lets one copy do the work; the others find nothing left to do or are duplicates.
                proxy.swallowWebhooks.set(true);
                for (int i = 0; i < 3; i++) {
                    sync.provider.create(TwoWaySync.ACCOUNT, "unannounced-" + i, false);
                }
                DeliveredRequest template = sync.sandbox.deliveredRequests().stream()
                        .filter(d -> d.type().equals("Messaging.MessageReceived"))
                        .reduce((a, b) -> b)
                        .orElseThrow();
                String requestId = "amzn1.echo-api.request.dup-" + UUID.randomUUID();
                byte[] once = recrafted(template, requestId);
                HttpClient http = HttpClient.newHttpClient();
                List<CompletableFuture<HttpResponse<Void>>> answers = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    URI target = (i % 2 == 0 ? sync.sync : second).skillEndpoint();
                    answers.add(http.sendAsync(signed(sync, target, once), HttpResponse.BodyHandlers.discarding()));
                }
                List<Integer> statuses =
                        answers.stream().map(f -> f.join().statusCode()).toList();
                // A copy that lost the race on processed_request's key answers 500 (Alexa would retry it).
                assertThat(statuses).contains(200).allMatch(s -> s == 200 || s == 500);
                boolean processed = sync.store.inTransaction(c -> sync.store.isProcessed(c, requestId));
                assertThat(processed).isTrue();
                sync.quiesce();
                proxy.swallowWebhooks.set(false);
                assertThat(sync.alexaList())
                        .as("each unannounced item created in Alexa once")
                        .hasSize(24)
                        .doesNotHaveDuplicates()
                        .contains("unannounced-0", "unannounced-1", "unannounced-2")
                        .isEqualTo(sync.providerList());
                assertEachOutboxRowSentOnce(sync, secondStore);
            }
        }
    }

    /** Every outbox row is sent or pending no more, and the sandbox received exactly one message per sent row. */
    private static void assertEachOutboxRowSentOnce(TwoWaySync sync, SyncStore secondStore) {
        assertThat(sync.store.pendingMessages()).isZero();
        int sent = sync.store.sentMessages();
        assertThat(secondStore.sentMessages())
                .as("both stores see the same database")
                .isEqualTo(sent);
        assertThat(sync.sandbox.receivedMessages())
                .as("each outbox row sent exactly once")
                .hasSize(sent);
        int messageIds = sync.store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                            "SELECT COUNT(DISTINCT message_id) FROM outbox " + "WHERE state = 'SENT'");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
        assertThat(messageIds).as("one message id per sent row").isEqualTo(sent);
    }

    /** The delivered request again with a new request id and the current time, as Alexa would sign it. */
    private static byte[] recrafted(DeliveredRequest template, String requestId) throws IOException {
        ObjectNode envelope = (ObjectNode) JSON.readTree(template.body());
        ObjectNode request = (ObjectNode) envelope.get("request");
        request.put("requestId", requestId);
        request.put("timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        return JSON.writeValueAsBytes(envelope);
    }

    private static HttpRequest signed(TwoWaySync sync, URI target, byte[] body) {
        return PostgresSyncTest.signed(sync.sandbox, target, new String(body, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Forwards {@code /alexa} and {@code /webhook} to the instances in turn. */
    static final class RoundRobin implements AutoCloseable {
        private static final List<String> FORWARDED =
                List.of("Content-Type", "SignatureCertChainUrl", "Signature", "Signature-256");

        final List<AtomicInteger> alexaRequests = new ArrayList<>();
        final List<AtomicInteger> webhooks = new ArrayList<>();
        final AtomicBoolean swallowWebhooks = new AtomicBoolean();
        private final List<SyncService> instances;
        private final AtomicInteger nextAlexa = new AtomicInteger();
        private final AtomicInteger nextWebhook = new AtomicInteger();
        private final HttpClient http = HttpClient.newHttpClient();
        private final HttpServer server;
        private final ExecutorService executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "round-robin");
            t.setDaemon(true);
            return t;
        });

        RoundRobin(List<SyncService> instances) throws IOException {
            this.instances = List.copyOf(instances);
            for (int i = 0; i < instances.size(); i++) {
                alexaRequests.add(new AtomicInteger());
                webhooks.add(new AtomicInteger());
            }
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/alexa", exchange -> {
                int i = Math.floorMod(nextAlexa.getAndIncrement(), this.instances.size());
                alexaRequests.get(i).incrementAndGet();
                forward(exchange, this.instances.get(i).skillEndpoint());
            });
            server.createContext("/webhook", exchange -> {
                if (swallowWebhooks.get()) {
                    try (exchange) {
                        exchange.getRequestBody().readAllBytes();
                        exchange.sendResponseHeaders(204, -1);
                    }
                    return;
                }
                int i = Math.floorMod(nextWebhook.getAndIncrement(), this.instances.size());
                webhooks.get(i).incrementAndGet();
                forward(exchange, this.instances.get(i).webhookUrl());
            });
            server.setExecutor(executor);
            server.start();
        }

        URI skillEndpoint() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/alexa");
        }

        URI webhookUrl() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/webhook");
        }

        private void forward(HttpExchange exchange, URI target) throws IOException {
            try (exchange) {
                HttpRequest.Builder request = HttpRequest.newBuilder(target)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(
                                exchange.getRequestBody().readAllBytes()));
                for (String name : FORWARDED) {
                    String value = exchange.getRequestHeaders().getFirst(name);
                    if (value != null) {
                        request.header(name, value);
                    }
                }
                HttpResponse<byte[]> response;
                try {
                    response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    exchange.sendResponseHeaders(502, -1);
                    return;
                } catch (IOException e) {
                    exchange.sendResponseHeaders(502, -1);
                    return;
                }
                response.headers()
                        .firstValue("Content-Type")
                        .ifPresent(v -> exchange.getResponseHeaders().set("Content-Type", v));
                byte[] body = response.body();
                exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
                if (body.length > 0) {
                    exchange.getResponseBody().write(body);
                }
            }
        }

        @Override
        public void close() {
            server.stop(0);
            executor.shutdownNow();
        }
    }
}
