package io.github.skillmessaging.examples.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.skillmessaging.RetryPolicy;
import io.github.skillmessaging.SkillMessaging;
import io.github.skillmessaging.http.HttpTransport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox drains with one streaming bulk send: each row marked as its own result says. */
class OutboxWorkerTest {
    @TempDir
    Path data;

    @Test
    void aDrainSendsEveryDueRowItsOwnMessageAndMarksEachRowByItsResult() {
        SyncStore store =
                new SyncStore("jdbc:h2:file:" + data.resolve("sync").toAbsolutePath() + ";LOCK_TIMEOUT=10000", "", "");
        for (int i = 0; i < 30; i++) {
            String user = (i % 10 == 3 ? "gone-" : i % 10 == 7 ? "flaky-" : "user-") + i;
            store.inTransaction(c -> {
                store.upsertUser(c, user, "http://127.0.0.1:1");
                store.linkAccount(c, user, "account-" + user);
                store.enqueue(c, user, "sync-now", Instant.now().minusSeconds(1));
                return null;
            });
        }
        List<String> bodies = new CopyOnWriteArrayList<>();
        HttpTransport alexa = request -> {
            if (request.uri().getPath().endsWith("/token")) {
                return CompletableFuture.completedFuture(new HttpTransport.Response(
                        200,
                        Map.of(),
                        "{\"access_token\":\"t\",\"expires_in\":3600}".getBytes(StandardCharsets.UTF_8)));
            }
            String path = request.uri().getPath();
            String user = path.substring(path.lastIndexOf('/') + 1);
            bodies.add(new String(request.body(), StandardCharsets.UTF_8));
            int status = user.startsWith("gone-") ? 404 : user.startsWith("flaky-") ? 500 : 202;
            return CompletableFuture.supplyAsync(
                    () -> new HttpTransport.Response(status, Map.of("X-Amzn-RequestId", List.of("id-" + user)), null));
        };
        List<String> trace = new CopyOnWriteArrayList<>();
        SyncMetrics metrics = new SyncMetrics();
        try (SkillMessaging messaging = SkillMessaging.builder()
                .clientId("id")
                .clientSecret("secret")
                .tokenBaseAddress("http://127.0.0.1:1")
                .transport(alexa)
                .retryPolicy(RetryPolicy.none())
                .bulkConcurrency(4)
                .build()) {
            OutboxWorker worker =
                    new OutboxWorker(store, messaging, trace::add, Duration.ofSeconds(30), metrics, Duration.ZERO);

            // A row answered 500 is due again after 200 ms: a slow drain may send it again.
            assertThat(worker.drain()).as("%s", trace).isGreaterThanOrEqualTo(30);
        }
        assertThat(bodies).hasSizeGreaterThanOrEqualTo(30);
        assertThat(bodies.stream()
                        .map(b -> b.replaceAll(".*\"outbox\":\"(\\d+)\".*", "$1"))
                        .distinct())
                .as("each row's message names its row")
                .hasSize(30);
        assertThat(metrics.messagesSent()).isEqualTo(24);
        assertThat(store.sentMessages()).isEqualTo(24);
        assertThat(metrics.errors()).containsEntry("outbox-user-unknown", 3L);
        assertThat(metrics.errors().get("outbox-send:ServerErrorException")).isGreaterThanOrEqualTo(3L);
        assertThat(store.pendingMessages()).as("the 500s are due again later").isEqualTo(3);
        assertThat(trace).anyMatch(line -> line.startsWith("[outbox] draining: ") && line.contains(" done: "));
    }
}
