package io.github.skillmessaging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.skillmessaging.error.ApiTimeoutException;
import io.github.skillmessaging.error.ForbiddenException;
import io.github.skillmessaging.error.NotFoundException;
import io.github.skillmessaging.error.RateLimitException;
import io.github.skillmessaging.error.ServerErrorException;
import io.github.skillmessaging.error.SkillMessagingException;
import io.github.skillmessaging.error.TokenRequestException;
import io.github.skillmessaging.error.TransportException;
import io.github.skillmessaging.testing.FakeTransport;
import io.github.skillmessaging.testing.Lwa;
import io.github.skillmessaging.testing.MutableClock;
import io.github.skillmessaging.testing.RecordingSleeper;
import io.github.skillmessaging.testing.Sequence;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SkillMessagingTest {
    static final String USER = "amzn1.ask.account.AB/cd+ef=";
    static final String USER_PATH = "/v1/skillmessages/users/amzn1.ask.account.AB%2Fcd%2Bef%3D";
    static final String CLIENT_ID = "amzn1.application-oa2-client.0123";
    static final String SECRET = "s3cr+t/=&value";

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    MutableClock clock = MutableClock.at("2026-11-25T10:00:00Z");
    RecordingSleeper sleeper = new RecordingSleeper(clock);
    Message message = new Message(Map.of("Key", "Some Value"), 3600);

    SkillMessaging.Builder builder() {
        return SkillMessaging.builder()
                .clientId(CLIENT_ID)
                .clientSecret(SECRET)
                .tokenBaseAddress(wm.baseUrl())
                .defaultEndpoint(wm.baseUrl())
                .clock(clock)
                .sleeper(sleeper)
                .retryPolicy(RetryPolicy.builder().jitter(0).build());
    }

    @BeforeEach
    void tokenEndpoint() {
        wm.stubFor(Lwa.tokenStub("tok-1", 3600));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder accepted(String id) {
        return aResponse().withStatus(202).withHeader("X-Amzn-RequestId", id);
    }

    @Test
    void sendPostsTheExactBodyWithBearerTokenToThePathEncodedUser() {
        wm.stubFor(post(urlEqualTo(USER_PATH)).willReturn(accepted("msg-1")));
        try (SkillMessaging messaging = builder().build()) {
            assertThat(messaging.send(USER, message)).isEqualTo("msg-1");
        }
        wm.verify(
                1,
                postRequestedFor(urlEqualTo(USER_PATH))
                        .withHeader("Authorization", equalTo("Bearer tok-1"))
                        .withHeader("Content-Type", equalTo("application/json"))
                        .withRequestBody(equalToJson(
                                "{\"data\":{\"Key\":\"Some Value\"},\"expiresAfterSeconds\":3600}", false, false)));
    }

    @Test
    void tokenRequestSendsUrlEncodedClientCredentials() {
        wm.stubFor(post(urlEqualTo(USER_PATH)).willReturn(accepted("msg-1")));
        builder().build().send(USER, message);
        wm.verify(
                1,
                postRequestedFor(urlEqualTo(Lwa.TOKEN_PATH))
                        .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded;charset=UTF-8"))
                        .withRequestBody(
                                equalTo("grant_type=client_credentials&client_id=amzn1.application-oa2-client.0123"
                                        + "&client_secret=s3cr%2Bt%2F%3D%26value&scope=alexa%3Askill_messaging")));
    }

    @Test
    void anyScopeCanBeRequested() {
        SkillMessaging messaging = builder().scope("alexa::proactive_events").build();
        assertThat(messaging.accessToken().token()).isEqualTo("tok-1");
        wm.verify(postRequestedFor(urlEqualTo(Lwa.TOKEN_PATH))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(
                        "scope=alexa%3A%3Aproactive_events")));
    }

    @Test
    void messageIdIsEmptyWhenAlexaSendsNoRequestId() {
        wm.stubFor(post(urlEqualTo(USER_PATH)).willReturn(aResponse().withStatus(202)));
        assertThat(builder().build().send(USER, message)).isEmpty();
    }

    @Test
    void sendAsyncCompletesWithTheMessageId() throws Exception {
        wm.stubFor(post(urlEqualTo(USER_PATH)).willReturn(accepted("msg-async")));
        assertThat(builder().build().sendAsync(USER, message).get(10, TimeUnit.SECONDS))
                .isEqualTo("msg-async");
    }

    @Test
    void theTokenIsFetchedOnceForManySends() {
        wm.stubFor(post(urlPathMatching("/v1/skillmessages/users/.*")).willReturn(accepted("m")));
        SkillMessaging messaging = builder().build();
        for (int i = 0; i < 5; i++) {
            messaging.send("user-" + i, message);
        }
        wm.verify(1, postRequestedFor(urlEqualTo(Lwa.TOKEN_PATH)));
        wm.verify(5, postRequestedFor(urlPathMatching("/v1/skillmessages/users/.*")));
    }

    @Test
    void anExpiredTokenIsReplacedBeforeTheNextSend() {
        wm.stubFor(post(urlEqualTo(USER_PATH)).willReturn(accepted("m")));
        SkillMessaging messaging = builder().build();
        messaging.send(USER, message);
        Sequence.stub(
                wm,
                () -> post(urlEqualTo(Lwa.TOKEN_PATH)),
                aResponse()
                        .withStatus(200)
                        .withBody("{\"access_token\":\"tok-2\",\"token_type\":\"bearer\",\"expires_in\":3600}"));
        clock.advance(Duration.ofMinutes(59).plusSeconds(30)); // inside the last minute: stale
        messaging.send(USER, message);
        wm.verify(2, postRequestedFor(urlEqualTo(Lwa.TOKEN_PATH)));
        wm.verify(1, postRequestedFor(urlEqualTo(USER_PATH)).withHeader("Authorization", equalTo("Bearer tok-2")));
    }

    @Test
    void aTokenNearExpiryIsRefreshedInTheBackgroundWhileStillUsed() throws Exception {
        wm.stubFor(post(urlEqualTo(USER_PATH)).willReturn(accepted("m")));
        SkillMessaging messaging = builder().build();
        messaging.send(USER, message);
        Sequence.stub(
                wm,
                () -> post(urlEqualTo(Lwa.TOKEN_PATH)),
                aResponse()
                        .withStatus(200)
                        .withBody("{\"access_token\":\"tok-2\",\"token_type\":\"bearer\",\"expires_in\":3600}"));
        clock.advance(Duration.ofMinutes(57)); // in the prefetch window, not stale
        messaging.send(USER, message);
        wm.verify(2, postRequestedFor(urlEqualTo(USER_PATH)).withHeader("Authorization", equalTo("Bearer tok-1")));
        // The background refresh lands; later sends use the new token.
        for (int i = 0; i < 100 && !"tok-2".equals(messaging.accessToken().token()); i++) {
            Thread.sleep(20);
        }
        messaging.send(USER, message);
        wm.verify(1, postRequestedFor(urlEqualTo(USER_PATH)).withHeader("Authorization", equalTo("Bearer tok-2")));
        wm.verify(2, postRequestedFor(urlEqualTo(Lwa.TOKEN_PATH)));
    }

    /** The first send is refused with 403 (a revoked token, say), the next one accepted as "m2". */
    private static void stubA403ThenAccepted() {
        Sequence.stub(
                wm,
                () -> post(urlEqualTo(USER_PATH)),
                aResponse().withStatus(403).withBody("{\"code\":403,\"message\":\"Invalid token\"}"),
                accepted("m2"));
    }

    @Test
    void a403DropsTheTokenAndRetriesOnceWithAFreshOne() {
        stubA403ThenAccepted();
        SkillMessaging messaging = builder().build();
        assertThat(messaging.send(USER, message)).isEqualTo("m2");
        wm.verify(2, postRequestedFor(urlEqualTo(Lwa.TOKEN_PATH)));
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void aBulkSendToo_dropsTheTokenOnA403AndRetriesOnceWithAFreshOne() {
        stubA403ThenAccepted();
        SkillMessaging messaging = builder().build();
        List<SendResult> results = messaging.sendToAll(List.of(new Recipient(USER, wm.baseUrl())), message);
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.isAccepted()).isTrue();
            assertThat(r.messageId()).contains("m2");
        });
        wm.verify(2, postRequestedFor(urlEqualTo(Lwa.TOKEN_PATH)));
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void a403WithTheFreshTokenToo_isThrown() {
        wm.stubFor(post(urlEqualTo(USER_PATH))
                .willReturn(aResponse()
                        .withStatus(403)
                        .withHeader("X-Amzn-RequestId", "rq-9")
                        .withBody("{\"code\":403,\"message\":\"Invalid token\"}")));
        SkillMessaging messaging = builder().build();
        ForbiddenException e = (ForbiddenException) catchThrowable(() -> messaging.send(USER, message));
        assertThat(e.statusCode()).isEqualTo(403);
        assertThat(e.requestId()).contains("rq-9");
        assertThat(e.serviceMessage()).contains("Invalid token");
        assertThat(e).hasMessage("HTTP 403 from send skill message: [403] Invalid token (request id rq-9)");
        wm.verify(2, postRequestedFor(urlEqualTo(Lwa.TOKEN_PATH)));
        wm.verify(2, postRequestedFor(urlEqualTo(USER_PATH)));
    }

    @Test
    void badCredentialsFailWithTheOAuthErrorAndAreNotRetried() {
        wm.stubFor(
                post(urlEqualTo(Lwa.TOKEN_PATH))
                        .willReturn(
                                aResponse()
                                        .withStatus(401)
                                        .withBody(
                                                "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}")));
        TokenRequestException e =
                (TokenRequestException) catchThrowable(() -> builder().build().send(USER, message));
        assertThat(e.error()).isEqualTo("invalid_client");
        assertThat(e.errorDescription()).isEqualTo("Client authentication failed");
        assertThat(e.getMessage()).doesNotContain(SECRET);
        wm.verify(1, postRequestedFor(urlEqualTo(Lwa.TOKEN_PATH)));
        wm.verify(0, postRequestedFor(urlEqualTo(USER_PATH)));
    }

    @Test
    void aTokenEndpointOutageIsRetriedByTheTokenRequestOnly() {
        wm.stubFor(post(urlEqualTo(Lwa.TOKEN_PATH)).willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> builder().build().send(USER, message)).isInstanceOf(ServerErrorException.class);
        wm.verify(3, postRequestedFor(urlEqualTo(Lwa.TOKEN_PATH)));
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void serverErrorsAreRetriedWithExponentialBackoff() {
        Sequence.stub(
                wm,
                () -> post(urlEqualTo(USER_PATH)),
                aResponse().withStatus(503),
                aResponse().withStatus(500),
                accepted("m3"));
        assertThat(builder().build().send(USER, message)).isEqualTo("m3");
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void serverErrorsAfterTheLastAttemptAreThrown() {
        wm.stubFor(post(urlEqualTo(USER_PATH)).willReturn(aResponse().withStatus(500)));
        assertThatThrownBy(() -> builder().build().send(USER, message)).isInstanceOf(ServerErrorException.class);
        wm.verify(3, postRequestedFor(urlEqualTo(USER_PATH)));
    }

    @Test
    void rateLimitWaitsForRetryAfterSeconds() {
        Sequence.stub(
                wm,
                () -> post(urlEqualTo(USER_PATH)),
                aResponse().withStatus(429).withHeader("Retry-After", "7"),
                accepted("m4"));
        assertThat(builder().build().send(USER, message)).isEqualTo("m4");
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void rateLimitWaitsForRetryAfterHttpDate() {
        Sequence.stub(
                wm,
                () -> post(urlEqualTo(USER_PATH)),
                aResponse().withStatus(429).withHeader("Retry-After", "Wed, 25 Nov 2026 10:00:12 GMT"),
                accepted("m5"));
        assertThat(builder().build().send(USER, message)).isEqualTo("m5");
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(12));
    }

    @Test
    void aRetryAfterBeyondTheDeadlineFailsAtOnceWithTheRateLimit() {
        wm.stubFor(post(urlEqualTo(USER_PATH))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));
        RateLimitException e =
                (RateLimitException) catchThrowable(() -> builder().build().send(USER, message));
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
        assertThat(sleeper.sleeps()).isEmpty();
        wm.verify(1, postRequestedFor(urlEqualTo(USER_PATH)));
    }

    @Test
    void badRequestAndNotFoundAreNeverRetried() {
        wm.stubFor(post(urlEqualTo(USER_PATH))
                .willReturn(aResponse().withStatus(404).withBody("{\"code\":404,\"message\":\"User not found\"}")));
        assertThatThrownBy(() -> builder().build().send(USER, message)).isInstanceOf(NotFoundException.class);
        wm.verify(1, postRequestedFor(urlEqualTo(USER_PATH)));
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void aResetConnectionIsATransportFailureAndIsRetried() {
        Sequence.stub(
                wm,
                () -> post(urlEqualTo(USER_PATH)),
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                accepted("m6"));
        assertThat(builder().build().send(USER, message)).isEqualTo("m6");
        assertThat(sleeper.sleeps()).hasSize(1);
    }

    @Test
    void aResetConnectionOnEveryAttemptIsThrownAsTransportException() {
        wm.stubFor(post(urlEqualTo(USER_PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThatThrownBy(
                        () -> builder().retryPolicy(RetryPolicy.none()).build().send(USER, message))
                .isInstanceOf(TransportException.class);
    }

    @Test
    void aSlowAnswerTimesOutTheAttempt() {
        wm.stubFor(post(urlEqualTo(USER_PATH)).willReturn(accepted("late").withFixedDelay(3000)));
        SkillMessaging messaging = builder()
                .clock(java.time.Clock.systemUTC())
                .sleeper(Sleeper.SYSTEM)
                .retryPolicy(RetryPolicy.none())
                .attemptTimeout(Duration.ofMillis(200))
                .build();
        ApiTimeoutException e = (ApiTimeoutException) catchThrowable(() -> messaging.send(USER, message));
        assertThat(e.isAttemptTimeout()).isTrue();
        assertThat(e.timeout()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void theWholeCallIsBoundedByTheTotalTimeout() {
        wm.stubFor(post(urlEqualTo(USER_PATH)).willReturn(accepted("late").withFixedDelay(3000)));
        SkillMessaging messaging = builder()
                .clock(java.time.Clock.systemUTC())
                .sleeper(Sleeper.SYSTEM)
                .retryPolicy(RetryPolicy.builder()
                        .maxAttempts(10)
                        .initialBackoff(Duration.ofMillis(1))
                        .totalTimeout(Duration.ofMillis(700))
                        .build())
                .attemptTimeout(Duration.ofMillis(300))
                .build();
        ApiTimeoutException e = (ApiTimeoutException) catchThrowable(() -> messaging.send(USER, message));
        assertThat(e.isAttemptTimeout()).isFalse();
        assertThat(e.timeout()).isEqualTo(Duration.ofMillis(700));
    }

    @Test
    void manyThreadsOnAColdCacheCauseExactlyOneTokenRequest() throws Exception {
        wm.stubFor(Lwa.tokenStub("tok-1", 3600)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withFixedDelay(300)
                        .withBody("{\"access_token\":\"tok-1\",\"token_type\":\"bearer\",\"expires_in\":3600}")));
        wm.stubFor(post(urlPathMatching("/v1/skillmessages/users/.*")).willReturn(accepted("m")));
        SkillMessaging messaging = builder().build();
        int threads = 64;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String user = "user-" + i;
            results.add(pool.submit(() -> {
                start.await();
                return messaging.send(user, message);
            }));
        }
        start.countDown();
        for (Future<String> f : results) {
            assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo("m");
        }
        pool.shutdown();
        wm.verify(1, postRequestedFor(urlEqualTo(Lwa.TOKEN_PATH)));
        wm.verify(threads, postRequestedFor(urlPathMatching("/v1/skillmessages/users/.*")));
    }

    @Test
    void aBlockedSenderThatIsInterruptedGivesUpAndKeepsTheInterruptFlag() throws Exception {
        wm.stubFor(post(urlEqualTo(USER_PATH)).willReturn(accepted("late").withFixedDelay(5000)));
        SkillMessaging messaging = builder().build();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flag = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                messaging.send(USER, message);
            } catch (Throwable e) {
                thrown.set(e);
                flag.set(Thread.currentThread().isInterrupted());
            }
        });
        t.start();
        wm.getAllServeEvents(); // let the request start
        Thread.sleep(200);
        t.interrupt();
        t.join(5000);
        assertThat(t.isAlive()).isFalse();
        assertThat(thrown.get())
                .isInstanceOf(SkillMessagingException.class)
                .hasCauseInstanceOf(InterruptedException.class);
        assertThat(flag.get()).isTrue();
    }

    @Test
    void regionsAndStoredEndpointsChooseWhereTheMessageGoes() {
        FakeTransport transport = FakeTransport.accepting();
        SkillMessaging messaging = SkillMessaging.builder()
                .clientId(CLIENT_ID)
                .clientSecret(SECRET)
                .transport(transport)
                .defaultRegion(AlexaRegion.FAR_EAST)
                .build();
        messaging.send("u1", message);
        messaging.send("u2", AlexaRegion.EUROPE, message);
        messaging.send("u3", "https://api.amazonalexa.com/", message);
        assertThat(transport.requests())
                .extracting(r -> r.uri().toString())
                .containsExactly(
                        "https://api.amazon.com/auth/o2/token",
                        "https://api.fe.amazonalexa.com/v1/skillmessages/users/u1",
                        "https://api.eu.amazonalexa.com/v1/skillmessages/users/u2",
                        "https://api.amazonalexa.com/v1/skillmessages/users/u3");
    }

    @Test
    void anInsecureStoredEndpointIsRefusedBeforeAnythingIsSent() {
        FakeTransport transport = FakeTransport.accepting();
        SkillMessaging messaging = SkillMessaging.builder()
                .clientId(CLIENT_ID)
                .clientSecret(SECRET)
                .transport(transport)
                .build();
        assertThatThrownBy(() -> messaging.send("u1", "http://api.amazonalexa.com", message))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https");
        assertThatThrownBy(() -> messaging.send(" ", message))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("userId");
        assertThat(transport.requests()).isEmpty();
    }

    @Test
    void builderNamesEveryMissingSetting() {
        assertThatThrownBy(() -> SkillMessaging.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("SkillMessaging.Builder is missing or has invalid: clientId, clientSecret");
    }

    @Test
    void cancellingAnAsyncSendStopsItsRetries() throws Exception {
        wm.stubFor(post(urlEqualTo(USER_PATH)).willReturn(aResponse().withStatus(503)));
        CompletableFuture<Void> gate = new CompletableFuture<>();
        SkillMessaging messaging = builder().sleeper(d -> gate).build();
        CompletableFuture<String> send = messaging.sendAsync(USER, message);
        for (int i = 0;
                i < 100
                        && wm.countRequestsMatching(postRequestedFor(urlEqualTo(USER_PATH))
                                                .build())
                                        .getCount()
                                < 1;
                i++) {
            Thread.sleep(20);
        }
        send.cancel(true);
        gate.complete(null);
        Thread.sleep(200);
        wm.verify(1, postRequestedFor(urlEqualTo(USER_PATH)));
    }
}
