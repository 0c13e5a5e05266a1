package io.github.skillmessaging.docs.snippets.quickstart;

// tag::quick-start[]
import io.github.skillmessaging.Message;
import io.github.skillmessaging.SkillMessaging;
import java.util.Map;

public class QuickStart {
    public static void main(String[] args) {
        String userId = args[0]; // stored when the user linked their account
        String apiEndpoint = args[1]; // context.System.apiEndpoint, stored with the userId
        try (SkillMessaging messaging = SkillMessaging.builder()
                .clientId(System.getenv("SKILL_CLIENT_ID"))
                .clientSecret(System.getenv("SKILL_CLIENT_SECRET"))
                .build()) {
            String messageId = messaging.send(userId, apiEndpoint, new Message(Map.of("item", "oat milk")));
            System.out.println("queued by Alexa: " + messageId);
        }
    }
}
// end::quick-start[]
