package io.github.skillmessaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.skillmessaging.error.NotFoundException;
import io.github.skillmessaging.http.HttpTransport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BulkSendTest {
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(4);

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    /** Answers after 5 ms on another thread; 404 for users named "gone-*"; counts requests in flight. */
    final class SlowTransport implements HttpTransport {
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        final AtomicInteger messages = new AtomicInteger();

        @Override
        public CompletableFuture<Response> send(Request request) {
            if (request.uri().getPath().equals("/auth/o2/token")) {
                return CompletableFuture.completedFuture(
                        new Response(200, Map.of(), "{\"access_token\":\"t\",\"expires_in\":3600}".getBytes()));
            }
            messages.incrementAndGet();
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            CompletableFuture<Response> answer = new CompletableFuture<>();
            String user =
                    request.uri().getPath().substring(request.uri().getPath().lastIndexOf('/') + 1);
            timer.schedule(
                    () -> {
                        inFlight.decrementAndGet();
                        answer.complete(
                                user.startsWith("gone-")
                                        ? new Response(404, Map.of(), null)
                                        : new Response(202, Map.of("X-Amzn-RequestId", List.of("id-" + user)), null));
                    },
                    5,
                    TimeUnit.MILLISECONDS);
            return answer;
        }
    }

    @Test
    void everyRecipientGetsAResultInOrderAndNoneIsDropped() {
        SlowTransport transport = new SlowTransport();
        SkillMessaging messaging = SkillMessaging.builder()
                .clientId("id")
                .clientSecret("secret")
                .transport(transport)
                .bulkConcurrency(4)
                .build();
        List<Recipient> recipients = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            recipients.add(Recipient.of((i % 10 == 3 ? "gone-" : "user-") + i, AlexaRegion.EUROPE));
        }
        recipients.add(new Recipient("bad-endpoint", "http://example.com"));

        List<SendResult> results = messaging.sendToAll(recipients, new Message(Map.of("k", "v")));

        assertThat(results).hasSize(41);
        for (int i = 0; i < 40; i++) {
            SendResult r = results.get(i);
            assertThat(r.recipient()).isEqualTo(recipients.get(i));
            if (i % 10 == 3) {
                assertThat(r.isAccepted()).isFalse();
                assertThat(r.failure()).containsInstanceOf(NotFoundException.class);
                assertThat(r.messageId()).isEmpty();
            } else {
                assertThat(r.isAccepted()).isTrue();
                assertThat(r.messageId()).contains("id-user-" + i);
            }
        }
        assertThat(results.get(40).failure()).containsInstanceOf(IllegalArgumentException.class);
        assertThat(transport.messages.get()).isEqualTo(40);
        assertThat(transport.maxInFlight.get()).isBetween(1, 4);
    }

    @Test
    void manySynchronousFailuresDoNotOverflowTheStack() {
        SkillMessaging messaging = SkillMessaging.builder()
                .clientId("id")
                .clientSecret("secret")
                .transport(new SlowTransport())
                .bulkConcurrency(2)
                .build();
        List<Recipient> recipients = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            recipients.add(new Recipient("u" + i, "ftp://nowhere"));
        }
        List<SendResult> results = messaging.sendToAll(recipients, new Message(Map.of()));
        assertThat(results).hasSize(50_000).noneMatch(SendResult::isAccepted);
    }

    @Test
    void anEmptyListGivesAnEmptyResult() {
        SkillMessaging messaging = SkillMessaging.builder()
                .clientId("id")
                .clientSecret("secret")
                .transport(new SlowTransport())
                .build();
        assertThat(messaging.sendToAll(List.of(), new Message(Map.of()))).isEmpty();
    }
}
