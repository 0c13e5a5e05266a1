package io.github.skillmessaging.examples.asklambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazon.ask.exception.AskSdkException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.skillmessaging.AlexaRegion;
import io.github.skillmessaging.SkillMessaging;
import io.github.skillmessaging.examples.sync.Answer;
import io.github.skillmessaging.examples.sync.OutboxWorker;
import io.github.skillmessaging.examples.sync.ProviderClient;
import io.github.skillmessaging.examples.sync.ProviderItem;
import io.github.skillmessaging.examples.sync.ProviderWebhook;
import io.github.skillmessaging.examples.sync.SyncStore;
import io.github.skillmessaging.examples.sync.TodoProvider;
import io.github.skillmessaging.examples.sync.Trace;
import io.github.skillmessaging.testkit.AlexaSandbox;
import io.github.skillmessaging.testkit.DeliveredRequest;
import io.github.skillmessaging.testkit.SandboxItem;
import io.github.skillmessaging.testkit.SandboxSkill;
import io.github.skillmessaging.testkit.SandboxUser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Lambda handler end to end, with no AWS account: a small host stands where the Lambda service
 * would, receiving the sandbox Alexa's requests and calling
 * {@code handleRequest(InputStream, OutputStream, Context)} with the request bytes, as Lambda
 * does. The back end (the provider's webhook and the outbox sending skill messages) is the
 * two-way sync's, on the same database.
 */
class SyncSkillStreamHandlerTest {
    @TempDir
    Path data;

    AlexaSandbox sandbox;
    TodoProvider provider;
    SyncStore store;
    SyncSkillStreamHandler lambda;
    ProviderWebhook webhook;
    OutboxWorker outbox;
    SkillMessaging messaging;
    HttpServer host;
    SandboxSkill skill;
    SandboxUser user;

    @BeforeEach
    void start() throws IOException {
        sandbox =
                AlexaSandbox.builder().redeliveryBackoff(Duration.ofMillis(100)).start();
        provider = TodoProvider.start("jdbc:h2:file:" + data.resolve("provider") + ";LOCK_TIMEOUT=60000", Trace.NONE);
        store = new SyncStore("jdbc:h2:file:" + data.resolve("sync") + ";LOCK_TIMEOUT=60000", "", "");
        SandboxSkill registered = sandbox.registerSkill();
        lambda = new SyncSkillStreamHandler(SyncSkillStreamHandler.skill(
                store, new ProviderClient(provider.baseUrl()), registered.applicationId(), Trace.NONE));
        webhook = new ProviderWebhook(store, Trace.NONE);
        messaging = SkillMessaging.builder()
                .clientId(registered.clientId())
                .clientSecret(registered.clientSecret())
                .tokenBaseAddress(sandbox.lwaBaseAddress())
                .build();
        outbox = new OutboxWorker(store, messaging, Trace.NONE);

        host = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        host.createContext("/lambda", this::invokeLambda);
        host.createContext("/webhook", this::callWebhook);
        host.start();
        URI base = URI.create("http://127.0.0.1:" + host.getAddress().getPort());
        skill = sandbox.setEndpoint(registered, base.resolve("/lambda"));
        provider.webhook(base.resolve("/webhook"));
        user = sandbox.createUser(AlexaRegion.EUROPE);
    }

    @AfterEach
    void stop() {
        host.stop(0);
        messaging.close();
        provider.close();
        sandbox.close();
    }

    /** As the Lambda service: the request bytes in, the function's output back; a failed invocation is not an acknowledgement. */
    private void invokeLambda(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] in = exchange.getRequestBody().readAllBytes();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int status;
            try {
                lambda.handleRequest(new ByteArrayInputStream(in), out, new FakeLambdaContext());
                status = 200;
            } catch (RuntimeException e) {
                status = 500;
                out.reset();
            }
            byte[] answer = out.toByteArray();
            exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
        }
    }

    private void callWebhook(HttpExchange exchange) throws IOException {
        try (exchange) {
            Answer answer = webhook.handle(exchange.getRequestBody().readAllBytes());
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            if (answer.body().length > 0) {
                exchange.getResponseBody().write(answer.body());
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
    void bothDirectionsSync_throughTheAskSkillOnLambda() throws Exception {
        user.enableSkill(skill).linkAccount(skill, "alex").grantListPermissions(skill);
        user.addItem(user.shoppingListId(), "milk"); // Alexa → list event → Lambda → provider
        assertThat(sandbox.awaitIdle(Duration.ofSeconds(20))).isTrue();
        assertThat(provider.items("alex")).extracting(ProviderItem::value).containsExactly("milk");

        provider.create("alex", "eggs", false); // provider → webhook → message → Lambda → Alexa
        for (int i = 0; i < 100 && !alexaValues().contains("eggs"); i++) {
            Thread.sleep(50);
            outbox.drain();
            sandbox.awaitIdle(Duration.ofSeconds(5));
        }
        assertThat(alexaValues()).containsExactly("eggs", "milk"); // in Europe: ASK's own list client could not
        assertThat(sandbox.receivedMessages()).hasSize(1);
        assertThat(sandbox.deliveredRequests())
                .extracting(DeliveredRequest::type)
                .contains(
                        "AlexaSkillEvent.SkillEnabled",
                        "AlexaSkillEvent.SkillAccountLinked",
                        "AlexaSkillEvent.SkillPermissionAccepted",
                        "AlexaHouseholdListEvent.ItemsCreated",
                        "Messaging.MessageReceived");
        assertThat(sandbox.deliveredRequests())
                .allSatisfy(d -> assertThat(d.acknowledged()).as(d.type()).isTrue());
    }

    @Test
    void aRedeliveredMessage_isAcknowledgedAndDoesNothingTwice() throws Exception {
        user.enableSkill(skill).linkAccount(skill, "alex").grantListPermissions(skill);
        assertThat(sandbox.awaitIdle(Duration.ofSeconds(20))).isTrue(); // the first sync is done
        provider.create("alex", "tea", false);
        for (int i = 0; i < 100 && !alexaValues().contains("tea"); i++) {
            Thread.sleep(50);
            outbox.drain();
            sandbox.awaitIdle(Duration.ofSeconds(5));
        }
        assertThat(alexaValues()).containsExactly("tea");
        user.deleteItem(
                user.shoppingListId(), user.items(user.shoppingListId()).get(0).id());
        assertThat(sandbox.awaitIdle(Duration.ofSeconds(20))).isTrue();
        assertThat(provider.items("alex")).isEmpty(); // the delete reached the provider

        String message = sandbox.deliveredRequests().stream()
                .filter(d -> d.type().equals("Messaging.MessageReceived"))
                .findFirst()
                .orElseThrow()
                .body();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        lambda.handleRequest(
                new ByteArrayInputStream(message.getBytes(StandardCharsets.UTF_8)),
                out,
                new FakeLambdaContext()); // Alexa delivers the same message again

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"version\":\"1.0\"");
        assertThat(alexaValues()).isEmpty(); // not written again
    }

    @Test
    void disablingTheSkill_forgetsTheUser() {
        user.enableSkill(skill).linkAccount(skill, "alex").grantListPermissions(skill);
        assertThat(sandbox.awaitIdle(Duration.ofSeconds(20))).isTrue();
        Optional<SyncStore.LinkedUser> stored = store.inTransaction(c -> store.lockUser(c, user.userId()));
        assertThat(stored).hasValueSatisfying(linked -> {
            assertThat(linked.apiEndpoint()).isEqualTo(user.apiEndpoint());
            assertThat(linked.providerAccount()).contains("alex");
            assertThat(linked.listsGranted()).isTrue();
        });

        user.disableSkill(skill);

        assertThat(sandbox.awaitIdle(Duration.ofSeconds(20))).isTrue();
        Optional<SyncStore.LinkedUser> forgotten = store.inTransaction(c -> store.lockUser(c, user.userId()));
        assertThat(forgotten).isEmpty();
    }

    @Test
    void aRequestForAnotherSkill_failsTheInvocation() {
        byte[] other =
                ("{\"version\":\"1.0\",\"context\":{\"System\":{\"application\":{\"applicationId\":\"amzn1.ask.skill.other\"},"
                                + "\"user\":{\"userId\":\"u\"}}},\"request\":{\"type\":\"LaunchRequest\",\"requestId\":\"r\","
                                + "\"timestamp\":\"2026-11-25T10:00:00Z\"}}")
                        .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> lambda.handleRequest(
                        new ByteArrayInputStream(other), new ByteArrayOutputStream(), new FakeLambdaContext()))
                .isInstanceOf(AskSdkException.class);
    }

    @Test
    void missingEnvironmentVariablesAreNamed() {
        assertThatThrownBy(() -> SyncSkillStreamHandler.skill(Map.of("SKILL_ID", "amzn1.ask.skill.x")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Missing Lambda environment variables: SYNC_JDBC_URL, PROVIDER_URL");
    }
}
