package io.github.skillmessaging.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.skillmessaging.Message;
import io.github.skillmessaging.RetryPolicy;
import io.github.skillmessaging.SkillMessaging;
import io.github.skillmessaging.error.ApiTimeoutException;
import io.github.skillmessaging.error.TransportException;
import io.github.skillmessaging.internal.Futures;
import io.github.skillmessaging.testing.Lwa;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@link HttpTransport} contract, checked for every transport the SDK ships. */
class TransportContractTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static Stream<Arguments> transports() {
        return Stream.of(
                Arguments.of("JdkHttpTransport", (Supplier<HttpTransport>) JdkHttpTransport::create),
                Arguments.of("UrlConnectionTransport", (Supplier<HttpTransport>) () -> UrlConnectionTransport.create(4)));
    }

    static HttpTransport.Response send(HttpTransport transport, String method, String path, byte[] body,
            Duration timeout) {
        return Futures.join(transport.send(new HttpTransport.Request(method, URI.create(wm.baseUrl() + path),
                Map.of("Authorization", "Bearer t", "Content-Type", "application/json", "X-Custom", "v"), body, timeout)),
                "send");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void sendsMethodPathHeadersAndBodyAndReturnsStatusHeadersAndBody(String name, Supplier<HttpTransport> make) {
        wm.stubFor(any(urlEqualTo("/v1/x%2Fy")).willReturn(aResponse().withStatus(202)
                .withHeader("X-Amzn-RequestId", "rid-1").withBody("{\"ok\":true}")));
        try (HttpTransport transport = make.get()) {
            HttpTransport.Response r = send(transport, "POST", "/v1/x%2Fy", "{\"a\":1}".getBytes(StandardCharsets.UTF_8),
                    Duration.ofSeconds(5));
            assertThat(r.statusCode()).isEqualTo(202);
            assertThat(r.header("x-amzn-requestid")).contains("rid-1");
            assertThat(r.bodyAsString()).isEqualTo("{\"ok\":true}");
            HttpTransport.Response get = send(transport, "GET", "/v1/x%2Fy", null, Duration.ofSeconds(5));
            assertThat(get.statusCode()).isEqualTo(202);
        }
        wm.verify(postRequestedFor(urlEqualTo("/v1/x%2Fy")).withHeader("Authorization", equalTo("Bearer t"))
                .withHeader("X-Custom", equalTo("v")).withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalTo("{\"a\":1}")));
        wm.verify(getRequestedFor(urlEqualTo("/v1/x%2Fy")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void errorStatusesAreResponsesWithTheirBodyNotFailures(String name, Supplier<HttpTransport> make) {
        wm.stubFor(any(urlEqualTo("/missing")).willReturn(aResponse().withStatus(404).withBody("{\"code\":404}")));
        try (HttpTransport transport = make.get()) {
            HttpTransport.Response r = send(transport, "DELETE", "/missing", null, Duration.ofSeconds(5));
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.bodyAsString()).isEqualTo("{\"code\":404}");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void aSlowAnswerIsAnAttemptTimeout(String name, Supplier<HttpTransport> make) {
        wm.stubFor(any(urlEqualTo("/slow")).willReturn(aResponse().withStatus(200).withFixedDelay(2000)));
        try (HttpTransport transport = make.get()) {
            Throwable t = catchThrowable(() -> send(transport, "GET", "/slow", null, Duration.ofMillis(200)));
            assertThat(t).isInstanceOf(ApiTimeoutException.class);
            assertThat(((ApiTimeoutException) t).isAttemptTimeout()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void aResetConnectionIsATransportFailure(String name, Supplier<HttpTransport> make) {
        wm.stubFor(any(urlEqualTo("/reset")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        try (HttpTransport transport = make.get()) {
            assertThat(catchThrowable(() -> send(transport, "POST", "/reset", new byte[] {1}, Duration.ofSeconds(5))))
                    .isInstanceOf(TransportException.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void aRefusedConnectionKeepsItsConnectExceptionSoEvenCreatesAreRetried(String name, Supplier<HttpTransport> make)
            throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (HttpTransport transport = make.get()) {
            Throwable t = catchThrowable(() -> Futures.join(transport.send(new HttpTransport.Request("POST",
                    URI.create("http://127.0.0.1:" + closedPort + "/x"), Map.of(), new byte[] {1},
                    Duration.ofSeconds(5))), "send"));
            assertThat(t).isInstanceOf(TransportException.class).hasCauseInstanceOf(ConnectException.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void theProductionClientRetriesAndSucceedsOnEitherTransport(String name, Supplier<HttpTransport> make) {
        wm.stubFor(Lwa.tokenStub("tok", 3600));
        io.github.skillmessaging.testing.Sequence.stub(wm,
                () -> com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/v1/skillmessages/users/u1")),
                aResponse().withStatus(503), aResponse().withStatus(202).withHeader("X-Amzn-RequestId", "m1"));
        try (HttpTransport transport = make.get()) {
            SkillMessaging messaging = SkillMessaging.builder().clientId("id").clientSecret("secret")
                    .tokenBaseAddress(wm.baseUrl()).defaultEndpoint(wm.baseUrl()).transport(transport)
                    .sleeper(d -> java.util.concurrent.CompletableFuture.completedFuture(null))
                    .retryPolicy(RetryPolicy.defaults()).build();
            assertThat(messaging.send("u1", new Message(Map.of("k", "v")))).isEqualTo("m1");
        }
    }
}
