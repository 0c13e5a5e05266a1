package io.github.skillmessaging.docs.snippets.retrypolicy;

// tag::retry-policy[]
import io.github.skillmessaging.RetryPolicy;
import io.github.skillmessaging.SkillMessaging;
import java.time.Duration;

public class RetryConfiguration {
    static SkillMessaging build(String clientId, String clientSecret) {
        return SkillMessaging.builder()
                .clientId(clientId)
                .clientSecret(clientSecret)
                .retryPolicy(RetryPolicy.builder()
                        .maxAttempts(5) // attempts in all, first included
                        .initialBackoff(Duration.ofMillis(500)) // doubles each retry...
                        .maxBackoff(Duration.ofSeconds(20)) // ...up to this
                        .jitter(0.2) // up to 20 % shorter, at random
                        .totalTimeout(Duration.ofSeconds(60)) // deadline of the whole call
                        .build())
                .attemptTimeout(Duration.ofSeconds(10)) // one attempt
                .bulkConcurrency(32) // sends in flight in sendToAll
                .build();
    }
}
// end::retry-policy[]
