package io.github.skillmessaging.docs.snippets.timestamppolicy;

// tag::timestamp-policy[]
import io.github.skillmessaging.verify.RequestVerifier;
import io.github.skillmessaging.verify.TimestampPolicy;
import java.time.Duration;

public class LongerMessageTolerance {
    static RequestVerifier verifier() {
        TimestampPolicy policy = TimestampPolicy.defaults().toBuilder()
                .tolerance("Messaging.MessageReceived", Duration.ofHours(24)) // you send expiresAfterSeconds=86400
                .build();
        return RequestVerifier.builder().timestampPolicy(policy).build();
    }
}
// end::timestamp-policy[]
