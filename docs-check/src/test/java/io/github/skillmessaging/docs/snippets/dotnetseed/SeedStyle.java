package io.github.skillmessaging.docs.snippets.dotnetseed;

// tag::dotnet-seed[]
import io.github.skillmessaging.AccessToken;
import io.github.skillmessaging.AccessTokenClient;
import io.github.skillmessaging.Message;
import io.github.skillmessaging.SkillMessageClient;
import java.util.Map;

public class SeedStyle {
    static String send(String clientId, String clientSecret, String alexaEndpoint, String userId) {
        AccessTokenClient client = new AccessTokenClient(AccessTokenClient.API_DOMAIN_BASE_ADDRESS);
        AccessToken accessToken = client.send(clientId, clientSecret); // also sendAsync(...)

        Map<String, String> payload = Map.of("Key", "Some Value");
        SkillMessageClient messageClient =
                new SkillMessageClient(alexaEndpoint + "/v1/skillmessages/users/", accessToken.token());
        Message messageToSend = new Message(payload, 3600);
        return messageClient.send(messageToSend, userId); // also sendAsync(...)
    }
}
// end::dotnet-seed[]
