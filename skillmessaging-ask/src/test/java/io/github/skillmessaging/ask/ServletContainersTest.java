package io.github.skillmessaging.ask;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.skillmessaging.AlexaRegion;
import io.github.skillmessaging.Message;
import io.github.skillmessaging.SkillMessaging;
import io.github.skillmessaging.testkit.AlexaSandbox;
import io.github.skillmessaging.testkit.DeliveredRequest;
import io.github.skillmessaging.testkit.SandboxCertificates;
import io.github.skillmessaging.testkit.SandboxItem;
import io.github.skillmessaging.testkit.SandboxSkill;
import io.github.skillmessaging.testkit.SandboxUser;
import io.github.skillmessaging.verify.RequestVerifier;
import io.github.skillmessaging.verify.TimestampPolicy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An ASK SDK skill ({@code Skills.standard()}) in a real servlet container (Jetty 12, ee10 and ee8,
 * on loopback), receiving signed requests from the testkit's sandbox Alexa: genuine ones run the
 * skill through ASK's own deserializer and dispatcher, forged and stale ones are answered 400
 * before any handler runs.
 */
class ServletContainersTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private AlexaSandbox sandbox;
    private SkillContainer container;

    @AfterEach
    void stop() throws Exception {
        if (container != null) {
            container.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {SkillContainer.JAKARTA, SkillContainer.VERIFYING, SkillContainer.ADAPTER})
    void aMessageDeliveredBySandboxAlexa_isVerified_handledByTheAskSkill_andWrittenIntoTheAlexaList(String path)
            throws Exception {
        sandbox =
                AlexaSandbox.builder().redeliveryBackoff(Duration.ofMillis(50)).start();
        TestSkill skill = new TestSkill();
        container = new SkillContainer(skill.skill, sandbox.requestVerifier().build());
        SandboxSkill registered = sandbox.registerSkill(container.uri(path));
        SandboxUser user = sandbox.createUser(AlexaRegion.EUROPE); // not North America: ASK's list client could not
        user.enableSkill(registered).grantListPermissions(registered);

        send(registered, user, "oat milk");

        assertThat(sandbox.awaitIdle(Duration.ofSeconds(20))).isTrue();
        assertThat(user.items(user.shoppingListId()))
                .extracting(SandboxItem::value)
                .containsExactly("oat milk");
        assertThat(sandbox.deliveredRequests()).allSatisfy(d -> {
            assertThat(d.acknowledged()).as(d.type()).isTrue();
            assertThat(d.attempts()).as(d.type()).isEqualTo(1);
        });
        if (!path.equals(SkillContainer.ADAPTER)) { // the verification, for handlers that detect duplicates
            assertThat(skill.contexts)
                    .singleElement()
                    .asString()
                    .startsWith("VerifiedRequest[requestType=Messaging.MessageReceived");
        }
        assertThat(skill.handled)
                .containsSubsequence(
                        "AlexaSkillEvent.SkillEnabled",
                        "AlexaSkillEvent.SkillPermissionAccepted",
                        "Messaging.MessageReceived",
                        "AlexaHouseholdListEvent.ItemsCreated");
    }

    @ParameterizedTest
    @ValueSource(strings = {SkillContainer.JAKARTA, SkillContainer.VERIFYING, SkillContainer.ADAPTER})
    void forgedOrStaleRequests_areAnswered400_beforeAnyHandlerRuns(String path) throws Exception {
        sandbox = AlexaSandbox.start();
        TestSkill skill = new TestSkill();
        container = new SkillContainer(skill.skill, sandbox.requestVerifier().build());
        URI endpoint = container.uri(path);
        String chainUrl = sandbox.certificateChainUrl();
        byte[] body = skillEnabled(Instant.now());
        String signature = sandbox.certificates().sign(body);

        byte[] tampered = new String(body, StandardCharsets.UTF_8)
                .replace("SkillEnabled", "SkillDisabled")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(post(endpoint, tampered, chainUrl, signature))
                .as("body changed after signing")
                .isEqualTo(400);
        assertThat(post(endpoint, body, null, null)).as("no signature headers").isEqualTo(400);
        assertThat(post(endpoint, body, chainUrl, SandboxCertificates.create().sign(body)))
                .as("signed by a key the chain does not hold")
                .isEqualTo(400);
        byte[] stale = skillEnabled(Instant.now().minus(Duration.ofHours(2)));
        assertThat(post(endpoint, stale, chainUrl, sandbox.certificates().sign(stale)))
                .as("two hours old")
                .isEqualTo(400);
        assertThat(post(endpoint, body, "https://evil.example.com/echo.api/chain.pem", signature))
                .as("certificate from elsewhere")
                .isEqualTo(400);
        assertThat(skill.handled).isEmpty();

        assertThat(post(endpoint, body, chainUrl, signature))
                .as("the genuine request")
                .isEqualTo(200);
        assertThat(skill.handled).containsExactly("AlexaSkillEvent.SkillEnabled");
    }

    @Test
    void theFilterHandsTheExactVerifiedBytesOn_withTheVerification() throws Exception {
        sandbox = AlexaSandbox.start();
        container = new SkillContainer(
                new TestSkill().skill, sandbox.requestVerifier().build());
        String chainUrl = sandbox.certificateChainUrl();
        byte[] body = new String(skillEnabled(Instant.now()), StandardCharsets.UTF_8)
                .replace("{\"version\"", "{ \"note\" : \"Grüße, 東京 \\u00e9\",\n\t\"version\"")
                .getBytes(StandardCharsets.UTF_8); // bytes a re-encoding would change
        HttpResponse<byte[]> answer = HTTP.send(
                HttpRequest.newBuilder(container.uri(SkillContainer.ECHO))
                        .header("SignatureCertChainUrl", chainUrl)
                        .header("Signature-256", sandbox.certificates().sign(body))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(body);
        assertThat(answer.headers().firstValue("Verified-Request-Id")).contains("amzn1.echo-api.request.test");
    }

    @ParameterizedTest
    @ValueSource(strings = {SkillContainer.JAKARTA, SkillContainer.VERIFYING})
    void aBodyLargerThanOneMebibyte_isAnswered400_unread(String path) throws Exception {
        sandbox = AlexaSandbox.start();
        TestSkill skill = new TestSkill();
        container = new SkillContainer(skill.skill, sandbox.requestVerifier().build());
        byte[] huge = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        // Only the head goes out: the answer must come without the body being read (a server that
        // waited for it would time out here). Sending the body too would race the server's close.
        assertThat(postHeadOnly(
                        container.uri(path),
                        huge.length,
                        sandbox.certificateChainUrl(),
                        sandbox.certificates().sign(huge)))
                .startsWith("HTTP/1.1 400");
        assertThat(skill.handled).isEmpty();
    }

    /** Writes a POST's head declaring {@code contentLength} bytes, none of them sent; returns the status line. */
    private static String postHeadOnly(URI endpoint, long contentLength, String chainUrl, String signature)
            throws IOException {
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.setSoTimeout(10_000);
            String head = "POST " + endpoint.getRawPath() + " HTTP/1.1\r\n"
                    + "Host: " + endpoint.getHost() + ":" + endpoint.getPort() + "\r\n"
                    + "Content-Type: application/json; charset=utf-8\r\n"
                    + "Content-Length: " + contentLength + "\r\n"
                    + "SignatureCertChainUrl: " + chainUrl + "\r\n"
                    + "Signature-256: " + signature + "\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String statusLine = in.readLine();
            return statusLine == null ? "(connection closed without an answer)" : statusLine;
        }
    }

    @Test
    void askSkillServletWithoutTheFilter_refusesEvenGenuineRequests() throws Exception {
        sandbox = AlexaSandbox.start();
        TestSkill skill = new TestSkill();
        container = new SkillContainer(skill.skill, sandbox.requestVerifier().build());
        byte[] body = skillEnabled(Instant.now());
        assertThat(post(
                        container.uri(SkillContainer.UNFILTERED),
                        body,
                        sandbox.certificateChainUrl(),
                        sandbox.certificates().sign(body)))
                .isEqualTo(400);
        assertThat(skill.handled).isEmpty();
    }

    /**
     * Alexa could not get a message acknowledged and redelivers it 20 minutes later, with its original
     * timestamp. ASK's default verifier rejects it (its tolerance is 30 s, 150 s at most, one hour only
     * for the five skill events); this SDK's policy allows one hour for Messaging.MessageReceived.
     */
    @ParameterizedTest
    @ValueSource(strings = {SkillContainer.JAKARTA, SkillContainer.VERIFYING, SkillContainer.ADAPTER})
    void aMessageRedelivered20MinutesLate_isRejectedByAsksDefaultVerifier_andAcceptedByThisSdksPolicy(String ours)
            throws Exception {
        Duration late = Duration.ofMinutes(20);
        // The sandbox lives 20 minutes in the past: its requests carry timestamps 20 minutes old by the skill's clock.
        sandbox = AlexaSandbox.builder()
                .clock(Clock.offset(Clock.systemUTC(), late.negated()))
                .redeliveryBackoff(Duration.ofMillis(50))
                .start();
        RequestVerifier verifier =
                sandbox.requestVerifier().clock(Clock.systemUTC()).build();
        assertThat(verifier.timestampPolicy().toleranceFor("Messaging.MessageReceived"))
                .isEqualTo(Duration.ofHours(1));
        TestSkill skill = new TestSkill();
        container = new SkillContainer(skill.skill, verifier);
        SandboxSkill registered = sandbox.registerSkill(container.uri(SkillContainer.ASK_DEFAULT));
        SandboxUser user = sandbox.createUser(AlexaRegion.NORTH_AMERICA);
        user.enableSkill(registered).grantListPermissions(registered); // skill events: ASK allows them an hour

        send(registered, user, "eggs");
        DeliveredRequest rejected = awaitDelivery("Messaging.MessageReceived", d -> d.lastStatus() == 400);
        assertThat(rejected.acknowledged()).isFalse();
        assertThat(skill.handled).doesNotContain("Messaging.MessageReceived");
        assertThat(user.items(user.shoppingListId())).isEmpty();

        sandbox.setEndpoint(registered, container.uri(ours)); // the redeliveries now reach this SDK's verifier

        assertThat(sandbox.awaitIdle(Duration.ofSeconds(20))).isTrue();
        DeliveredRequest accepted = awaitDelivery("Messaging.MessageReceived", DeliveredRequest::acknowledged);
        assertThat(accepted.requestId()).isEqualTo(rejected.requestId());
        assertThat(accepted.body()).isEqualTo(rejected.body()); // same bytes, same timestamp
        assertThat(accepted.attempts()).isGreaterThanOrEqualTo(2);
        assertThat(user.items(user.shoppingListId()))
                .extracting(SandboxItem::value)
                .containsExactly("eggs");
        assertThat(skill.handled).contains("Messaging.MessageReceived");
    }

    @Test
    void theSamePolicyWithAsksTolerances_rejectsTheLateMessageToo() throws Exception {
        Duration late = Duration.ofMinutes(20);
        sandbox = AlexaSandbox.builder()
                .clock(Clock.offset(Clock.systemUTC(), late.negated()))
                .redeliveryBackoff(Duration.ofSeconds(30))
                .start();
        RequestVerifier asAsk = sandbox.requestVerifier()
                .clock(Clock.systemUTC())
                .timestampPolicy(TimestampPolicy.amazonSdkDefaults())
                .build();
        TestSkill skill = new TestSkill();
        container = new SkillContainer(skill.skill, asAsk);
        SandboxSkill registered = sandbox.registerSkill(container.uri(SkillContainer.JAKARTA));
        SandboxUser user = sandbox.createUser(AlexaRegion.NORTH_AMERICA);
        user.enableSkill(registered).grantListPermissions(registered);

        send(registered, user, "eggs");

        awaitDelivery("Messaging.MessageReceived", d -> d.lastStatus() == 400);
        assertThat(skill.handled)
                .containsExactly("AlexaSkillEvent.SkillEnabled", "AlexaSkillEvent.SkillPermissionAccepted");
    }

    private void send(SandboxSkill skill, SandboxUser user, String item) {
        try (SkillMessaging messaging = SkillMessaging.builder()
                .clientId(skill.clientId())
                .clientSecret(skill.clientSecret())
                .tokenBaseAddress(sandbox.lwaBaseAddress())
                .build()) {
            messaging.send(user.userId(), user.apiEndpoint(), new Message(Map.of("item", item)));
        }
    }

    private DeliveredRequest awaitDelivery(String type, java.util.function.Predicate<DeliveredRequest> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<DeliveredRequest> found = sandbox.deliveredRequests().stream()
                    .filter(d -> d.type().equals(type) && condition.test(d))
                    .findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + type + " delivery as expected: " + sandbox.deliveredRequests());
    }

    private static byte[] skillEnabled(Instant timestamp) {
        String t = timestamp.truncatedTo(ChronoUnit.SECONDS).toString();
        return ("{\"version\":\"1.0\",\"context\":{\"System\":{\"application\":{\"applicationId\":\"amzn1.ask.skill.test\"},"
                        + "\"user\":{\"userId\":\"amzn1.ask.account.test\"},\"apiEndpoint\":\"https://api.amazonalexa.com\"}},"
                        + "\"request\":{\"type\":\"AlexaSkillEvent.SkillEnabled\",\"requestId\":\"amzn1.echo-api.request.test\","
                        + "\"timestamp\":\"" + t + "\",\"eventCreationTime\":\"" + t + "\",\"eventPublishingTime\":\""
                        + t + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static int post(URI endpoint, byte[] body, String chainUrl, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (chainUrl != null) {
            request.header("SignatureCertChainUrl", chainUrl);
        }
        if (signature != null) {
            request.header("Signature-256", signature);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
