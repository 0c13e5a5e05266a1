package io.github.skillmessaging.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.skillmessaging.RetryPolicy;
import io.github.skillmessaging.Sleeper;
import io.github.skillmessaging.error.ApiTimeoutException;
import io.github.skillmessaging.http.HttpTransport;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The total timeout of {@link ApiCaller#withRetries} holds in every phase of an attempt, also in
 * those its requests' own timeouts do not cover: before the first request, and after an answer
 * that is not a success (the call's deadline timer is armed only for such phases).
 */
class ApiCallerDeadlineTest {
    private static final HttpTransport.Request REQUEST = new HttpTransport.Request(
            "POST", URI.create("http://127.0.0.1:9/v1/x"), Map.of(), null, Duration.ofSeconds(30));

    /** Answers 403 a little later, while the request is in flight. */
    private static final HttpTransport FORBIDDING = request -> {
        CompletableFuture<HttpTransport.Response> answer = new CompletableFuture<>();
        CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS)
                .execute(() -> answer.complete(new HttpTransport.Response(403, Map.of(), null)));
        return answer;
    };

    private static ApiCaller caller(HttpTransport transport) {
        RetryPolicy policy = RetryPolicy.builder()
                .maxAttempts(1)
                .totalTimeout(Duration.ofMillis(500))
                .build();
        return new ApiCaller(new ClientOptions(
                transport, policy, Duration.ofSeconds(30), Clock.systemUTC(), Sleeper.SYSTEM, true, 0));
    }

    @Test
    void anAttemptThatWaitsForSomethingElseAfterAnErrorAnswerEndsAtTheTotalTimeout() {
        try (ApiCaller caller = caller(FORBIDDING)) {
            CompletableFuture<HttpTransport.Response> call = caller.withRetries(
                    "send",
                    ApiCaller.Idempotency.IDEMPOTENT,
                    attempt -> caller.send(ErrorMapper.Api.ALEXA, "send", REQUEST, attempt)
                            .exceptionallyCompose(error -> new CompletableFuture<>())); // a token that never comes

            Throwable t = catchThrowable(() -> call.get(10, TimeUnit.SECONDS));
            assertThat(t).hasCauseInstanceOf(ApiTimeoutException.class);
            assertThat(t.getCause()).hasMessageContaining("total timeout of PT0.5S");
        }
    }

    @Test
    void anAttemptThatWaitsBeforeItsFirstRequestEndsAtTheTotalTimeout() {
        try (ApiCaller caller = caller(FORBIDDING)) {
            CompletableFuture<HttpTransport.Response> call =
                    caller.withRetries("send", ApiCaller.Idempotency.IDEMPOTENT, attempt -> new CompletableFuture<>());

            Throwable t = catchThrowable(() -> call.get(10, TimeUnit.SECONDS));
            assertThat(t).hasCauseInstanceOf(ApiTimeoutException.class);
            assertThat(t.getCause()).hasMessageContaining("total timeout of PT0.5S");
        }
    }

    @Test
    void aRequestInFlightEndsAtTheTotalTimeoutWhenItIsNearerThanTheAttemptTimeout() {
        try (ApiCaller caller = caller(request -> new CompletableFuture<>())) {
            CompletableFuture<HttpTransport.Response> call =
                    caller.execute(ErrorMapper.Api.ALEXA, "send", REQUEST, ApiCaller.Idempotency.IDEMPOTENT);

            Throwable t = catchThrowable(() -> call.get(10, TimeUnit.SECONDS));
            assertThat(t).hasCauseInstanceOf(ApiTimeoutException.class);
            assertThat(t.getCause()).hasMessageContaining("total timeout of PT0.5S");
        }
    }
}
