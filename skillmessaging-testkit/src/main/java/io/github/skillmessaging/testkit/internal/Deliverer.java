package io.github.skillmessaging.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.skillmessaging.internal.Json;
import io.github.skillmessaging.testkit.DeliveredRequest;
import io.github.skillmessaging.testkit.SandboxCertificates;
import io.github.skillmessaging.testkit.SandboxSkill;
import java.lang.System.Logger.Level;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Sends requests to skills as Alexa does: signed with the sandbox chain, acknowledged by a 2xx,
 * otherwise sent again after a wait that doubles, with the same body and timestamp, until the
 * request expires. First attempts to one skill go out one at a time in the order the requests
 * arose (so traces read in order); redeliveries come when their wait is over.
 */
public final class Deliverer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("io.github.skillmessaging.testkit");

    private final SandboxState state;
    private final SandboxCertificates certificates;
    private final String certificateChainUrl;
    private final Duration initialBackoff;
    private final Function<SandboxState.UserState, String> apiEndpointOf;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "alexa-sandbox-delivery");
        t.setDaemon(true);
        return t;
    });
    private final List<Delivery> deliveries = new ArrayList<>(); // guarded by this
    private int pending; // guarded by this
    /** Per skill, the first attempt of the last request queued: first attempts go out in order. */
    private final java.util.Map<String, CompletableFuture<Void>> tails = new java.util.HashMap<>();

    public Deliverer(
            SandboxState state,
            SandboxCertificates certificates,
            String certificateChainUrl,
            Duration initialBackoff,
            Function<SandboxState.UserState, String> apiEndpointOf) {
        this.state = state;
        this.certificates = certificates;
        this.certificateChainUrl = certificateChainUrl;
        this.initialBackoff = initialBackoff;
        this.apiEndpointOf = apiEndpointOf;
    }

    /**
     * Builds the envelope of a {@code type} request for {@code user} and {@code skill}, with the
     * request fields {@code fields} adds, and delivers it until acknowledged or {@code expiresAfter}.
     */
    public void deliver(
            SandboxSkill skill,
            SandboxState.UserState user,
            String type,
            java.util.function.Consumer<ObjectNode> fields,
            Duration expiresAfter) {
        Instant now = state.now().truncatedTo(ChronoUnit.SECONDS);
        String requestId = "amzn1.echo-api.request.sandbox-" + UUID.randomUUID();
        ObjectNode envelope = Json.mapper().createObjectNode();
        envelope.put("version", "1.0");
        ObjectNode system = envelope.putObject("context").putObject("System");
        system.putObject("application").put("applicationId", skill.applicationId());
        ObjectNode userNode = system.putObject("user");
        userNode.put("userId", user.userId);
        String apiToken =
                state.issue(skill.applicationId(), user.userId, "alexa:api").value();
        synchronized (state) {
            String linked = user.linkedAccounts.get(skill.applicationId());
            if (linked != null) {
                userNode.put("accessToken", linked);
            }
        }
        userNode.putObject("permissions").put("consentToken", apiToken);
        system.put("apiEndpoint", apiEndpointOf.apply(user));
        system.put("apiAccessToken", apiToken);
        ObjectNode request = envelope.putObject("request");
        request.put("type", type);
        request.put("requestId", requestId);
        request.put("timestamp", now.toString());
        request.put("locale", "en-US");
        fields.accept(request);
        byte[] body = Json.write(envelope);
        Delivery delivery = new Delivery(
                skill, user.userId, type, requestId, body, certificates.sign(body), now.plus(expiresAfter));
        synchronized (this) {
            deliveries.add(delivery);
            pending++;
            CompletableFuture<Void> tail =
                    tails.getOrDefault(skill.applicationId(), CompletableFuture.completedFuture(null));
            tails.put(
                    skill.applicationId(), tail.thenComposeAsync(ignored -> attempt(delivery, initialBackoff), timer));
        }
    }

    /** One attempt; the future completes when the skill answered or the exchange failed. */
    private CompletableFuture<Void> attempt(Delivery d, Duration nextWait) {
        Optional<java.net.URI> endpoint =
                state.skillByApplicationId(d.skill.applicationId()).flatMap(SandboxSkill::endpoint);
        if (endpoint.isEmpty()) { // no endpoint set yet: as a failed attempt
            return CompletableFuture.<Void>completedFuture(null).thenRun(() -> afterAttempt(d, nextWait, 0));
        }
        HttpRequest request = HttpRequest.newBuilder(endpoint.get())
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("SignatureCertChainUrl", certificateChainUrl)
                .header("Signature-256", d.signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(d.body))
                .build();
        synchronized (this) {
            d.attempts++;
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
            afterAttempt(d, nextWait, response == null ? 0 : response.statusCode());
            return null;
        });
    }

    /** Records an attempt's outcome and schedules the next one while the request has not expired. */
    private void afterAttempt(Delivery d, Duration nextWait, int status) {
        boolean ok = status / 100 == 2;
        boolean retry;
        synchronized (this) {
            d.lastStatus = status;
            if (ok) {
                d.acknowledged = true;
                done();
                retry = false;
            } else if (!state.now().plus(nextWait).isBefore(d.expiresAt)) {
                d.expired = true;
                done();
                retry = false;
            } else {
                retry = true;
            }
        }
        if (!ok) {
            LOG.log(
                    Level.DEBUG,
                    "Skill did not acknowledge {0} {1} (status {2}); {3}",
                    d.type,
                    d.requestId,
                    status,
                    retry ? "redelivering in " + nextWait.toMillis() + " ms" : "expired");
        }
        if (retry && !timer.isShutdown()) {
            timer.schedule(() -> attempt(d, nextWait.multipliedBy(2)), nextWait.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    // guarded by this
    private void done() {
        pending--;
        notifyAll();
    }

    /** Every request delivered or being delivered, oldest first. */
    public synchronized List<DeliveredRequest> deliveries() {
        List<DeliveredRequest> out = new ArrayList<>();
        for (Delivery d : deliveries) {
            out.add(new DeliveredRequest(
                    d.type,
                    d.requestId,
                    d.userId,
                    new String(d.body, StandardCharsets.UTF_8),
                    d.attempts,
                    d.lastStatus,
                    d.acknowledged,
                    d.expired));
        }
        return out;
    }

    /** Waits until every delivery is acknowledged or expired. */
    public synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private static final class Delivery {
        final SandboxSkill skill;
        final String userId;
        final String type;
        final String requestId;
        final byte[] body;
        final String signature;
        final Instant expiresAt;
        int attempts;
        int lastStatus;
        boolean acknowledged;
        boolean expired;

        Delivery(
                SandboxSkill skill,
                String userId,
                String type,
                String requestId,
                byte[] body,
                String signature,
                Instant expiresAt) {
            this.skill = skill;
            this.userId = userId;
            this.type = type;
            this.requestId = requestId;
            this.body = body;
            this.signature = signature;
            this.expiresAt = expiresAt;
        }
    }
}
