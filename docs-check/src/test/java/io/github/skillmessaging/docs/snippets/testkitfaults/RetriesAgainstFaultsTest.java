package io.github.skillmessaging.docs.snippets.testkitfaults;

// tag::testkit-faults[]
import static org.assertj.core.api.Assertions.assertThat;

import io.github.skillmessaging.AlexaRegion;
import io.github.skillmessaging.Message;
import io.github.skillmessaging.SkillMessaging;
import io.github.skillmessaging.testkit.AlexaSandbox;
import io.github.skillmessaging.testkit.SandboxApi;
import io.github.skillmessaging.testkit.SandboxSkill;
import io.github.skillmessaging.testkit.SandboxUser;
import io.github.skillmessaging.testkit.junit.AlexaSandboxExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RetriesAgainstFaultsTest {
    @RegisterExtension
    static AlexaSandboxExtension alexa = AlexaSandboxExtension.configured(b -> b.listPageSize(5));

    @Test
    void aSendSurvivesTwoServerErrors() {
        AlexaSandbox sandbox = alexa.sandbox();
        SandboxSkill skill = sandbox.registerSkill(); // no endpoint: messages are only recorded
        SandboxUser user = sandbox.createUser(AlexaRegion.NORTH_AMERICA);
        user.enableSkill(skill);
        sandbox.faults().failNext(SandboxApi.MESSAGING, 2, 503); // the next two sends answer 503
        try (SkillMessaging messaging = SkillMessaging.builder()
                .clientId(skill.clientId())
                .clientSecret(skill.clientSecret())
                .tokenBaseAddress(sandbox.lwaBaseAddress())
                .build()) {
            String messageId = messaging.send(user.userId(), user.apiEndpoint(), new Message(Map.of("item", "tea")));
            assertThat(messageId).isNotEmpty();
        }
        assertThat(sandbox.receivedMessages()).hasSize(1);
    }
}
// end::testkit-faults[]
