package io.github.skillmessaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = RetryPolicy.builder()
            .initialBackoff(Duration.ofMillis(100))
            .maxBackoff(Duration.ofMillis(1000))
            .jitter(0.5)
            .build();

    @Test
    void backoffDoublesUpToTheCap() {
        assertThat(policy.backoff(1, 0)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.backoff(2, 0)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.backoff(3, 0)).isEqualTo(Duration.ofMillis(400));
        assertThat(policy.backoff(4, 0)).isEqualTo(Duration.ofMillis(800));
        assertThat(policy.backoff(5, 0)).isEqualTo(Duration.ofMillis(1000));
        assertThat(policy.backoff(60, 0)).isEqualTo(Duration.ofMillis(1000));
    }

    @Test
    void jitterShortensTheWaitByAtMostItsFraction() {
        assertThat(policy.backoff(2, 0.999_999)).isBetween(Duration.ofMillis(100), Duration.ofMillis(101));
        assertThat(policy.backoff(2, 0.5)).isEqualTo(Duration.ofMillis(150));
    }

    @Test
    void defaultsAreDocumented() {
        assertThat(RetryPolicy.defaults())
                .isEqualTo(new RetryPolicy(
                        3, Duration.ofMillis(500), Duration.ofSeconds(20), 0.2, Duration.ofSeconds(60)));
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
    }

    @Test
    void invalidSettingsAreRejectedWithTheirName() {
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0).build()).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> RetryPolicy.builder().jitter(1.5).build()).hasMessageContaining("jitter");
        assertThatThrownBy(
                        () -> RetryPolicy.builder().totalTimeout(Duration.ZERO).build())
                .hasMessageContaining("totalTimeout");
        assertThatThrownBy(() -> RetryPolicy.builder()
                        .initialBackoff(Duration.ofSeconds(30))
                        .build())
                .hasMessageContaining("maxBackoff");
    }
}
