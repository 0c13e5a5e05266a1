package io.github.skillmessaging.docs.snippets.sendregionsasync;

// tag::send-regions-async[]
import io.github.skillmessaging.AlexaRegion;
import io.github.skillmessaging.Message;
import io.github.skillmessaging.SkillMessaging;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

public class SendWays {
    static void send(SkillMessaging messaging, String userId, String storedApiEndpoint) {
        Message message = Message.of(Map.of("itemId", "42", "change", "created"), Duration.ofHours(2));

        // To the endpoint that arrived with the user's requests (always the user's region):
        String messageId = messaging.send(userId, storedApiEndpoint, message);
        // To a region:
        messaging.send(userId, AlexaRegion.EUROPE, message);
        // To the client's default endpoint (North America unless .defaultRegion(...) says otherwise):
        messaging.send(userId, message);
        // Without blocking:
        CompletableFuture<String> queued = messaging.sendAsync(userId, storedApiEndpoint, message);
        queued.thenAccept(id -> System.out.println("queued: " + id + " (first send: " + messageId + ")"));
    }
}
// end::send-regions-async[]
