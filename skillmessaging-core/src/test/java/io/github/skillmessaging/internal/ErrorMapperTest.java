package io.github.skillmessaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.skillmessaging.http.HttpTransport;
import io.github.skillmessaging.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorMapperTest {
    private final MutableClock clock = MutableClock.at("2026-11-25T10:00:00Z");

    private static HttpTransport.Response withRetryAfter(String value) {
        return new HttpTransport.Response(429, Map.of("retry-after", List.of(value)), new byte[0]);
    }

    @Test
    void retryAfterInSecondsIsRead() {
        assertThat(ErrorMapper.retryAfter(withRetryAfter("7"), clock)).contains(Duration.ofSeconds(7));
    }

    @Test
    void retryAfterAsHttpDateIsResolvedAgainstTheClock() {
        assertThat(ErrorMapper.retryAfter(withRetryAfter("Wed, 25 Nov 2026 10:00:42 GMT"), clock))
                .contains(Duration.ofSeconds(42));
    }

    @Test
    void retryAfterInThePastMeansNoWait() {
        assertThat(ErrorMapper.retryAfter(withRetryAfter("Wed, 25 Nov 2026 09:00:00 GMT"), clock))
                .contains(Duration.ZERO);
    }

    @Test
    void unreadableOrNegativeRetryAfterIsIgnored() {
        assertThat(ErrorMapper.retryAfter(withRetryAfter("soon"), clock)).isEmpty();
        assertThat(ErrorMapper.retryAfter(withRetryAfter("-3"), clock)).isEmpty();
        assertThat(ErrorMapper.retryAfter(new HttpTransport.Response(429, Map.of(), null), clock))
                .isEmpty();
    }
}
