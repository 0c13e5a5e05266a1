package io.github.skillmessaging.docs.snippets.transportnio;

// tag::transport-nio[]
import io.github.skillmessaging.Message;
import io.github.skillmessaging.Recipient;
import io.github.skillmessaging.SendResult;
import io.github.skillmessaging.SkillMessaging;
import io.github.skillmessaging.transport.nio.NioTransport;
import java.time.Duration;
import java.util.List;
import java.util.Map;

public class HighFanOut {
    static List<SendResult> sendToEveryone(String clientId, String clientSecret, List<Recipient> everyone) {
        try (NioTransport transport = NioTransport.builder()
                        .maxConnectionsPerHost(256) // requests beyond it wait for a free connection
                        .connectTimeout(Duration.ofSeconds(5))
                        .idleTimeout(Duration.ofSeconds(50)) // below the servers' keep-alive limit
                        .build();
                SkillMessaging messaging = SkillMessaging.builder()
                        .clientId(clientId)
                        .clientSecret(clientSecret)
                        .transport(transport) // never closed by the client: closed here
                        .bulkConcurrency(1000)
                        .build()) {
            return messaging.sendToAll(everyone, new Message(Map.of("reason", "sale")));
        }
    }
}
// end::transport-nio[]
