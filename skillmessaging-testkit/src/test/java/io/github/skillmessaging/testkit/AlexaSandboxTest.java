package io.github.skillmessaging.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.skillmessaging.AccessTokenClient;
import io.github.skillmessaging.AlexaRegion;
import io.github.skillmessaging.Message;
import io.github.skillmessaging.RetryPolicy;
import io.github.skillmessaging.SkillMessageClient;
import io.github.skillmessaging.SkillMessaging;
import io.github.skillmessaging.error.BadRequestException;
import io.github.skillmessaging.error.ForbiddenException;
import io.github.skillmessaging.error.NotFoundException;
import io.github.skillmessaging.error.RateLimitException;
import io.github.skillmessaging.error.TokenRequestException;
import io.github.skillmessaging.error.TransportException;
import io.github.skillmessaging.internal.Json;
import io.github.skillmessaging.lists.AlexaList;
import io.github.skillmessaging.lists.ItemStatus;
import io.github.skillmessaging.lists.ListItem;
import io.github.skillmessaging.lists.ListManagementClient;
import io.github.skillmessaging.lists.ListPermissionException;
import io.github.skillmessaging.lists.ListVersionConflictException;
import io.github.skillmessaging.verify.RequestVerifier;
import io.github.skillmessaging.verify.VerifiedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AlexaSandboxTest {
    final AlexaSandbox sandbox = AlexaSandbox.builder()
            .redeliveryBackoff(Duration.ofMillis(20))
            .listPageSize(2)
            .start();
    final RecordingSkill endpoint = new RecordingSkill();
    final SandboxSkill skill = sandbox.registerSkill(endpoint.endpoint());

    @AfterEach
    void stop() {
        sandbox.close();
        endpoint.close();
    }

    SkillMessaging messaging() {
        return SkillMessaging.builder()
                .clientId(skill.clientId())
                .clientSecret(skill.clientSecret())
                .tokenBaseAddress(sandbox.lwaBaseAddress())
                .sleeper(d -> java.util.concurrent.CompletableFuture.completedFuture(null))
                .build();
    }

    SandboxUser enabledUser(AlexaRegion region) {
        SandboxUser user = sandbox.createUser(region);
        user.enableSkill(skill).grantListPermissions(skill);
        assertThat(sandbox.awaitIdle(Duration.ofSeconds(5))).isTrue();
        return user;
    }

    static JsonNode json(String body) {
        return Json.readTreeOrNull(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void tokenEndpointChecksCredentialsAndScope() {
        AccessTokenClient lwa = new AccessTokenClient(sandbox.lwaBaseAddress());
        assertThat(lwa.send(skill.clientId(), skill.clientSecret()).expiresIn()).isEqualTo(Duration.ofHours(1));
        TokenRequestException badSecret =
                (TokenRequestException) catchThrowable(() -> lwa.send(skill.clientId(), "nope"));
        assertThat(badSecret.statusCode()).isEqualTo(401);
        assertThat(badSecret.error()).isEqualTo("invalid_client");
        TokenRequestException badScope = (TokenRequestException)
                catchThrowable(() -> lwa.send(skill.clientId(), skill.clientSecret(), "alexa::datastore"));
        assertThat(badScope.error()).isEqualTo("invalid_scope");
    }

    @Test
    void anAcceptedMessageIsDeliveredSignedWithTheUsersEndpointAndToken() throws Exception {
        SandboxUser user = enabledUser(AlexaRegion.EUROPE);
        String messageId =
                messaging().send(user.userId(), user.apiEndpoint(), new Message(Map.of("Key", "Some Value")));
        assertThat(sandbox.awaitIdle(Duration.ofSeconds(5))).isTrue();

        assertThat(sandbox.receivedMessages()).singleElement().satisfies(m -> {
            assertThat(m.messageId()).isEqualTo(messageId);
            assertThat(m.data()).containsEntry("Key", "Some Value");
        });
        RecordingSkill.Received last =
                endpoint.received().get(endpoint.received().size() - 1);
        JsonNode body = json(last.body());
        assertThat(body.at("/request/type").asText()).isEqualTo("Messaging.MessageReceived");
        assertThat(body.at("/request/message/Key").asText()).isEqualTo("Some Value");
        assertThat(body.at("/context/System/user/userId").asText()).isEqualTo(user.userId());
        assertThat(body.at("/context/System/apiEndpoint").asText()).isEqualTo(sandbox.apiEndpoint(AlexaRegion.EUROPE));
        assertThat(body.at("/context/System/apiAccessToken").asText()).startsWith("Atc|sandbox-");
        assertThat(body.at("/context/System/application/applicationId").asText())
                .isEqualTo(skill.applicationId());

        RequestVerifier verifier = sandbox.requestVerifier()
                .allowedApplicationIds(skill.applicationId())
                .build();
        VerifiedRequest verified = verifier.verify(last.body().getBytes(StandardCharsets.UTF_8), last.headers());
        assertThat(verified.requestType()).isEqualTo("Messaging.MessageReceived");
        assertThat(last.headers().entrySet().stream()
                        .filter(h -> h.getKey().equalsIgnoreCase("SignatureCertChainUrl"))
                        .flatMap(h -> h.getValue().stream()))
                .as("the chain URL the sandbox names")
                .containsExactly(sandbox.certificateChainUrl());
        assertThat(RequestVerifier.create().toBuilder().build()).isNotNull();
    }

    @Test
    void theProductionVerifierRejectsSandboxRequests() {
        SandboxUser user = enabledUser(AlexaRegion.NORTH_AMERICA);
        RecordingSkill.Received enabled = endpoint.received().get(0);
        assertThat(json(enabled.body()).at("/request/type").asText()).isEqualTo("AlexaSkillEvent.SkillEnabled");
        assertThatThrownBy(() -> RequestVerifier.create()
                        .verify(enabled.body().getBytes(StandardCharsets.UTF_8), enabled.headers()))
                .isInstanceOf(io.github.skillmessaging.verify.RequestVerificationException.class);
        assertThat(user.userId()).startsWith("amzn1.ask.account.");
    }

    @Test
    void anUnacknowledgedMessageIsRedeliveredWithTheSameBodyUntilAcknowledged() {
        SandboxUser user = enabledUser(AlexaRegion.NORTH_AMERICA);
        int before = endpoint.received().size();
        endpoint.answer(500, 503);
        messaging().send(user.userId(), user.apiEndpoint(), new Message(Map.of("n", "1")));
        assertThat(sandbox.awaitIdle(Duration.ofSeconds(5))).isTrue();
        List<RecordingSkill.Received> attempts =
                endpoint.received().subList(before, endpoint.received().size());
        assertThat(attempts).hasSize(3);
        assertThat(attempts)
                .extracting(RecordingSkill.Received::body)
                .containsOnly(attempts.get(0).body());
        DeliveredRequest delivered =
                sandbox.deliveredRequests().get(sandbox.deliveredRequests().size() - 1);
        assertThat(delivered.attempts()).isEqualTo(3);
        assertThat(delivered.acknowledged()).isTrue();
    }

    @Test
    void messagingChecksWhatAmazonDocuments() {
        SandboxUser user = enabledUser(AlexaRegion.NORTH_AMERICA);
        String token = new AccessTokenClient(sandbox.lwaBaseAddress())
                .send(skill.clientId(), skill.clientSecret())
                .token();
        SkillMessageClient naClient = new SkillMessageClient(user.apiEndpoint() + "/v1/skillmessages/users/", token);
        assertThat(catchThrowable(() -> naClient.send(new Message(Map.of()), "amzn1.ask.account.NOBODY")))
                .isInstanceOf(NotFoundException.class);
        SkillMessageClient euClient =
                new SkillMessageClient(sandbox.apiEndpoint(AlexaRegion.EUROPE) + "/v1/skillmessages/users/", token);
        assertThat(catchThrowable(() -> euClient.send(new Message(Map.of()), user.userId())))
                .as("each region knows only its own users")
                .isInstanceOf(NotFoundException.class);
        SkillMessageClient badToken = new SkillMessageClient(user.apiEndpoint() + "/v1/skillmessages/users/", "forged");
        assertThat(catchThrowable(() -> badToken.send(new Message(Map.of()), user.userId())))
                .isInstanceOf(ForbiddenException.class);
        assertThat(naClient.send(new Message(Map.of()), user.userId())).startsWith("amzn1.sandbox.message.");
    }

    @Test
    void expiredTokensAreRefusedAndTheProductionClientRefreshesThem() {
        MutableClockForSandbox clock = new MutableClockForSandbox();
        try (AlexaSandbox timed = AlexaSandbox.builder()
                        .clock(clock)
                        .redeliveryBackoff(Duration.ofMillis(20))
                        .start();
                RecordingSkill skillEndpoint = new RecordingSkill()) {
            SandboxSkill s = timed.registerSkill(skillEndpoint.endpoint());
            SandboxUser user = timed.createUser(AlexaRegion.FAR_EAST);
            user.enableSkill(s);
            SkillMessaging client = SkillMessaging.builder()
                    .clientId(s.clientId())
                    .clientSecret(s.clientSecret())
                    .tokenBaseAddress(timed.lwaBaseAddress())
                    .clock(clock)
                    .build();
            client.send(user.userId(), user.apiEndpoint(), new Message(Map.of()));
            String oldToken = client.accessToken().token();
            clock.advance(Duration.ofMinutes(61));
            client.send(user.userId(), user.apiEndpoint(), new Message(Map.of()));
            assertThat(client.accessToken().token()).isNotEqualTo(oldToken);
            SkillMessageClient stale =
                    new SkillMessageClient(user.apiEndpoint() + "/v1/skillmessages/users/", oldToken);
            assertThatThrownBy(() -> stale.send(new Message(Map.of()), user.userId()))
                    .isInstanceOf(ForbiddenException.class);
            assertThat(timed.receivedMessages()).hasSize(2);
        }
    }

    @Test
    void injectedFaultsAreSeenByClientsAndRetried() {
        SandboxUser user = enabledUser(AlexaRegion.NORTH_AMERICA);
        sandbox.faults()
                .failNext(SandboxApi.MESSAGING, 1, 503)
                .rateLimitNext(SandboxApi.MESSAGING, 1, Duration.ofSeconds(1))
                .resetNext(SandboxApi.MESSAGING, 1);
        SkillMessaging client = SkillMessaging.builder()
                .clientId(skill.clientId())
                .clientSecret(skill.clientSecret())
                .tokenBaseAddress(sandbox.lwaBaseAddress())
                .sleeper(d -> java.util.concurrent.CompletableFuture.completedFuture(null))
                .retryPolicy(RetryPolicy.builder().maxAttempts(4).build())
                .build();
        assertThat(client.send(user.userId(), user.apiEndpoint(), new Message(Map.of())))
                .isNotEmpty();
        assertThat(sandbox.receivedMessages()).hasSize(1);

        sandbox.faults().rateLimitNext(SandboxApi.MESSAGING, 1, Duration.ofSeconds(9));
        SkillMessaging noRetry = SkillMessaging.builder()
                .clientId(skill.clientId())
                .clientSecret(skill.clientSecret())
                .tokenBaseAddress(sandbox.lwaBaseAddress())
                .retryPolicy(RetryPolicy.none())
                .build();
        RateLimitException limited = (RateLimitException)
                catchThrowable(() -> noRetry.send(user.userId(), user.apiEndpoint(), new Message(Map.of())));
        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(9));
        sandbox.faults().resetNext(SandboxApi.MESSAGING, 1);
        assertThat(catchThrowable(() -> noRetry.send(user.userId(), user.apiEndpoint(), new Message(Map.of()))))
                .isInstanceOf(TransportException.class);
    }

    @Test
    void listsHaveRealStateVersionsAndPermissions() {
        SandboxUser user = enabledUser(AlexaRegion.EUROPE);
        String apiToken = json(endpoint.received()
                        .get(endpoint.received().size() - 1)
                        .body())
                .at("/context/System/apiAccessToken")
                .asText();
        ListManagementClient lists = ListManagementClient.create(user.apiEndpoint(), apiToken);
        String shopping = lists.findShoppingList().orElseThrow().listId();
        assertThat(shopping).isEqualTo(user.shoppingListId());

        ListItem milk = lists.createItem(shopping, "milk", ItemStatus.ACTIVE);
        lists.createItem(shopping, "eggs", ItemStatus.ACTIVE);
        lists.createItem(shopping, "bread", ItemStatus.ACTIVE);
        assertThat(user.items(shopping)).extracting(SandboxItem::value).containsExactly("milk", "eggs", "bread");
        assertThat(lists.getAllItems(shopping, ItemStatus.ACTIVE)).hasSize(3); // pages of 2
        AlexaList firstPage = lists.getList(shopping, ItemStatus.ACTIVE);
        assertThat(firstPage.items()).hasSize(2);
        assertThat(firstPage.hasNextPage()).isTrue();

        ListItem done = lists.updateItem(shopping, milk.id(), "milk", ItemStatus.COMPLETED, milk.version());
        assertThat(done.version()).isEqualTo(milk.version() + 1);
        assertThat(done.createdTime()).isPresent();
        assertThatThrownBy(() -> lists.updateItem(shopping, milk.id(), "oat milk", ItemStatus.ACTIVE, milk.version()))
                .isInstanceOf(ListVersionConflictException.class);
        lists.deleteItem(shopping, milk.id());
        assertThatThrownBy(() -> lists.getItem(shopping, milk.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> lists.deleteList(shopping)).isInstanceOf(BadRequestException.class);

        SandboxUser stranger = sandbox.createUser(AlexaRegion.EUROPE);
        stranger.enableSkill(skill);
        sandbox.awaitIdle(Duration.ofSeconds(5));
        String noPermissionToken = json(endpoint.received()
                        .get(endpoint.received().size() - 1)
                        .body())
                .at("/context/System/apiAccessToken")
                .asText();
        assertThatThrownBy(() -> ListManagementClient.create(stranger.apiEndpoint(), noPermissionToken)
                        .getListsMetadata())
                .isInstanceOf(ListPermissionException.class);
    }

    @Test
    void userEditsReachTheSkillAsListEvents() {
        SandboxUser user = enabledUser(AlexaRegion.NORTH_AMERICA);
        int before = endpoint.received().size();
        String itemId = user.addItem(user.toDoListId(), "call mum");
        user.completeItem(user.toDoListId(), itemId);
        user.deleteItem(user.toDoListId(), itemId);
        String listId = user.createList("Camping");
        assertThat(sandbox.awaitIdle(Duration.ofSeconds(5))).isTrue();
        List<JsonNode> events = endpoint
                .received()
                .subList(before, endpoint.received().size())
                .stream()
                .map(r -> json(r.body()))
                .toList();
        assertThat(events)
                .extracting(e -> e.at("/request/type").asText())
                .containsExactlyInAnyOrder(
                        "AlexaHouseholdListEvent.ItemsCreated", "AlexaHouseholdListEvent.ItemsUpdated",
                        "AlexaHouseholdListEvent.ItemsDeleted", "AlexaHouseholdListEvent.ListCreated");
        JsonNode created = events.stream()
                .filter(e -> e.at("/request/type").asText().endsWith("ItemsCreated"))
                .findFirst()
                .orElseThrow();
        assertThat(created.at("/request/body/listId").asText()).isEqualTo(user.toDoListId());
        assertThat(created.at("/request/body/listItemIds/0").asText()).isEqualTo(itemId);
        assertThat(created.at("/request/eventCreationTime").asText()).isNotEmpty();
        assertThat(user.items(listId)).isEmpty();
    }

    @Test
    void skillEventsCarryTheirBodies() {
        SandboxUser user = sandbox.createUser(AlexaRegion.NORTH_AMERICA);
        user.enableSkill(skill)
                .linkAccount(skill, "provider-token-1")
                .grantListPermissions(skill)
                .disableSkill(skill);
        assertThat(sandbox.awaitIdle(Duration.ofSeconds(5))).isTrue();
        List<JsonNode> events =
                endpoint.received().stream().map(r -> json(r.body())).toList();
        assertThat(events)
                .extracting(e -> e.at("/request/type").asText())
                .containsExactlyInAnyOrder(
                        "AlexaSkillEvent.SkillEnabled", "AlexaSkillEvent.SkillAccountLinked",
                        "AlexaSkillEvent.SkillPermissionAccepted", "AlexaSkillEvent.SkillDisabled");
        JsonNode linked = events.stream()
                .filter(e -> e.at("/request/type").asText().endsWith("AccountLinked"))
                .findFirst()
                .orElseThrow();
        assertThat(linked.at("/request/body/accessToken").asText()).isEqualTo("provider-token-1");
        JsonNode accepted = events.stream()
                .filter(e -> e.at("/request/type").asText().endsWith("PermissionAccepted"))
                .findFirst()
                .orElseThrow();
        assertThat(accepted.at("/request/body/acceptedPermissions"))
                .extracting(n -> n.get("scope").asText())
                .containsExactly("alexa::household:lists:read", "alexa::household:lists:write");
        assertThat(catchThrowable(() -> messaging().send(user.userId(), user.apiEndpoint(), new Message(Map.of()))))
                .as("after SkillDisabled the user is unknown to the skill")
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void anUnacknowledgedMessageExpiresAndIsNotDeliveredAgain() throws Exception {
        MutableClockForSandbox clock = new MutableClockForSandbox();
        try (AlexaSandbox timed = AlexaSandbox.builder()
                        .clock(clock)
                        .redeliveryBackoff(Duration.ofMillis(20))
                        .start();
                RecordingSkill failing = new RecordingSkill()) {
            SandboxSkill s = timed.registerSkill(failing.endpoint());
            SandboxUser user = timed.createUser(AlexaRegion.NORTH_AMERICA);
            user.enableSkill(s);
            assertThat(timed.awaitIdle(Duration.ofSeconds(5))).isTrue();
            Integer[] refusals = new Integer[1000];
            java.util.Arrays.fill(refusals, 503);
            failing.answer(refusals);
            SkillMessaging client = SkillMessaging.builder()
                    .clientId(s.clientId())
                    .clientSecret(s.clientSecret())
                    .tokenBaseAddress(timed.lwaBaseAddress())
                    .clock(clock)
                    .build();
            client.send(user.userId(), user.apiEndpoint(), new Message(Map.of("k", "v"), 60));
            for (int i = 0; i < 200 && failing.received().size() < 3; i++) {
                Thread.sleep(10);
            }
            clock.advance(Duration.ofSeconds(61));
            assertThat(timed.awaitIdle(Duration.ofSeconds(5))).isTrue();
            DeliveredRequest message =
                    timed.deliveredRequests().get(timed.deliveredRequests().size() - 1);
            assertThat(message.type()).isEqualTo("Messaging.MessageReceived");
            assertThat(message.expired()).isTrue();
            assertThat(message.acknowledged()).isFalse();
            assertThat(message.lastStatus()).isEqualTo(503);
            int attempts = failing.received().size();
            Thread.sleep(200);
            assertThat(failing.received()).hasSize(attempts);
        }
    }

    @Test
    void everyRequestTheSandboxSendsParsesIntoTheTypedModel() {
        SandboxUser user = sandbox.createUser(AlexaRegion.EUROPE);
        user.enableSkill(skill)
                .linkAccount(skill, "acct-1")
                .grantListPermissions(skill)
                .grantPermissions(skill, "alexa::profile:email:read");
        user.addItem(user.shoppingListId(), "milk");
        messaging().send(user.userId(), user.apiEndpoint(), new Message(Map.of("k", "v")));
        user.disableSkill(skill);
        assertThat(sandbox.awaitIdle(Duration.ofSeconds(5))).isTrue();
        List<Class<?>> types = endpoint.received().stream()
                .<Class<?>>map(r -> io.github.skillmessaging.request.RequestConverter.parse(r.body())
                        .request()
                        .getClass())
                .toList();
        assertThat(types)
                .containsExactly(
                        io.github.skillmessaging.request.SkillEnabledRequest.class,
                        io.github.skillmessaging.request.SkillAccountLinkedRequest.class,
                        io.github.skillmessaging.request.SkillPermissionAcceptedRequest.class,
                        io.github.skillmessaging.request.SkillPermissionChangedRequest.class,
                        io.github.skillmessaging.lists.event.ListItemsCreatedEvent
                                .class, // lists module on the class path
                        io.github.skillmessaging.request.MessageReceivedRequest.class,
                        io.github.skillmessaging.request.SkillDisabledRequest.class);
    }

    @Test
    void theMessagingApiRefusesWhatAmazonRefusesWith400() throws Exception {
        SandboxUser user = enabledUser(AlexaRegion.NORTH_AMERICA);
        String token = new AccessTokenClient(sandbox.lwaBaseAddress())
                .send(skill.clientId(), skill.clientSecret())
                .token();
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.util.function.Function<String, Integer> post = body -> {
            try {
                return http.send(
                                java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                                user.apiEndpoint() + "/v1/skillmessages/users/" + user.userId()))
                                        .header("Authorization", "Bearer " + token)
                                        .header("Content-Type", "application/json")
                                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                                        .build(),
                                java.net.http.HttpResponse.BodyHandlers.discarding())
                        .statusCode();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        assertThat(post.apply("{\"expiresAfterSeconds\":3600}"))
                .as("data missing")
                .isEqualTo(400);
        assertThat(post.apply("{\"data\":\"text\"}")).as("data not an object").isEqualTo(400);
        assertThat(post.apply("{\"data\":{},\"expiresAfterSeconds\":59}"))
                .as("expiry too short")
                .isEqualTo(400);
        assertThat(post.apply("{\"data\":{},\"expiresAfterSeconds\":86401}"))
                .as("expiry too long")
                .isEqualTo(400);
        String big = "x".repeat(Message.MAX_DATA_BYTES);
        assertThat(post.apply("{\"data\":{\"k\":\"" + big + "\"}}"))
                .as("over 6 KB")
                .isEqualTo(400);
        assertThat(post.apply("{\"data\":{\"k\":\"v\"}}"))
                .as("expiry defaults to an hour")
                .isEqualTo(202);
        assertThat(sandbox.receivedMessages())
                .singleElement()
                .satisfies(m -> assertThat(m.expiresAfterSeconds()).isEqualTo(3600));
    }
}
