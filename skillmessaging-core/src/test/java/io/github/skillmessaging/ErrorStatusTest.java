package io.github.skillmessaging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.skillmessaging.error.AlexaServiceException;
import io.github.skillmessaging.error.BadRequestException;
import io.github.skillmessaging.error.ConflictException;
import io.github.skillmessaging.error.ForbiddenException;
import io.github.skillmessaging.error.NotFoundException;
import io.github.skillmessaging.error.RateLimitException;
import io.github.skillmessaging.error.ServerErrorException;
import io.github.skillmessaging.error.TokenRequestException;
import io.github.skillmessaging.error.UnauthorizedException;
import io.github.skillmessaging.error.UnexpectedStatusException;
import io.github.skillmessaging.internal.Futures;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each status to its exception, through the blocking and the async call. */
class ErrorStatusTest {
    static final String PATH = "/v1/skillmessages/users/u1";

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    static Stream<Arguments> statuses() {
        return Stream.of(
                Arguments.of(400, BadRequestException.class, false),
                Arguments.of(401, UnauthorizedException.class, false),
                Arguments.of(403, ForbiddenException.class, false),
                Arguments.of(404, NotFoundException.class, false),
                Arguments.of(409, ConflictException.class, false),
                Arguments.of(418, UnexpectedStatusException.class, false),
                Arguments.of(429, RateLimitException.class, false),
                Arguments.of(500, ServerErrorException.class, false),
                Arguments.of(503, ServerErrorException.class, false),
                Arguments.of(400, BadRequestException.class, true),
                Arguments.of(403, ForbiddenException.class, true),
                Arguments.of(404, NotFoundException.class, true),
                Arguments.of(429, RateLimitException.class, true),
                Arguments.of(500, ServerErrorException.class, true));
    }

    private static SkillMessageClient client() {
        return SkillMessageClient.builder()
                .baseAddress(wm.baseUrl() + "/v1/skillmessages/users/")
                .accessToken("tok")
                .retryPolicy(RetryPolicy.none())
                .build();
    }

    @ParameterizedTest(name = "{0} -> {1} (async: {2})")
    @MethodSource("statuses")
    void eachStatusRaisesItsExceptionWithStatusBodyAndRequestId(int status, Class<?> type, boolean async) {
        String body = "{\"code\":" + status + ",\"message\":\"went wrong\"}";
        wm.stubFor(post(urlEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("X-Amzn-RequestId", "req-" + status)
                        .withBody(body)));
        Message message = new Message(Map.of());
        Throwable thrown = catchThrowable(() -> {
            if (async) {
                try {
                    client().sendAsync(message, "u1").get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw Futures.unwrap(e);
                }
            } else {
                client().send(message, "u1");
            }
        });
        assertThat(thrown).isExactlyInstanceOf(type);
        AlexaServiceException e = (AlexaServiceException) thrown;
        assertThat(e.statusCode()).isEqualTo(status);
        assertThat(e.body()).isEqualTo(body);
        assertThat(e.requestId()).contains("req-" + status);
        assertThat(e.errorCode()).contains(String.valueOf(status));
        assertThat(e.serviceMessage()).contains("went wrong");
        assertThat(e.header("x-amzn-requestid")).contains("req-" + status);
        assertThat(e.operation()).isEqualTo("send skill message");
        assertThat(e)
                .hasMessage("HTTP " + status + " from send skill message: [" + status + "] went wrong (request id req-"
                        + status + ")");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {400, 401})
    void tokenEndpointRefusalsAreTokenRequestExceptions(int status) {
        wm.stubFor(post(urlEqualTo("/auth/o2/token"))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withBody("{\"error\":\"invalid_scope\",\"error_description\":\"Scope not allowed\"}")));
        AccessTokenClient client =
                AccessTokenClient.builder().baseAddress(wm.baseUrl()).build();
        TokenRequestException e = (TokenRequestException) catchThrowable(() -> client.send("id", "secret"));
        assertThat(e.statusCode()).isEqualTo(status);
        assertThat(e.error()).isEqualTo("invalid_scope");
        assertThat(e.errorDescription()).isEqualTo("Scope not allowed");
    }

    @org.junit.jupiter.api.Test
    void aTokenEndpoint429IsARateLimitWithItsRetryAfter() {
        wm.stubFor(post(urlEqualTo("/auth/o2/token"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3")));
        AccessTokenClient client = AccessTokenClient.builder()
                .baseAddress(wm.baseUrl())
                .retryPolicy(RetryPolicy.none())
                .build();
        RateLimitException e = (RateLimitException) catchThrowable(() -> client.send("id", "secret"));
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
    }

    @org.junit.jupiter.api.Test
    void aNonJsonErrorBodyIsKeptRawAndTheMessageStaysShort() {
        wm.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(502).withBody("<html>Bad gateway</html>")));
        ServerErrorException e =
                (ServerErrorException) catchThrowable(() -> client().send(new Message(Map.of()), "u1"));
        assertThat(e.body()).isEqualTo("<html>Bad gateway</html>");
        assertThat(e.errorCode()).isEmpty();
        assertThat(e.requestId()).isEmpty();
        assertThat(e).hasMessage("HTTP 502 from send skill message");
    }

    @org.junit.jupiter.api.Test
    void aTokenResponseWithoutATokenIsAClearError() {
        wm.stubFor(post(urlEqualTo("/auth/o2/token"))
                .willReturn(aResponse().withStatus(200).withBody("{\"token_type\":\"bearer\"}")));
        Throwable e = catchThrowable(() ->
                AccessTokenClient.builder().baseAddress(wm.baseUrl()).build().send("id", "s"));
        assertThat(e)
                .isInstanceOf(io.github.skillmessaging.error.SkillMessagingException.class)
                .hasMessage("Login-With-Amazon answered HTTP 200 without an access_token");
    }
}
