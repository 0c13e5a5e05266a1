package io.github.skillmessaging.modulecheck;

import io.github.skillmessaging.AlexaRegion;
import io.github.skillmessaging.Message;
import io.github.skillmessaging.SkillMessaging;
import io.github.skillmessaging.lists.ItemStatus;
import io.github.skillmessaging.lists.ListManagementClient;
import io.github.skillmessaging.lists.event.ListItemsCreatedEvent;
import io.github.skillmessaging.request.MessageReceivedRequest;
import io.github.skillmessaging.request.RequestConverter;
import io.github.skillmessaging.request.SkillRequest;
import io.github.skillmessaging.response.SkillResponse;
import io.github.skillmessaging.testkit.AlexaSandbox;
import io.github.skillmessaging.testkit.LocalSkillEndpoint;
import io.github.skillmessaging.testkit.SandboxSkill;
import io.github.skillmessaging.testkit.SandboxUser;
import io.github.skillmessaging.verify.RequestVerifier;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A message round trip through the sandbox, from code in a named module: token (Jackson reads
 * LWA's answer), send (Jackson writes {@link Message}), verify, parse, respond.
 */
public final class RoundTrip {
    private RoundTrip() {}

    /**
     * Runs the round trip and returns what the skill received: the message, then the typed list
     * event for the item it wrote.
     */
    public static List<Map<String, String>> run() {
        List<Map<String, String>> received = new CopyOnWriteArrayList<>();
        try (AlexaSandbox sandbox =
                AlexaSandbox.builder().redeliveryBackoff(Duration.ofMillis(50)).start()) {
            RequestVerifier verifier = sandbox.requestVerifier().build();
            try (LocalSkillEndpoint endpoint = LocalSkillEndpoint.start((body, headers) -> {
                verifier.verify(body, headers);
                SkillRequest request = RequestConverter.parse(body);
                if (request.request() instanceof ListItemsCreatedEvent created) {
                    received.add(Map.of("event", created.type())); // typed: ServiceLoader found the lists converter
                }
                if (request.request() instanceof MessageReceivedRequest message) {
                    received.add(message.message());
                    ListManagementClient lists = ListManagementClient.create(
                            request.system().apiEndpoint().orElseThrow(),
                            request.system().apiAccessToken().orElseThrow());
                    lists.createItem(
                            lists.findToDoList().orElseThrow().listId(),
                            message.message().get("from"),
                            ItemStatus.ACTIVE);
                }
                return SkillResponse.speak("ok").toBytes();
            })) {
                SandboxSkill skill = sandbox.registerSkill(endpoint.uri());
                SandboxUser user = sandbox.createUser(AlexaRegion.FAR_EAST);
                user.enableSkill(skill).grantListPermissions(skill);
                try (SkillMessaging messaging = SkillMessaging.builder()
                        .clientId(skill.clientId())
                        .clientSecret(skill.clientSecret())
                        .tokenBaseAddress(sandbox.lwaBaseAddress())
                        .build()) {
                    messaging.send(user.userId(), user.apiEndpoint(), new Message(Map.of("from", "module path")));
                }
                if (!sandbox.awaitIdle(Duration.ofSeconds(10))) {
                    throw new IllegalStateException("The sandbox did not finish delivering");
                }
                List<String> todo = user.items(user.toDoListId()).stream()
                        .map(i -> i.value())
                        .toList();
                if (!todo.equals(List.of("module path"))) {
                    throw new IllegalStateException("The Alexa to-do list holds " + todo);
                }
            }
        }
        return received;
    }
}
