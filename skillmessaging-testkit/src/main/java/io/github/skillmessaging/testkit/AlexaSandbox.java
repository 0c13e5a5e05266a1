package io.github.skillmessaging.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.skillmessaging.AlexaRegion;
import io.github.skillmessaging.Message;
import io.github.skillmessaging.internal.Json;
import io.github.skillmessaging.testkit.internal.Deliverer;
import io.github.skillmessaging.testkit.internal.Exchange;
import io.github.skillmessaging.testkit.internal.Http;
import io.github.skillmessaging.testkit.internal.ListsApi;
import io.github.skillmessaging.testkit.internal.LoopbackServer;
import io.github.skillmessaging.testkit.internal.SandboxState;
import io.github.skillmessaging.verify.CertificateUrlPolicy;
import io.github.skillmessaging.verify.RequestVerifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.TrustAnchor;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A local Alexa for tests and demos: Login-With-Amazon, the Skill Messaging API and the List
 * Management API of each region, in-process on loopback ports, and a simulated user whose actions
 * reach your skill as signed requests.
 *
 * <pre>{@code
 * try (AlexaSandbox sandbox = AlexaSandbox.start()) {
 *     SandboxSkill skill = sandbox.registerSkill(URI.create("http://127.0.0.1:8080/alexa"));
 *     SandboxUser user = sandbox.createUser(AlexaRegion.EUROPE);
 *     user.enableSkill(skill);
 *     SkillMessaging messaging = SkillMessaging.builder().clientId(skill.clientId())
 *             .clientSecret(skill.clientSecret()).tokenBaseAddress(sandbox.lwaBaseAddress()).build();
 *     messaging.send(user.userId(), user.apiEndpoint(), new Message(Map.of("k", "v")));
 *     sandbox.awaitIdle(Duration.ofSeconds(5));   // the skill got Messaging.MessageReceived
 * }
 * }</pre>
 *
 * <p>What it checks is what Amazon documents: client credentials and scope at the token endpoint;
 * bearer token, 6 KB, expiry range and a user who enabled the skill at the Skill Messaging API
 * (each region knows only its own users); granted list permissions, versions (409) and archived
 * lists at the List Management API. Accepted messages are delivered to the skill as
 * {@code Messaging.MessageReceived}, signed with the sandbox's certificate chain, and sent again
 * (same body and timestamp, waits doubling from {@link Builder#redeliveryBackoff}) until the skill
 * answers 2xx or the message expires. Every list change, the user's or a skill's, is announced to
 * the user's skills as an {@code AlexaHouseholdListEvent}, as Alexa does. Thread-safe.
 */
public final class AlexaSandbox implements AutoCloseable {
    /** Where the sandbox serves its signing chain, below the LWA server. */
    public static final String CERTIFICATE_CHAIN_PATH = "/echo.api/sandbox-chain.pem";

    private final SandboxState state;
    private final SandboxCertificates certificates;
    private final Faults faults = new Faults();
    private final LoopbackServer lwaServer;
    private final Map<AlexaRegion, LoopbackServer> regionServers = new EnumMap<>(AlexaRegion.class);
    private final ExecutorService executor;
    private final Deliverer deliverer;
    private final ListsApi lists;

    private AlexaSandbox(Builder b) throws IOException {
        this.state = new SandboxState(b.clock, b.tokenLifetime);
        this.certificates = SandboxCertificates.create(SandboxCertificates.Options.forTime(b.clock.instant()));
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "alexa-sandbox-http");
            t.setDaemon(true);
            return t;
        });
        InetAddress loopback = InetAddress.getLoopbackAddress();
        this.lwaServer = LoopbackServer.create(loopback);
        for (AlexaRegion region : AlexaRegion.values()) {
            regionServers.put(region, LoopbackServer.create(loopback));
        }
        this.deliverer = new Deliverer(
                state, certificates, certificateChainUrl(), b.redeliveryBackoff, user -> apiEndpoint(user.region));
        this.lists = new ListsApi(state, b.listPageSize, this::listEvent);

        lwaServer.createContext("/auth/o2/token", ex -> guarded(ex, SandboxApi.TOKEN, this::token));
        lwaServer.createContext(CERTIFICATE_CHAIN_PATH, this::chain);
        regionServers.forEach((region, server) -> {
            server.createContext(
                    "/v1/skillmessages/users/", ex -> guarded(ex, SandboxApi.MESSAGING, e -> message(e, region)));
            server.createContext(
                    "/v2/householdlists", ex -> guarded(ex, SandboxApi.LISTS, e -> lists.handle(e, region)));
        });
        lwaServer.start(executor);
        regionServers.values().forEach(s -> s.start(executor));
    }

    /** A sandbox with the defaults, started. */
    public static AlexaSandbox start() {
        return builder().start();
    }

    /** A builder for clock, token lifetime, redelivery backoff and list page size. */
    public static Builder builder() {
        return new Builder();
    }

    // ---- where things are ----

    /** Login-With-Amazon's base address in the sandbox: give it to {@code tokenBaseAddress(...)}. */
    public String lwaBaseAddress() {
        return "http://127.0.0.1:" + lwaServer.getAddress().getPort();
    }

    /** The API endpoint of {@code region} in the sandbox (as {@code context.System.apiEndpoint} carries it). */
    public String apiEndpoint(AlexaRegion region) {
        return "http://127.0.0.1:" + regionServers.get(region).getAddress().getPort();
    }

    /** The sandbox's signing chain, made when it started. */
    public SandboxCertificates certificates() {
        return certificates;
    }

    /** The root the sandbox's requests chain to. */
    public Set<TrustAnchor> trustAnchors() {
        return certificates.trustAnchors();
    }

    /**
     * Where the sandbox serves its signing chain: the {@code SignatureCertChainUrl} of every
     * request it signs, for a test that signs or sends such a request itself.
     */
    public String certificateChainUrl() {
        return lwaBaseAddress() + CERTIFICATE_CHAIN_PATH;
    }

    /**
     * A {@link RequestVerifier} that accepts the sandbox's signed requests: its trust anchors, the
     * loopback certificate-URL policy, and the sandbox's clock (so that requests timestamped on a
     * test clock verify on it). Every other check is the production one. Test use only.
     */
    public RequestVerifier.Builder requestVerifier() {
        return RequestVerifier.builder()
                .trustAnchors(trustAnchors())
                .certificateUrlPolicy(CertificateUrlPolicy.loopbackForTesting())
                .clock(state.clock);
    }

    // ---- setting up ----

    /** Registers a skill whose requests go to {@code endpoint}; credentials are made for it. */
    public SandboxSkill registerSkill(URI endpoint) {
        return state.registerSkill(Optional.of(Objects.requireNonNull(endpoint, "endpoint")));
    }

    /**
     * Registers a skill without an endpoint yet, as creating a skill in the developer console
     * gives its id and credentials first; set it with {@link #setEndpoint}. Requests for the skill
     * count as unacknowledged until then.
     */
    public SandboxSkill registerSkill() {
        return state.registerSkill(Optional.empty());
    }

    /** Sends {@code skill}'s requests to {@code endpoint} from now on; returns the updated skill. */
    public SandboxSkill setEndpoint(SandboxSkill skill, URI endpoint) {
        return state.setEndpoint(Objects.requireNonNull(skill, "skill"), Objects.requireNonNull(endpoint, "endpoint"));
    }

    /** A new user in {@code region} with empty default shopping and to-do lists. */
    public SandboxUser createUser(AlexaRegion region) {
        return new SandboxUser(this, state, state.createUser(Objects.requireNonNull(region, "region")), lists);
    }

    /** Fault injection for the sandbox's APIs. */
    public Faults faults() {
        return faults;
    }

    // ---- inspection ----

    /** Every message the Skill Messaging API accepted, oldest first. */
    public List<ReceivedMessage> receivedMessages() {
        synchronized (state) {
            return List.copyOf(state.messages);
        }
    }

    /** Every request sent to skills (messages, list events, skill events), oldest first. */
    public List<DeliveredRequest> deliveredRequests() {
        return deliverer.deliveries();
    }

    /**
     * Waits until every request sent to a skill has been acknowledged or has expired.
     *
     * @return false when {@code timeout} passed first
     */
    public boolean awaitIdle(Duration timeout) {
        try {
            return deliverer.awaitIdle(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops the servers and deliveries. */
    @Override
    public void close() {
        deliverer.close();
        lwaServer.stop();
        regionServers.values().forEach(LoopbackServer::stop);
        executor.shutdownNow();
    }

    // ---- handlers ----

    private interface Handler {
        void handle(Exchange exchange) throws IOException;
    }

    private void guarded(Exchange exchange, SandboxApi api, Handler handler) throws IOException {
        try {
            Optional<Faults.Fault> fault = faults.take(api);
            if (fault.isPresent()) {
                Faults.Fault f = fault.get();
                switch (f.kind()) {
                    case RESET:
                        exchange.close(); // no status line: the client sees the connection end
                        return;
                    case DELAY:
                        sleep(f.duration());
                        break;
                    case STATUS:
                        if (f.duration() != null) {
                            exchange.getResponseHeaders()
                                    .set(
                                            "Retry-After",
                                            String.valueOf(
                                                    Math.max(0, f.duration().toSeconds())));
                        }
                        Http.error(exchange, f.status(), "INJECTED_FAULT", "Fault injected by the sandbox");
                        return;
                    default:
                        break;
                }
            }
            handler.handle(exchange);
        } catch (RuntimeException e) {
            Http.error(exchange, 500, "INTERNAL_ERROR", "Sandbox error: " + e);
        } finally {
            exchange.close();
        }
    }

    private void token(Exchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            oauthError(exchange, 405, "invalid_request", "Use POST");
            return;
        }
        Map<String, String> form = Http.form(Http.body(exchange));
        if (!"client_credentials".equals(form.get("grant_type"))) {
            oauthError(exchange, 400, "unsupported_grant_type", "Only client_credentials is supported");
            return;
        }
        SandboxSkill skill;
        synchronized (state) {
            skill = state.skillsByClientId.get(form.getOrDefault("client_id", ""));
        }
        if (skill == null || !skill.clientSecret().equals(form.get("client_secret"))) {
            oauthError(exchange, 401, "invalid_client", "Client authentication failed");
            return;
        }
        String scope = form.getOrDefault("scope", "");
        if (!Set.of("alexa:skill_messaging", "alexa::proactive_events").contains(scope)) {
            oauthError(exchange, 400, "invalid_scope", "The requested scope is invalid or not allowed");
            return;
        }
        SandboxState.Token token = state.issue(skill.applicationId(), null, scope);
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("access_token", token.value());
        body.put("token_type", "bearer");
        body.put("expires_in", state.tokenLifetime.toSeconds());
        body.put("scope", scope);
        Http.json(exchange, 200, body);
    }

    private static void oauthError(Exchange exchange, int status, String error, String description) throws IOException {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("error", error);
        body.put("error_description", description);
        Http.json(exchange, status, body);
    }

    private void message(Exchange exchange, AlexaRegion region) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            messagingError(exchange, 405, "Use POST");
            return;
        }
        String rawUser = exchange.getRequestURI().getRawPath().substring("/v1/skillmessages/users/".length());
        String userId = java.net.URLDecoder.decode(rawUser.replace("+", "%2B"), StandardCharsets.UTF_8);
        Optional<SandboxState.Token> token = state.validToken(Http.bearer(exchange))
                .filter(t -> t.userId() == null && t.scope().equals("alexa:skill_messaging"));
        if (token.isEmpty()) {
            messagingError(exchange, 403, "Access token is expired or invalid");
            return;
        }
        JsonNode body = Json.readTreeOrNull(Http.body(exchange));
        if (body == null || !body.isObject() || !body.path("data").isObject()) {
            messagingError(exchange, 400, "The data field is missing or is not an object");
            return;
        }
        Map<String, String> data = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : body.get("data").properties()) {
            data.put(
                    e.getKey(),
                    e.getValue().isTextual()
                            ? e.getValue().asText()
                            : e.getValue().toString());
        }
        if (Json.write(body.get("data")).length > Message.MAX_DATA_BYTES) {
            messagingError(exchange, 400, "The data field is larger than 6 KB");
            return;
        }
        JsonNode expiresNode = body.get("expiresAfterSeconds");
        int expires = expiresNode == null ? Message.DEFAULT_EXPIRY_SECONDS : expiresNode.asInt(-1);
        if ((expiresNode != null && !expiresNode.canConvertToInt())
                || expires < Message.MIN_EXPIRY_SECONDS
                || expires > Message.MAX_EXPIRY_SECONDS) {
            messagingError(exchange, 400, "expiresAfterSeconds must be between 60 and 86400");
            return;
        }
        SandboxState.UserState user;
        SandboxSkill skill;
        String messageId = "amzn1.sandbox.message." + UUID.randomUUID();
        synchronized (state) {
            user = state.users.get(userId);
            skill = state.skillByApplicationId(token.get().applicationId()).orElse(null);
            if (user == null
                    || user.region != region
                    || skill == null
                    || !user.enabledSkills.containsKey(skill.applicationId())) {
                messagingError(exchange, 404, "The user does not exist or has not enabled the skill");
                return;
            }
            state.messages.add(new ReceivedMessage(messageId, userId, data, expires, state.now()));
        }
        // Queued before the 202 goes out, so that awaitIdle() after a send always covers it.
        JsonNode messageData = body.get("data").deepCopy();
        deliverer.deliver(
                skill,
                user,
                "Messaging.MessageReceived",
                request -> request.set("message", messageData),
                Duration.ofSeconds(expires));
        exchange.getResponseHeaders().set("X-Amzn-RequestId", messageId);
        exchange.sendResponseHeaders(202, -1);
        exchange.close();
    }

    private static void messagingError(Exchange exchange, int status, String message) throws IOException {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("code", status);
        body.put("message", message);
        Http.json(exchange, status, body);
    }

    private void chain(Exchange exchange) throws IOException {
        byte[] pem = certificates.pemChain().getBytes(StandardCharsets.US_ASCII);
        exchange.getResponseHeaders().set("Content-Type", "application/x-pem-file");
        exchange.sendResponseHeaders(200, pem.length);
        exchange.getResponseBody().write(pem);
        exchange.close();
    }

    // ---- events ----

    /** Sends a skill event of {@code type} to {@code skill} about {@code user}. */
    void skillEvent(SandboxSkill skill, SandboxState.UserState user, String type, Consumer<ObjectNode> body) {
        String now =
                state.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        deliverer.deliver(
                skill,
                user,
                type,
                request -> {
                    request.put("eventCreationTime", now);
                    request.put("eventPublishingTime", now);
                    if (body != null) {
                        body.accept(request.putObject("body"));
                    }
                },
                SandboxUser.eventExpiry());
    }

    private void listEvent(SandboxState.UserState user, String type, ObjectNode body) {
        List<SandboxSkill> readers = new ArrayList<>();
        synchronized (state) {
            user.enabledSkills.forEach((applicationId, granted) -> {
                if (granted.contains(SandboxState.LIST_READ)) {
                    state.skillByApplicationId(applicationId).ifPresent(readers::add);
                }
            });
        }
        String now =
                state.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        for (SandboxSkill skill : readers) {
            deliverer.deliver(
                    skill,
                    user,
                    type,
                    request -> {
                        request.put("eventCreationTime", now);
                        request.put("eventPublishingTime", now);
                        request.set("body", body.deepCopy());
                    },
                    SandboxUser.eventExpiry());
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Builds an {@link AlexaSandbox}. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private Duration tokenLifetime = Duration.ofHours(1);
        private Duration redeliveryBackoff = Duration.ofSeconds(30);
        private int listPageSize = 100;

        private Builder() {}

        /** The sandbox's clock: token expiry, request timestamps, message expiry. System clock by default. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How long tokens live; one hour by default, as at Amazon. */
        public Builder tokenLifetime(Duration tokenLifetime) {
            this.tokenLifetime = Objects.requireNonNull(tokenLifetime, "tokenLifetime");
            return this;
        }

        /**
         * The wait before the first redelivery of an unacknowledged request, doubling after each;
         * 30 s by default, as at Amazon. Tests use a few milliseconds.
         */
        public Builder redeliveryBackoff(Duration redeliveryBackoff) {
            if (redeliveryBackoff.isNegative() || redeliveryBackoff.isZero()) {
                throw new IllegalArgumentException("redeliveryBackoff must be positive");
            }
            this.redeliveryBackoff = redeliveryBackoff;
            return this;
        }

        /** Items per page of the List Management API; 100 by default. */
        public Builder listPageSize(int listPageSize) {
            if (listPageSize < 1) {
                throw new IllegalArgumentException("listPageSize must be at least 1");
            }
            this.listPageSize = listPageSize;
            return this;
        }

        /** Starts the sandbox on free loopback ports. */
        public AlexaSandbox start() {
            try {
                return new AlexaSandbox(this);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the Alexa sandbox", e);
            }
        }
    }
}
