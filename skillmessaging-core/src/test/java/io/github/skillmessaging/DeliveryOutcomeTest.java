package io.github.skillmessaging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.skillmessaging.error.ApiTimeoutException;
import io.github.skillmessaging.error.BadRequestException;
import io.github.skillmessaging.error.ServerErrorException;
import io.github.skillmessaging.error.SkillMessagingException;
import io.github.skillmessaging.error.TokenRequestException;
import io.github.skillmessaging.error.TransportException;
import io.github.skillmessaging.http.HttpTransport;
import io.github.skillmessaging.testing.Lwa;
import io.github.skillmessaging.testing.MutableClock;
import io.github.skillmessaging.testing.RecordingSleeper;
import io.github.skillmessaging.testing.Sequence;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each failed send says whether Alexa may nevertheless have queued the message. */
class DeliveryOutcomeTest {
    static final String PATH = "/v1/skillmessages/users/u1";

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    final MutableClock clock = MutableClock.at("2026-11-25T10:00:00Z");
    final Message message = new Message(Map.of("k", "v"));

    SkillMessaging.Builder builder() {
        return SkillMessaging.builder()
                .clientId("id")
                .clientSecret("secret")
                .tokenBaseAddress(wm.baseUrl())
                .defaultEndpoint(wm.baseUrl())
                .sleeper(new RecordingSleeper())
                .retryPolicy(RetryPolicy.builder().jitter(0).build());
    }

    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** LWA answers from {@code tokens} (the last repeating); Alexa requests get the next step of {@code alexa}. */
    static final class ScriptedTransport implements HttpTransport {
        final Deque<Supplier<CompletableFuture<Response>>> alexa = new ArrayDeque<>();
        final Deque<Response> tokens = new ArrayDeque<>(List.of(token(3600)));
        int alexaRequests;

        static Response token(long expiresIn) {
            return new Response(
                    200,
                    Map.of(),
                    ("{\"access_token\":\"t\",\"expires_in\":" + expiresIn + "}").getBytes(StandardCharsets.UTF_8));
        }

        static CompletableFuture<Response> status(int status) {
            return CompletableFuture.completedFuture(new Response(status, Map.of(), null));
        }

        static CompletableFuture<Response> never() {
            return new CompletableFuture<>();
        }

        static CompletableFuture<Response> reset() {
            return CompletableFuture.failedFuture(
                    new TransportException("POST ... failed", new IOException("Connection reset")));
        }

        static CompletableFuture<Response> refused() {
            return CompletableFuture.failedFuture(
                    new TransportException("POST ... failed", new ConnectException("Connection refused")));
        }

        ScriptedTransport then(Supplier<CompletableFuture<Response>> step) {
            alexa.add(step);
            return this;
        }

        @Override
        public synchronized CompletableFuture<Response> send(Request request) {
            if (request.uri().getPath().equals("/auth/o2/token")) {
                return CompletableFuture.completedFuture(tokens.size() > 1 ? tokens.poll() : tokens.peek());
            }
            alexaRequests++;
            return (alexa.size() > 1 ? alexa.poll() : alexa.peek()).get();
        }
    }

    SkillMessaging scripted(ScriptedTransport transport, RetryPolicy policy) {
        return SkillMessaging.builder()
                .clientId("id")
                .clientSecret("secret")
                .transport(transport)
                .defaultEndpoint("https://api.amazonalexa.com")
                .clock(clock)
                .sleeper(new RecordingSleeper(clock))
                .attemptTimeout(Duration.ofMillis(200))
                .retryPolicy(policy)
                .build();
    }

    static RetryPolicy attempts(int n) {
        return RetryPolicy.builder().maxAttempts(n).jitter(0).build();
    }

    static SkillMessagingException failureOf(SkillMessaging messaging) {
        Throwable t = catchThrowable(() -> messaging.send("u1", new Message(Map.of("k", "v"))));
        assertThat(t).isInstanceOf(SkillMessagingException.class);
        return (SkillMessagingException) t;
    }

    @Test
    void aConnectionResetAfterTheRequestWasWrittenMayHaveBeenDelivered() {
        wm.stubFor(Lwa.tokenStub("tok", 3600));
        wm.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        SkillMessagingException e = failureOf(builder().build());
        assertThat(e).isInstanceOf(TransportException.class);
        assertThat(e.mayHaveBeenDelivered()).isTrue();
    }

    @Test
    void aRefusedConnectionWasCertainlyNotDelivered() throws IOException {
        wm.stubFor(Lwa.tokenStub("tok", 3600));
        SkillMessagingException e = failureOf(
                builder().defaultEndpoint("http://127.0.0.1:" + closedPort()).build());
        assertThat(e).isInstanceOf(TransportException.class).hasCauseInstanceOf(ConnectException.class);
        assertThat(e.mayHaveBeenDelivered()).isFalse();
    }

    @Test
    void anAttemptTimeoutThenA503MayHaveBeenDelivered() {
        ScriptedTransport transport =
                new ScriptedTransport().then(ScriptedTransport::never).then(() -> ScriptedTransport.status(503));
        SkillMessagingException e = failureOf(scripted(transport, attempts(3)));
        assertThat(e).isInstanceOf(ServerErrorException.class);
        assertThat(e.mayHaveBeenDelivered()).isTrue();
        assertThat(transport.alexaRequests).isEqualTo(3);
    }

    @Test
    void anEarlyAmbiguousFailureFollowedByAFinal400StillMayHaveBeenDelivered() {
        ScriptedTransport transport =
                new ScriptedTransport().then(ScriptedTransport::reset).then(() -> ScriptedTransport.status(400));
        SkillMessagingException e = failureOf(scripted(transport, attempts(3)));
        assertThat(e).isInstanceOf(BadRequestException.class);
        assertThat(e.mayHaveBeenDelivered()).isTrue();
    }

    @Test
    void onlyErrorAnswersAndRefusedConnectionsWereCertainlyNotDelivered() {
        ScriptedTransport transport = new ScriptedTransport()
                .then(ScriptedTransport::refused)
                .then(() -> ScriptedTransport.status(500))
                .then(() -> ScriptedTransport.status(503));
        SkillMessagingException e = failureOf(scripted(transport, attempts(3)));
        assertThat(e).isInstanceOf(ServerErrorException.class);
        assertThat(e.mayHaveBeenDelivered()).isFalse();
    }

    @Test
    void anAttemptTimeoutAloneMayHaveBeenDelivered() {
        ScriptedTransport transport = new ScriptedTransport().then(ScriptedTransport::never);
        SkillMessagingException e = failureOf(scripted(transport, RetryPolicy.none()));
        assertThat(e).isInstanceOf(ApiTimeoutException.class);
        assertThat(e.mayHaveBeenDelivered()).isTrue();
    }

    @Test
    void theTotalTimeoutWhileARequestIsUnansweredMayHaveBeenDelivered() {
        ScriptedTransport transport = new ScriptedTransport().then(ScriptedTransport::never);
        SkillMessaging messaging = SkillMessaging.builder()
                .clientId("id")
                .clientSecret("secret")
                .transport(transport)
                .defaultEndpoint("https://api.amazonalexa.com")
                .attemptTimeout(Duration.ofSeconds(10))
                .retryPolicy(RetryPolicy.builder()
                        .totalTimeout(Duration.ofMillis(200))
                        .build())
                .build();
        SkillMessagingException e = failureOf(messaging);
        assertThat(e).isInstanceOf(ApiTimeoutException.class);
        assertThat(((ApiTimeoutException) e).isAttemptTimeout()).isFalse();
        assertThat(e.mayHaveBeenDelivered()).isTrue();
    }

    @Test
    void theTotalTimeoutWhileWaitingForATokenWasCertainlyNotDelivered() {
        HttpTransport silentLwa = request -> new CompletableFuture<>();
        SkillMessaging messaging = SkillMessaging.builder()
                .clientId("id")
                .clientSecret("secret")
                .transport(silentLwa)
                .defaultEndpoint("https://api.amazonalexa.com")
                .attemptTimeout(Duration.ofSeconds(10))
                .retryPolicy(RetryPolicy.builder()
                        .totalTimeout(Duration.ofMillis(200))
                        .build())
                .build();
        SkillMessagingException e = failureOf(messaging);
        assertThat(e).isInstanceOf(ApiTimeoutException.class);
        assertThat(e.mayHaveBeenDelivered()).isFalse();
    }

    @Test
    void aTokenFailureAfterAnAmbiguousAttemptEndsWithThatAttemptsFailure() {
        ScriptedTransport transport = new ScriptedTransport().then(ScriptedTransport::reset);
        transport.tokens.clear();
        transport.tokens.add(ScriptedTransport.token(10));
        transport.tokens.add(new HttpTransport.Response(
                401, Map.of(), "{\"error\":\"invalid_client\"}".getBytes(StandardCharsets.UTF_8)));
        SkillMessaging messaging = scripted(
                transport,
                RetryPolicy.builder()
                        .jitter(0)
                        .initialBackoff(Duration.ofSeconds(10))
                        .build()); // the wait makes the 10-second token stale
        SkillMessagingException e = failureOf(messaging);
        assertThat(e).isInstanceOf(TransportException.class);
        assertThat(e.mayHaveBeenDelivered()).isTrue();
        assertThat(e.getSuppressed())
                .singleElement()
                .isInstanceOf(TokenRequestException.class)
                .satisfies(t -> assertThat(((SkillMessagingException) t).mayHaveBeenDelivered())
                        .isFalse());
    }

    @Test
    void sendResultsSayWhichFailuresMayHaveBeenDelivered() throws IOException {
        wm.stubFor(Lwa.tokenStub("tok", 3600));
        wm.stubFor(post(urlEqualTo("/v1/skillmessages/users/reset"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        Sequence.stub(
                wm,
                () -> post(urlEqualTo("/v1/skillmessages/users/busy")),
                aResponse().withStatus(503));
        wm.stubFor(post(urlEqualTo("/v1/skillmessages/users/ok"))
                .willReturn(aResponse().withStatus(202)));
        String refused = "http://127.0.0.1:" + closedPort();
        List<SendResult> results = builder()
                .build()
                .sendToAll(
                        List.of(
                                new Recipient("reset", wm.baseUrl()),
                                new Recipient("busy", wm.baseUrl()),
                                new Recipient("refused", refused),
                                new Recipient("ok", wm.baseUrl())),
                        message);
        assertThat(results).extracting(SendResult::mayHaveBeenDelivered).containsExactly(true, false, false, false);
        assertThat(results).extracting(SendResult::isAccepted).containsExactly(false, false, false, true);
    }

    @Test
    void closingWhileWaitingToRetryAfterAnAmbiguousAttemptSaysSo() throws Exception {
        ScriptedTransport transport = new ScriptedTransport().then(ScriptedTransport::reset);
        SkillMessaging messaging = SkillMessaging.builder()
                .clientId("id")
                .clientSecret("secret")
                .transport(transport)
                .defaultEndpoint("https://api.amazonalexa.com")
                .sleeper(d -> new CompletableFuture<>())
                .build();
        CompletableFuture<List<SendResult>> results =
                messaging.sendToAllAsync(List.of(new Recipient("u1", "https://api.amazonalexa.com")), message);
        messaging.close();
        SendResult result = results.get(10, TimeUnit.SECONDS).get(0);
        assertThat(result.failure()).get().isInstanceOf(IllegalStateException.class);
        assertThat(result.mayHaveBeenDelivered()).isTrue();
    }
}
