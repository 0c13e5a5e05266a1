package io.github.skillmessaging.docs.snippets.testkitroundtrip;

// tag::testkit-round-trip[]
import static org.assertj.core.api.Assertions.assertThat;

import io.github.skillmessaging.AlexaRegion;
import io.github.skillmessaging.Message;
import io.github.skillmessaging.SkillMessaging;
import io.github.skillmessaging.lists.ItemStatus;
import io.github.skillmessaging.lists.ListManagementClient;
import io.github.skillmessaging.request.MessageReceivedRequest;
import io.github.skillmessaging.request.RequestConverter;
import io.github.skillmessaging.request.SkillRequest;
import io.github.skillmessaging.response.SkillResponse;
import io.github.skillmessaging.testkit.AlexaSandbox;
import io.github.skillmessaging.testkit.LocalSkillEndpoint;
import io.github.skillmessaging.testkit.SandboxItem;
import io.github.skillmessaging.testkit.SandboxSkill;
import io.github.skillmessaging.testkit.SandboxUser;
import io.github.skillmessaging.testkit.junit.AlexaSandboxExtension;
import io.github.skillmessaging.verify.RequestVerifier;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AlexaSandboxExtension.class)
class RoundTripTest {
    @Test
    void aMessageFromTheProviderLandsInTheUsersAlexaList(AlexaSandbox sandbox) {
        RequestVerifier verifier = sandbox.requestVerifier().build();
        try (LocalSkillEndpoint skillEndpoint = LocalSkillEndpoint.start((body, headers) -> {
            verifier.verify(body, headers); // signed by the sandbox CA
            SkillRequest request = RequestConverter.parse(body);
            if (request.request() instanceof MessageReceivedRequest message) {
                ListManagementClient lists = ListManagementClient.forRequest(request);
                lists.createItem(
                        lists.findShoppingList().orElseThrow().listId(),
                        message.message().get("item"),
                        ItemStatus.ACTIVE);
            }
            return SkillResponse.empty().toBytes();
        })) {
            SandboxSkill skill = sandbox.registerSkill(skillEndpoint.uri());
            SandboxUser user = sandbox.createUser(AlexaRegion.EUROPE);
            user.enableSkill(skill).grantListPermissions(skill);
            try (SkillMessaging messaging = SkillMessaging.builder()
                    .clientId(skill.clientId())
                    .clientSecret(skill.clientSecret())
                    .tokenBaseAddress(sandbox.lwaBaseAddress())
                    .build()) {
                messaging.send(user.userId(), user.apiEndpoint(), new Message(Map.of("item", "eggs")));
            }
            assertThat(sandbox.awaitIdle(Duration.ofSeconds(10))).isTrue();
            assertThat(user.items(user.shoppingListId()))
                    .extracting(SandboxItem::value)
                    .containsExactly("eggs");
        }
    }
}
// end::testkit-round-trip[]
