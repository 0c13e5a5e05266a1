package io.github.skillmessaging.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.skillmessaging.AlexaRegion;
import io.github.skillmessaging.testkit.junit.AlexaSandboxExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AlexaSandboxExtensionTest {
    @RegisterExtension
    static AlexaSandboxExtension alexa = AlexaSandboxExtension.configured(b -> b.listPageSize(3));

    @Test
    void theRegisteredExtensionInjectsTheSameSandboxItExposes(AlexaSandbox injected) {
        assertThat(injected).isSameAs(alexa.sandbox());
        assertThat(injected.apiEndpoint(AlexaRegion.EUROPE)).startsWith("http://127.0.0.1:");
    }

    @Test
    void unacknowledgedRequestsAreRedeliveredQuicklyUnderTheExtension(AlexaSandbox sandbox) {
        try (RecordingSkill endpoint = new RecordingSkill()) {
            endpoint.answer(500);
            SandboxSkill skill = sandbox.registerSkill(endpoint.endpoint());
            sandbox.createUser(AlexaRegion.NORTH_AMERICA).enableSkill(skill);
            assertThat(sandbox.awaitIdle(Duration.ofSeconds(5))).isTrue();
            assertThat(endpoint.received()).hasSize(2);
        }
    }
}
