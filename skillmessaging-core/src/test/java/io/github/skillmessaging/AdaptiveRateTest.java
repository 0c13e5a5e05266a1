package io.github.skillmessaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.skillmessaging.http.HttpTransport;
import io.github.skillmessaging.http.HttpTransport.Response;
import io.github.skillmessaging.testing.FakeTransport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A client's requests share one rate: a throttle answered to one slows the others down. */
class AdaptiveRateTest {
    private static final Message MESSAGE = new Message(Map.of("k", "v"));

    /** Throttles the first message with {@code Retry-After}, accepts the rest; records when each message came. */
    private static final class ThrottleOnce implements HttpTransport {
        final List<Long> messageTimes = new CopyOnWriteArrayList<>();
        private final AtomicBoolean throttled = new AtomicBoolean();
        private final String retryAfter;

        ThrottleOnce(String retryAfter) {
            this.retryAfter = retryAfter;
        }

        @Override
        public java.util.concurrent.CompletableFuture<Response> send(Request request) {
            if (request.uri().getPath().equals("/auth/o2/token")) {
                return FakeTransport.accepting().send(request);
            }
            messageTimes.add(System.nanoTime());
            Response answer = throttled.compareAndSet(false, true)
                    ? new Response(429, Map.of("Retry-After", List.of(retryAfter)), null)
                    : new Response(202, Map.of("X-Amzn-RequestId", List.of("m")), null);
            return java.util.concurrent.CompletableFuture.completedFuture(answer);
        }
    }

    private static SkillMessaging.Builder client(HttpTransport transport) {
        return SkillMessaging.builder()
                .clientId("id")
                .clientSecret("secret")
                .transport(transport)
                .tokenBaseAddress("http://127.0.0.1:9")
                .defaultEndpoint("http://127.0.0.1:9");
    }

    @Test
    void aLongRetryAfterToOneSendPausesTheNextSendOfTheSameClient() {
        ThrottleOnce server = new ThrottleOnce("2");
        try (SkillMessaging messaging =
                client(server).retryPolicy(RetryPolicy.none()).build()) {
            assertThatThrownBy(() -> messaging.send("u1", MESSAGE)).hasMessageContaining("429");
            assertThat(messaging.send("u2", MESSAGE)).isEqualTo("m");
        }
        long pausedMillis = (server.messageTimes.get(1) - server.messageTimes.get(0)) / 1_000_000;
        assertThat(pausedMillis)
                .as("ms between the throttled send and the next one")
                .isGreaterThanOrEqualTo(1_900);
    }

    @Test
    void withTheAdaptiveRateOffOnlyTheThrottledSendWaits() {
        ThrottleOnce server = new ThrottleOnce("2");
        try (SkillMessaging messaging = client(server)
                .retryPolicy(RetryPolicy.none())
                .adaptiveRate(false)
                .build()) {
            assertThatThrownBy(() -> messaging.send("u1", MESSAGE)).hasMessageContaining("429");
            assertThat(messaging.send("u2", MESSAGE)).isEqualTo("m");
        }
        long millis = (server.messageTimes.get(1) - server.messageTimes.get(0)) / 1_000_000;
        assertThat(millis).isLessThan(1_000);
    }

    @Test
    void aCeilingPacesEveryRequestOfTheClient() {
        FakeTransport server = FakeTransport.accepting();
        List<Long> times = new ArrayList<>();
        try (SkillMessaging messaging =
                client(server).maxRequestsPerSecond(20).adaptiveRate(false).build()) {
            for (int i = 0; i < 6; i++) {
                messaging.send("u" + i, MESSAGE);
                times.add(System.nanoTime());
            }
        }
        // a burst of a tenth of a second (2 requests at 20/s), then one every 50 ms
        long millis = (times.get(5) - times.get(0)) / 1_000_000;
        assertThat(millis).as("ms for 5 sends after the first at 20/s").isGreaterThanOrEqualTo(150);
    }

    /** The order in which users' messages were accepted by a server that throttles u0's first one for 1 s. */
    private static List<String> acceptedOrder(boolean adaptive) {
        List<String> accepted = new CopyOnWriteArrayList<>();
        AtomicBoolean throttled = new AtomicBoolean();
        HttpTransport server = request -> {
            if (request.uri().getPath().equals("/auth/o2/token")) {
                return FakeTransport.accepting().send(request);
            }
            String user =
                    request.uri().getPath().substring(request.uri().getPath().lastIndexOf('/') + 1);
            if (user.equals("u0") && throttled.compareAndSet(false, true)) {
                return java.util.concurrent.CompletableFuture.completedFuture(
                        new Response(429, Map.of("Retry-After", List.of("1")), null));
            }
            accepted.add(user);
            return java.util.concurrent.CompletableFuture.completedFuture(
                    new Response(202, Map.of("X-Amzn-RequestId", List.of("m")), null));
        };
        try (SkillMessaging messaging =
                client(server).bulkConcurrency(1).adaptiveRate(adaptive).build()) {
            List<Recipient> recipients = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                recipients.add(new Recipient("u" + i, "http://127.0.0.1:9"));
            }
            BulkSummary summary = messaging.bulkSend().send(recipients.iterator(), MESSAGE);
            assertThat(summary.accepted()).isEqualTo(5L);
        }
        return accepted;
    }

    @Test
    void inABulkSendARecipientWaitingOutAThrottleLeavesItsSlotToTheNext() {
        assertThat(acceptedOrder(true))
                .as("the others go (at the adapted rate) while u0 waits out its Retry-After")
                .containsExactly("u1", "u2", "u3", "u4", "u0");
        assertThat(acceptedOrder(false))
                .as("without the adaptive rate, u0 holds the only slot meanwhile")
                .containsExactly("u0", "u1", "u2", "u3", "u4");
    }

    @Test
    void recipientsWaitingOutThrottlesAreHeldAtMostFourTimesBulkConcurrency() {
        List<String> requested = new CopyOnWriteArrayList<>();
        HttpTransport server = request -> {
            if (request.uri().getPath().equals("/auth/o2/token")) {
                return FakeTransport.accepting().send(request);
            }
            String user =
                    request.uri().getPath().substring(request.uri().getPath().lastIndexOf('/') + 1);
            boolean first = !requested.contains(user);
            requested.add(user);
            Response answer = first // every recipient's first request is throttled for 1 s
                    ? new Response(429, Map.of("Retry-After", List.of("1")), null)
                    : new Response(202, Map.of("X-Amzn-RequestId", List.of("m")), null);
            return java.util.concurrent.CompletableFuture.completedFuture(answer);
        };
        try (SkillMessaging messaging = client(server).bulkConcurrency(1).build()) {
            List<Recipient> recipients = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                recipients.add(new Recipient("u" + i, "http://127.0.0.1:9"));
            }
            assertThat(messaging.bulkSend().send(recipients.iterator(), MESSAGE).accepted())
                    .isEqualTo(6L);
        }
        int firstRetry = 0;
        while (requested.indexOf(requested.get(firstRetry)) == firstRetry) {
            firstRetry++;
        }
        assertThat(firstRetry)
                .as("recipients taken before the first one's Retry-After ended: %s", requested)
                .isEqualTo(4);
    }

    @Test
    void aNegativeCeilingIsRefused() {
        assertThatThrownBy(() -> SkillMessaging.builder().maxRequestsPerSecond(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxRequestsPerSecond");
    }
}
