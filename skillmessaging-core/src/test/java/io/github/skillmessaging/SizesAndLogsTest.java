package io.github.skillmessaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.skillmessaging.error.NotFoundException;
import io.github.skillmessaging.error.ServerErrorException;
import io.github.skillmessaging.http.HttpTransport;
import io.github.skillmessaging.testing.CapturingLoggerFinder;
import io.github.skillmessaging.testing.FakeTransport;
import io.github.skillmessaging.testing.RecordingSleeper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What goes on the wire for non-BMP text, and what a retried or failed call logs. */
class SizesAndLogsTest {
    static final String SECRET = "the-client-secret-9";
    static final String TOKEN = "Atza|the-access-token-8";

    static FakeTransport answering(int... statuses) {
        AtomicInteger next = new AtomicInteger();
        return new FakeTransport(r -> r.uri().getPath().equals("/auth/o2/token")
                ? new HttpTransport.Response(
                        200,
                        Map.of(),
                        ("{\"access_token\":\"" + TOKEN + "\",\"expires_in\":3600}").getBytes(StandardCharsets.UTF_8))
                : new HttpTransport.Response(
                        statuses[Math.min(next.getAndIncrement(), statuses.length - 1)],
                        Map.of("X-Amzn-RequestId", List.of("rq-" + next.get())),
                        null));
    }

    static SkillMessaging client(FakeTransport transport) {
        return SkillMessaging.builder()
                .clientId("client-id")
                .clientSecret(SECRET)
                .transport(transport)
                .defaultEndpoint("https://api.amazonalexa.com")
                .sleeper(new RecordingSleeper())
                .retryPolicy(RetryPolicy.builder().jitter(0).build())
                .build();
    }

    /** The lines logged while {@code action} ran. */
    static List<String> logged(Runnable action) {
        int before = CapturingLoggerFinder.lines().size();
        action.run();
        List<String> lines = CapturingLoggerFinder.lines();
        return lines.subList(before, lines.size());
    }

    @Test
    void sixKilobytesOfEmojiAreSentAsFourByteUtf8() {
        FakeTransport transport = answering(202);
        String emoji = "\uD83D\uDE00".repeat(1534);
        try (SkillMessaging messaging = client(transport)) {
            messaging.send("u1", new Message(Map.of("k", emoji), 60));
        }
        HttpTransport.Request sent = transport.requests().get(1);
        byte[] expected =
                ("{\"data\":{\"k\":\"" + emoji + "\"},\"expiresAfterSeconds\":60}").getBytes(StandardCharsets.UTF_8);
        assertThat(sent.body()).isEqualTo(expected);
        assertThat(sent.body()).hasSize(6144 + "{\"data\":,\"expiresAfterSeconds\":60}".length());
    }

    @Test
    void retriesLogAtDebugAndTheFinalFailureOnceAtWarningWithoutSecretsOrData() {
        FakeTransport transport = answering(503, 500, 502);
        SkillMessaging messaging = client(transport);
        List<String> lines = logged(() -> assertThat(catchThrowable(
                        () -> messaging.send("user-7", new Message(Map.of("secret-data-key", "secret-data-value")))))
                .isInstanceOf(ServerErrorException.class));

        assertThat(lines)
                .filteredOn(l -> l.contains("Retrying"))
                .hasSize(2)
                .allSatisfy(l -> assertThat(l).startsWith("DEBUG "));
        assertThat(lines).noneMatch(l -> l.startsWith("INFO "));
        List<String> warnings =
                lines.stream().filter(l -> l.startsWith("WARNING ")).toList();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0))
                .contains("send skill message")
                .contains("HTTP 502")
                .contains("ServerErrorException")
                .contains("3 attempts")
                .contains("rq-3");
        assertThat(lines)
                .allSatisfy(l -> assertThat(l)
                        .doesNotContain(SECRET)
                        .doesNotContain(TOKEN)
                        .doesNotContain("the-access-token")
                        .doesNotContain("secret-data"));
    }

    @Test
    void aFailureThatIsNotRetriedLogsOneWarningToo() {
        SkillMessaging messaging = client(answering(404));
        List<String> lines = logged(() -> assertThat(catchThrowable(() -> messaging.send("u1", new Message(Map.of()))))
                .isInstanceOf(NotFoundException.class));
        assertThat(lines)
                .filteredOn(l -> l.startsWith("WARNING "))
                .singleElement()
                .asString()
                .contains("send skill message")
                .contains("HTTP 404")
                .contains("1 attempt");
    }

    @Test
    void aSuccessfulCallLogsNoWarning() {
        SkillMessaging messaging = client(answering(503, 202));
        List<String> lines = logged(() -> messaging.send("u1", new Message(Map.of())));
        assertThat(lines).noneMatch(l -> l.startsWith("WARNING ") || l.startsWith("INFO "));
    }
}
