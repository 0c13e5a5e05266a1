package io.github.skillmessaging.examples.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.azure.functions.HttpResponseMessage;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.skillmessaging.AlexaRegion;
import io.github.skillmessaging.SkillMessaging;
import io.github.skillmessaging.examples.sync.ProviderClient;
import io.github.skillmessaging.examples.sync.SyncStore;
import io.github.skillmessaging.examples.sync.TodoProvider;
import io.github.skillmessaging.examples.sync.Trace;
import io.github.skillmessaging.testkit.AlexaSandbox;
import io.github.skillmessaging.testkit.SandboxItem;
import io.github.skillmessaging.testkit.SandboxSkill;
import io.github.skillmessaging.testkit.SandboxUser;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls the function methods with fake trigger objects. A small adapter stands where the Functions
 * host would: the local Alexa sandbox and the provider call it, and it calls the functions.
 */
class SyncFunctionsTest {
    @TempDir
    Path data;

    AlexaSandbox sandbox;
    TodoProvider provider;
    SyncFunctions functions;
    HttpServer host;
    SandboxSkill skill;
    SandboxUser user;

    @BeforeEach
    void start() throws IOException {
        sandbox =
                AlexaSandbox.builder().redeliveryBackoff(Duration.ofMillis(100)).start();
        provider = TodoProvider.start("jdbc:h2:file:" + data.resolve("provider") + ";LOCK_TIMEOUT=60000", Trace.NONE);
        SyncStore store = new SyncStore("jdbc:h2:file:" + data.resolve("sync") + ";LOCK_TIMEOUT=60000", "", "");
        SandboxSkill registered = sandbox.registerSkill();
        SkillMessaging messaging = SkillMessaging.builder()
                .clientId(registered.clientId())
                .clientSecret(registered.clientSecret())
                .tokenBaseAddress(sandbox.lwaBaseAddress())
                .build();
        SyncComponents components = SyncComponents.of(
                store,
                new ProviderClient(provider.baseUrl()),
                sandbox.requestVerifier()
                        .allowedApplicationIds(registered.applicationId())
                        .build(),
                messaging,
                Trace.NONE);
        functions = new SyncFunctions(() -> components);

        host = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        host.createContext("/alexa", exchange -> invoke(exchange, "/alexa"));
        host.createContext("/webhook", exchange -> invoke(exchange, "/webhook"));
        host.start();
        URI base = URI.create("http://127.0.0.1:" + host.getAddress().getPort());
        skill = sandbox.setEndpoint(registered, base.resolve("/alexa"));
        provider.webhook(base.resolve("/webhook"));
        user = sandbox.createUser(AlexaRegion.EUROPE);
    }

    @AfterEach
    void stop() {
        host.stop(0);
        provider.close();
        sandbox.close();
    }

    private void invoke(HttpExchange exchange, String path) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, v.get(0)));
            HttpResponseMessage response = path.equals("/alexa")
                    ? functions.alexa(FakeHttp.post(path, body, headers), FakeHttp.context("alexa"))
                    : functions.webhook(FakeHttp.post(path, body, headers), FakeHttp.context("webhook"));
            byte[] out = response.getBody() == null ? new byte[0] : (byte[]) response.getBody();
            exchange.sendResponseHeaders(response.getStatusCode(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                exchange.getResponseBody().write(out);
            }
        }
    }

    private List<String> alexaValues() {
        return user.items(user.shoppingListId()).stream()
                .map(SandboxItem::value)
                .sorted()
                .toList();
    }

    @Test
    void bothDirectionsSyncThroughTheFunctions() throws Exception {
        user.enableSkill(skill).linkAccount(skill, "alex").grantListPermissions(skill);
        user.addItem(user.shoppingListId(), "milk");
        assertThat(sandbox.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(provider.items("alex")).extracting(i -> i.value()).containsExactly("milk");

        provider.create("alex", "eggs", false);
        for (int i = 0; i < 100 && !alexaValues().contains("eggs"); i++) {
            Thread.sleep(50);
            functions.outbox("timer", FakeHttp.context("outbox"));
            sandbox.awaitIdle(Duration.ofSeconds(5));
        }
        assertThat(alexaValues()).containsExactly("eggs", "milk");
        assertThat(sandbox.receivedMessages()).hasSize(1);
    }

    @Test
    void theSkillFunctionRefusesUnsignedRequestsWith400() {
        byte[] body = "{\"version\":\"1.0\"}".getBytes(StandardCharsets.UTF_8);
        HttpResponseMessage response =
                functions.alexa(FakeHttp.post("/alexa", body, Map.of()), FakeHttp.context("alexa"));
        assertThat(response.getStatusCode()).isEqualTo(400);
    }

    @Test
    void theWebhookFunctionAcknowledgesChangesOfUnknownAccounts() {
        byte[] body = "{\"account\":\"nobody\",\"itemId\":\"1\",\"version\":1,\"change\":\"created\"}"
                .getBytes(StandardCharsets.UTF_8);
        HttpResponseMessage response =
                functions.webhook(FakeHttp.post("/webhook", body, Map.of()), FakeHttp.context("webhook"));
        assertThat(response.getStatusCode()).isEqualTo(204);
        HttpResponseMessage garbage = functions.webhook(
                FakeHttp.post("/webhook", "not json".getBytes(StandardCharsets.UTF_8), Map.of()),
                FakeHttp.context("webhook"));
        assertThat(garbage.getStatusCode()).isEqualTo(400);
    }

    @Test
    void missingFunctionAppSettingsAreNamed() {
        assertThatThrownBy(() -> SyncComponents.fromSettings(Map.of("SKILL_ID", "amzn1.ask.skill.x"), Trace.NONE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "Missing Function App settings: SKILL_CLIENT_ID, SKILL_CLIENT_SECRET, SYNC_JDBC_URL, PROVIDER_URL");
    }
}
