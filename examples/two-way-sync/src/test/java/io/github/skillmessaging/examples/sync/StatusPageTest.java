package io.github.skillmessaging.examples.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operations view: {@code /health} and {@code /status} on a port of their own. */
class StatusPageTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path data;

    @Test
    void theRunningServiceReportsItsFigures() throws Exception {
        try (TwoWaySync sync = TwoWaySync.start(
                data,
                null,
                "",
                "",
                Trace.NONE,
                SyncService.Options.DEFAULTS.withStatusPage(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)))) {
            URI page = sync.sync.statusPage().orElseThrow();
            assertThat(page.getPort())
                    .as("its own port")
                    .isNotEqualTo(sync.sync.skillEndpoint().getPort());
            sync.linkUser();
            sync.provider.create(TwoWaySync.ACCOUNT, "eggs", false);
            sync.quiesce();
            sync.provider.failNext(1); // the next reconcile fails once: Alexa delivers again
            sync.user.addItem(sync.user.shoppingListId(), "milk");
            sync.quiesce();

            HttpResponse<String> health = get(page.resolve("/health"));
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(health.body()).path("status").asText()).isEqualTo("UP");

            HttpResponse<String> response = get(page.resolve("/status"));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
            JsonNode status = JSON.readTree(response.body());
            assertThat(status.path("usersLinked").asInt()).isEqualTo(1);
            assertThat(status.path("outbox").path("depth").asInt()).isZero();
            assertThat(status.path("messages").path("sent").asInt())
                    .isEqualTo(sync.store.sentMessages())
                    .isPositive();
            assertThat(status.path("messages").path("sentByThisInstance").asInt())
                    .isEqualTo(sync.store.sentMessages());
            assertThat(status.path("lastReconcileAgeSeconds").path("never").asInt())
                    .isZero();
            assertThat(status.path("lastReconcileAgeSeconds").path("max").asDouble())
                    .isBetween(0.0, 60.0);
            assertThat(status.path("reconcilesByThisInstance").asInt()).isPositive();
            assertThat(status.path("errorsByType")
                            .path("alexa-request-failed:ProviderException")
                            .asInt())
                    .isEqualTo(1);
            assertThat(status.path("instance").path("uptimeSeconds").asDouble()).isPositive();
        }
    }

    @Test
    void outboxDepthOldestAgeAndReconcilePercentiles_fromTheDatabase() throws Exception {
        SyncStore store = new SyncStore("jdbc:h2:file:" + data.resolve("sync").toAbsolutePath(), "", "");
        Instant now = Instant.now();
        store.inTransaction(c -> {
            for (int i = 1; i <= 10; i++) { // reconciled 1..10 minutes ago
                String user = "user-" + i;
                store.upsertUser(c, user, "http://127.0.0.1:1");
                store.linkAccount(c, user, "account-" + i);
                store.grantLists(c, user);
                store.markReconciled(c, user, now.minus(Duration.ofMinutes(i)));
            }
            store.upsertUser(c, "never", "http://127.0.0.1:1");
            store.linkAccount(c, "never", "account-never");
            store.grantLists(c, "never");
            store.upsertUser(c, "not-linked", "http://127.0.0.1:1");
            store.enqueue(c, "user-1", "provider-created", now.minus(Duration.ofSeconds(90)));
            store.enqueue(c, "user-2", "provider-created", now.minus(Duration.ofSeconds(30)));
            return null;
        });
        SyncMetrics metrics = new SyncMetrics();
        metrics.error("outbox-send:ApiTimeoutException");
        metrics.error("outbox-send:ApiTimeoutException");
        try (StatusPage page =
                StatusPage.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), store, metrics)) {
            JsonNode status =
                    JSON.readTree(get(page.baseUrl().resolve("/status")).body());
            assertThat(status.path("usersLinked").asInt()).isEqualTo(11);
            assertThat(status.path("outbox").path("depth").asInt()).isEqualTo(2);
            assertThat(status.path("outbox").path("oldestPendingSeconds").asDouble())
                    .isBetween(90.0, 120.0);
            JsonNode ages = status.path("lastReconcileAgeSeconds");
            assertThat(ages.path("p50").asDouble()).isBetween(300.0, 330.0);
            assertThat(ages.path("p90").asDouble()).isBetween(540.0, 570.0);
            assertThat(ages.path("p99").asDouble()).isBetween(600.0, 630.0);
            assertThat(ages.path("max").asDouble()).isBetween(600.0, 630.0);
            assertThat(ages.path("never").asInt()).isEqualTo(1);
            assertThat(status.path("errorsByType")
                            .path("outbox-send:ApiTimeoutException")
                            .asInt())
                    .isEqualTo(2);
        }
        assertThat(StatusPage.percentile(List.of(Duration.ofSeconds(1)), 99)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void healthIsDownWhenTheDatabaseIsGone() throws Exception {
        String file = data.resolve("gone").toAbsolutePath().toString();
        new SyncStore("jdbc:h2:file:" + file, "", "");
        SyncStore store = new SyncStore("jdbc:h2:file:" + file + ";IFEXISTS=TRUE", "", "");
        try (StatusPage page = StatusPage.start(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), store, new SyncMetrics())) {
            assertThat(get(page.baseUrl().resolve("/health")).statusCode()).isEqualTo(200);
            try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + file, "", "")) {
                c.createStatement().execute("SHUTDOWN");
            }
            java.nio.file.Files.deleteIfExists(Path.of(file + ".mv.db"));
            HttpResponse<String> health = get(page.baseUrl().resolve("/health"));
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(health.body()).path("status").asText()).isEqualTo("DOWN");
        }
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
