package io.github.skillmessaging.examples.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.github.skillmessaging.AlexaRegion;
import io.github.skillmessaging.testkit.AlexaSandbox;
import io.github.skillmessaging.testkit.DeliveredRequest;
import io.github.skillmessaging.testkit.SandboxSkill;
import io.github.skillmessaging.testkit.SandboxUser;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scale-out figures, not a test: events handled per second by 1, 2 and 4 sync instances (separate
 * JVM processes, {@link ChaosInstance}) on one PostgreSQL, behind the round-robin balancer of
 * {@link CrashChaosTest}, on loopback with the sandbox.
 *
 * <p>The sandbox delivers its own requests to a skill one at a time, and the example provider
 * calls its webhook from one thread: both would measure themselves, not the sync. So here
 * {@value #CLIENTS} client threads deliver the events themselves, concurrently: each makes a real
 * change and sends the event that announces it, signed as Alexa signs (for a change in Alexa: a
 * list event, so the instance reconciles the user's lists; for a change in the provider: its
 * webhook, so the instance queues and sends a skill message). An event counts when the instance
 * acknowledged it (2xx). {@value #USERS} users, {@value #WARM_UP_SECONDS} s warm-up, then
 * {@value #MEASURE_SECONDS} s measured.
 *
 * <pre>
 * eval "$(examples/two-way-sync/scripts/start-postgres)"
 * ./mvnw -q -pl examples/two-way-sync test-compile exec:exec -Dexec.executable=java \
 *     -Dexec.classpathScope=test -Dexec.args="-cp %classpath io.github.skillmessaging.examples.sync.ScaleOutHarness"
 * </pre>
 */
public final class ScaleOutHarness {
    static final int USERS = 40;
    static final int CLIENTS = 16;
    static final int WARM_UP_SECONDS = 3;
    static final int MEASURE_SECONDS = 15;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ScaleOutHarness() {}

    public static void main(String[] args) throws Exception {
        java.util.logging.Logger.getLogger("org.flywaydb").setLevel(java.util.logging.Level.WARNING);
        System.setProperty("sun.net.httpserver.nodelay", "true");
        System.setProperty("sync.instance.jvm", System.getProperty("sync.instance.jvm", "-Xmx256m"));
        if (CrashChaosTest.URL == null) {
            throw new IllegalStateException(
                    "SYNC_TEST_POSTGRES_URL is not set: eval \"$(examples/two-way-sync/scripts/start-postgres)\"");
        }
        List<Integer> counts =
                args.length > 0 ? List.of(args).stream().map(Integer::valueOf).toList() : List.of(1, 2, 4);
        System.out.printf(
                "%d cores, %d users, %d client threads, %d s measured per row%n",
                Runtime.getRuntime().availableProcessors(), USERS, CLIENTS, MEASURE_SECONDS);
        System.out.println("instances | events/s | list events/s | webhooks/s | failed");
        for (int instances : counts) {
            Result r = measure(instances);
            System.out.printf(
                    "%9d | %8.0f | %13.0f | %10.0f | %d%n", instances, r.total(), r.listEvents, r.webhooks, r.failed);
        }
    }

    record Result(double listEvents, double webhooks, long failed) {
        double total() {
            return listEvents + webhooks;
        }
    }

    static Result measure(int count) throws Exception {
        Path data = Files.createTempDirectory("scale-out");
        String schemaUrl = CrashChaosTest.freshSchema();
        new SyncStore(schemaUrl, CrashChaosTest.USER, CrashChaosTest.PASSWORD);
        HttpServer sink = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        sink.createContext("/", ex -> {
            try (ex) {
                ex.getRequestBody().readAllBytes();
                byte[] ok = "{\"version\":\"1.0\",\"response\":{}}".getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(200, ok.length);
                ex.getResponseBody().write(ok);
            }
        });
        sink.start();
        List<CrashChaosTest.Instance> instances = new ArrayList<>();
        try (AlexaSandbox sandbox = AlexaSandbox.builder()
                        .redeliveryBackoff(Duration.ofMillis(100))
                        .start();
                TodoProvider provider = TodoProvider.start(
                        "jdbc:h2:file:" + data.resolve("provider").toAbsolutePath()
                                + ";LOCK_TIMEOUT=60000;DB_CLOSE_DELAY=-1",
                        Trace.NONE);
                CrashChaosTest.Balancer balancer = new CrashChaosTest.Balancer()) {
            SandboxSkill skill = sandbox.setEndpoint(sandbox.registerSkill(), balancer.url("/alexa"));
            provider.webhook(balancer.url("/webhook"));
            Path root = data.resolve("root.pem");
            Files.writeString(
                    root,
                    "-----BEGIN CERTIFICATE-----\n"
                            + Base64.getMimeEncoder()
                                    .encodeToString(
                                            sandbox.certificates().root().getEncoded())
                            + "\n-----END CERTIFICATE-----\n");
            List<String> instanceArgs = List.of(
                    schemaUrl,
                    CrashChaosTest.USER,
                    CrashChaosTest.PASSWORD,
                    provider.baseUrl().toString(),
                    sandbox.lwaBaseAddress(),
                    skill.clientId(),
                    skill.clientSecret(),
                    skill.applicationId(),
                    root.toString(),
                    "30000");
            CrashChaosTest.Stats stats = new CrashChaosTest.Stats();
            for (int i = 0; i < count; i++) {
                instances.add(new CrashChaosTest.Instance(
                        i, instanceArgs, data.resolve("instance-" + i + ".log"), balancer, stats));
            }
            instances.forEach(CrashChaosTest.Instance::start);
            instances.forEach(CrashChaosTest.Instance::awaitReady);

            // Users linked through the instances; one list event each, kept as the template of theirs.
            List<SandboxUser> users = new ArrayList<>();
            for (int u = 0; u < USERS; u++) {
                SandboxUser user = sandbox.createUser(AlexaRegion.EUROPE);
                user.enableSkill(skill)
                        .linkAccount(skill, CrashChaosTest.account(u))
                        .grantListPermissions(skill);
                user.addItem(user.shoppingListId(), "first " + u);
                users.add(user);
            }
            sandbox.awaitIdle(Duration.ofSeconds(60));
            Map<String, String> templates = new ConcurrentHashMap<>();
            for (DeliveredRequest d : sandbox.deliveredRequests()) {
                if (d.type().startsWith("AlexaHouseholdListEvent.")) {
                    templates.put(
                            JSON.readTree(d.body())
                                    .path("context")
                                    .path("System")
                                    .path("user")
                                    .path("userId")
                                    .asText(),
                            d.body());
                }
            }
            // From now on the sandbox's own deliveries go to a sink: the clients deliver the events.
            sandbox.setEndpoint(
                    skill, URI.create("http://127.0.0.1:" + sink.getAddress().getPort() + "/alexa"));
            provider.webhook(null);

            HttpClient http = HttpClient.newHttpClient();
            AtomicBoolean measuring = new AtomicBoolean();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong listEvents = new AtomicLong();
            AtomicLong webhooks = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            CountDownLatch done = new CountDownLatch(CLIENTS);
            for (int t = 0; t < CLIENTS; t++) {
                Thread client = new Thread(
                        () -> {
                            try {
                                while (!stop.get()) {
                                    ThreadLocalRandom random = ThreadLocalRandom.current();
                                    int u = random.nextInt(USERS);
                                    SandboxUser user = users.get(u);
                                    boolean alexaSide = random.nextBoolean();
                                    HttpRequest request;
                                    if (alexaSide) {
                                        user.addItem(user.shoppingListId(), "a-" + UUID.randomUUID());
                                        request = signed(
                                                sandbox,
                                                balancer.url("/alexa"),
                                                recrafted(templates.get(user.userId())));
                                    } else {
                                        ProviderItem item = provider.create(
                                                CrashChaosTest.account(u), "p-" + UUID.randomUUID(), false);
                                        byte[] body = JSON.writeValueAsBytes(JSON.createObjectNode()
                                                .put("account", CrashChaosTest.account(u))
                                                .put("itemId", item.id())
                                                .put("version", item.version())
                                                .put("change", "created"));
                                        request = HttpRequest.newBuilder(balancer.url("/webhook"))
                                                .header("Content-Type", "application/json")
                                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                                .build();
                                    }
                                    int status = http.send(request, HttpResponse.BodyHandlers.discarding())
                                            .statusCode();
                                    if (measuring.get()) {
                                        if (status / 100 != 2) {
                                            failed.incrementAndGet();
                                        } else if (alexaSide) {
                                            listEvents.incrementAndGet();
                                        } else {
                                            webhooks.incrementAndGet();
                                        }
                                    }
                                }
                            } catch (Exception e) {
                                System.err.println("client failed: " + e);
                            } finally {
                                done.countDown();
                            }
                        },
                        "scale-out-client-" + t);
                client.setDaemon(true);
                client.start();
            }
            Thread.sleep(WARM_UP_SECONDS * 1000L);
            measuring.set(true);
            long started = System.nanoTime();
            Thread.sleep(MEASURE_SECONDS * 1000L);
            measuring.set(false);
            double seconds = (System.nanoTime() - started) / 1e9;
            stop.set(true);
            done.await();
            return new Result(listEvents.get() / seconds, webhooks.get() / seconds, failed.get());
        } finally {
            instances.forEach(CrashChaosTest.Instance::stop);
            sink.stop(0);
        }
    }

    /** The list event again, with a new request id and the current time. */
    private static String recrafted(String template) throws java.io.IOException {
        ObjectNode envelope = (ObjectNode) JSON.readTree(template);
        ObjectNode request = (ObjectNode) envelope.get("request");
        request.put("requestId", "amzn1.echo-api.request.load-" + UUID.randomUUID());
        request.put("timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        return JSON.writeValueAsString(envelope);
    }

    private static HttpRequest signed(AlexaSandbox sandbox, URI target, String body) {
        return PostgresSyncTest.signed(sandbox, target, body);
    }
}
