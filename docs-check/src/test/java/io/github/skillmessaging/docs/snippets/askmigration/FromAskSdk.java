package io.github.skillmessaging.docs.snippets.askmigration;

// tag::ask-migration[]
import io.github.skillmessaging.Message;
import io.github.skillmessaging.SkillMessaging;
import io.github.skillmessaging.lists.ListManagementClient;
import io.github.skillmessaging.request.RequestConverter;
import io.github.skillmessaging.request.SkillRequest;
import io.github.skillmessaging.verify.RequestVerifier;
import java.util.List;
import java.util.Map;

public class FromAskSdk {
    // Replaces SkillMessagingServiceClient + LwaClient: one instance for the application.
    private final SkillMessaging messaging = SkillMessaging.builder()
            .clientId(System.getenv("SKILL_CLIENT_ID"))
            .clientSecret(System.getenv("SKILL_CLIENT_SECRET"))
            .build();
    // Replaces the servlet support's signature and timestamp verifiers: works with any HTTP stack.
    private final RequestVerifier verifier = RequestVerifier.create();

    void sendFromBackEnd(String userId, String storedApiEndpoint) {
        messaging.send(userId, storedApiEndpoint, new Message(Map.of("item", "oat milk")));
    }

    void onSkillRequest(byte[] body, Map<String, List<String>> headers) {
        verifier.verify(body, headers); // throws RequestVerificationException: answer 400
        SkillRequest request = RequestConverter.parse(body);
        // Replaces ListManagementServiceClient: the request's own endpoint (any region) and token.
        ListManagementClient lists = ListManagementClient.forRequest(request);
        System.out.println(lists.getListsMetadata().size() + " lists");
    }
}
// end::ask-migration[]
