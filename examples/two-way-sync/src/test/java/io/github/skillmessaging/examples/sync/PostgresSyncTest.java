package io.github.skillmessaging.examples.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.skillmessaging.SkillMessaging;
import io.github.skillmessaging.testkit.AlexaSandbox;
import io.github.skillmessaging.testkit.DeliveredRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL store, the documented choice for more than one instance, against a real server:
 * {@code eval "$(examples/two-way-sync/scripts/start-postgres)"} starts one (CI does). Without it
 * the tests fail on CI and are skipped elsewhere.
 */
class PostgresSyncTest {
    static final String URL = System.getenv("SYNC_TEST_POSTGRES_URL");
    static final String USER = System.getenv().getOrDefault("SYNC_TEST_POSTGRES_USER", "sync");
    static final String PASSWORD = System.getenv().getOrDefault("SYNC_TEST_POSTGRES_PASSWORD", "sync");

    @TempDir
    Path data;

    String schemaUrl;

    @BeforeEach
    void freshSchema() throws Exception {
        if (URL == null) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("CI must provide PostgreSQL: SYNC_TEST_POSTGRES_URL is not set "
                        + "(.ci/run runs examples/two-way-sync/scripts/start-postgres)");
            }
            Assumptions.abort("No PostgreSQL: run eval \"$(examples/two-way-sync/scripts/start-postgres)\" first");
        }
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD)) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        }
        schemaUrl = URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @Test
    void theScenarioRunsOnPostgres() throws Exception {
        try (TwoWaySync sync = TwoWaySync.start(data, schemaUrl, USER, PASSWORD, Trace.NONE)) {
            sync.linkUser();
            TwoWaySyncScenarioTest.Scenario.run(sync);
        }
    }

    @Test
    void twoInstancesOnOneDatabaseSendEachMessageOnceAndHandleEachRequestOnce() throws Exception {
        try (TwoWaySync sync = TwoWaySync.start(data, schemaUrl, USER, PASSWORD, Trace.NONE)) {
            sync.linkUser();
            SkillMessaging messaging = SkillMessaging.builder()
                    .clientId(sync.skill.clientId())
                    .clientSecret(sync.skill.clientSecret())
                    .tokenBaseAddress(sync.sandbox.lwaBaseAddress())
                    .build();
            try (SyncService second = new SyncService(
                    new SyncStore(schemaUrl, USER, PASSWORD),
                    new ProviderClient(sync.provider.baseUrl()),
                    sync.sandbox
                            .requestVerifier()
                            .allowedApplicationIds(sync.skill.applicationId())
                            .build(),
                    messaging,
                    Trace.NONE)) {
                // Webhooks reach the second instance; both instances' outbox workers compete for the rows.
                sync.provider.webhook(second.webhookUrl());
                for (int i = 0; i < 6; i++) {
                    sync.provider.create(TwoWaySync.ACCOUNT, "item " + i, false);
                }
                sync.user.addItem(sync.user.shoppingListId(), "from alexa");
                sync.quiesce();
                assertThat(sync.alexaList()).isEqualTo(sync.providerList()).hasSize(7);
                assertThat(sync.store.sentMessages())
                        .as("every outbox row sent exactly once")
                        .isEqualTo(sync.sandbox.receivedMessages().size());

                // The same signed request at both instances at once: one handles it, the other acknowledges
                // it as a duplicate (or fails on the unique key, and Alexa's retry is then a duplicate).
                int messagesBefore = sync.sandbox.receivedMessages().size();
                List<DeliveredRequest> delivered = sync.sandbox.deliveredRequests();
                DeliveredRequest event = delivered.get(delivered.size() - 1);
                HttpClient http = HttpClient.newHttpClient();
                List<CompletableFuture<HttpResponse<Void>>> answers = new ArrayList<>();
                for (URI target : List.of(sync.sync.skillEndpoint(), second.skillEndpoint())) {
                    answers.add(http.sendAsync(
                            signed(sync.sandbox, target, event.body()), HttpResponse.BodyHandlers.discarding()));
                }
                List<Integer> statuses =
                        answers.stream().map(f -> f.join().statusCode()).toList();
                assertThat(statuses).contains(200);
                sync.quiesce();
                assertThat(sync.alexaList()).isEqualTo(sync.providerList()).hasSize(7);
                assertThat(sync.sandbox.receivedMessages()).hasSize(messagesBefore);
            }
        }
    }

    static HttpRequest signed(AlexaSandbox sandbox, URI target, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(target)
                .header("Content-Type", "application/json")
                .header("SignatureCertChainUrl", sandbox.certificateChainUrl())
                .header("Signature-256", sandbox.certificates().sign(bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
    }
}
