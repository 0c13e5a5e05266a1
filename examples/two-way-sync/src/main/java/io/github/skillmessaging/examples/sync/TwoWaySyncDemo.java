package io.github.skillmessaging.examples.sync;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The scripted two-way sync demo, on the local Alexa sandbox: no Amazon account needed.
 *
 * <pre>./mvnw -q -Pdemo -DskipTests -pl examples/two-way-sync -am verify</pre>
 *
 * Sync state goes to an embedded H2 file by default; set {@code SYNC_JDBC_URL} (with
 * {@code SYNC_JDBC_USER}, {@code SYNC_JDBC_PASSWORD}) to use PostgreSQL. Exits with status 1 if the
 * two lists differ at the end.
 */
public final class TwoWaySyncDemo {
    /** Held so the level sticks (java.util.logging keeps loggers weakly): Flyway's INFO lines off. */
    private static final java.util.logging.Logger FLYWAY_LOG = java.util.logging.Logger.getLogger("org.flywaydb");

    private TwoWaySyncDemo() {}

    public static void main(String[] args) throws Exception {
        // Before any JDK HttpServer exists: answer small requests at once instead of after a delayed ACK.
        System.setProperty("sun.net.httpserver.nodelay", System.getProperty("sun.net.httpserver.nodelay", "true"));
        FLYWAY_LOG.setLevel(java.util.logging.Level.WARNING);
        if (List.of(args).contains("--real")) {
            runAgainstAmazon();
            return;
        }
        Path data = Files.createTempDirectory("two-way-sync-demo");
        Trace trace = line -> System.out.println("      " + line);
        boolean equal;
        try (TwoWaySync demo = TwoWaySync.start(
                data,
                System.getenv("SYNC_JDBC_URL"),
                env("SYNC_JDBC_USER"),
                env("SYNC_JDBC_PASSWORD"),
                trace,
                SyncService.Options.DEFAULTS.withStatusPage(
                        new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0)))) {
            System.out.println("Two-way sync demo: an Alexa shopping list <-> a third-party to-do service");
            System.out.println("(local Alexa sandbox; sync state in "
                    + (System.getenv("SYNC_JDBC_URL") == null
                            ? "an embedded H2 file under " + data
                            : System.getenv("SYNC_JDBC_URL"))
                    + ")");

            step(1, "The user enables the skill, links the provider account and grants list access");
            demo.linkUser();

            step(2, "In Alexa: the user adds 'milk'");
            demo.user.addItem(demo.user.shoppingListId(), "milk");
            settle(demo);

            step(3, "In the provider's app: the user adds 'eggs'");
            demo.provider.create(TwoWaySync.ACCOUNT, "eggs", false);
            settle(demo);

            step(4, "In Alexa: the user completes 'eggs'");
            demo.user.completeItem(demo.user.shoppingListId(), demo.alexaItemId("eggs"));
            settle(demo);

            step(5, "In the provider's app: the user deletes 'milk'");
            demo.provider.delete(TwoWaySync.ACCOUNT, demo.providerItem("milk").id());
            settle(demo);

            step(
                    6,
                    "Both at once: Alexa adds 'bread' and renames 'eggs', the provider adds 'coffee' and renames 'eggs'");
            ProviderItem eggs = demo.providerItem("eggs"); // what the provider's app shows before the edits
            demo.user.addItem(demo.user.shoppingListId(), "bread");
            demo.user.renameItem(demo.user.shoppingListId(), demo.alexaItemId("eggs"), "brown eggs");
            demo.provider.create(TwoWaySync.ACCOUNT, "coffee", false);
            demo.provider.edit(TwoWaySync.ACCOUNT, eggs.id(), "free-range eggs", eggs.completed());
            settle(demo);

            System.out.println();
            System.out.println("Result (" + demo.store.sentMessages() + " skill messages, "
                    + demo.sandbox.deliveredRequests().size() + " requests to the skill):");
            equal = printSideBySide(demo.alexaList(), demo.providerList());

            java.net.URI status = demo.sync.statusPage().orElseThrow().resolve("/status");
            System.out.println();
            System.out.println("The sync service's status page (GET " + status + "):");
            String page = java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(status).build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString())
                    .body();
            page.lines().forEach(line -> System.out.println("   " + line));
        }
        System.out.println(equal ? "Both lists are equal." : "The lists DIFFER.");
        if (!equal) {
            System.exit(1);
        }
    }

    private static void step(int n, String what) {
        System.out.println();
        System.out.println("Step " + n + ": " + what);
    }

    private static void settle(TwoWaySync demo) throws SQLException {
        demo.quiesce();
        System.out.println("   -> Alexa: " + demo.alexaList() + "   provider: " + demo.providerList());
    }

    private static boolean printSideBySide(List<String> alexa, List<String> provider) {
        System.out.printf("   %-24s | %s%n", "Alexa shopping list", "provider to-do list");
        System.out.printf("   %-24s-+-%s%n", "-".repeat(24), "-".repeat(24));
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < Math.max(alexa.size(), provider.size()); i++) {
            rows.add(String.format(
                    "   %-24s | %s", i < alexa.size() ? alexa.get(i) : "", i < provider.size() ? provider.get(i) : ""));
        }
        rows.forEach(System.out::println);
        return alexa.equals(provider);
    }

    /**
     * {@code --real}: serves the skill endpoint and the provider webhook for the real Alexa, with
     * Amazon's request verification and your skill's credentials. Needs {@code SKILL_ID},
     * {@code SKILL_CLIENT_ID}, {@code SKILL_CLIENT_SECRET}; optional {@code SYNC_JDBC_URL} (+ user,
     * password), {@code SYNC_PORT} (8080), {@code SYNC_STATUS_PORT} (8081, loopback only), {@code PROVIDER_URL} (a provider of the
     * {@link TodoProvider} API; else one is started locally). Put HTTPS in front of the port and
     * set the skill's endpoint to {@code https://<host>/alexa}. Not tested here: no network to Amazon.
     */
    private static void runAgainstAmazon() throws Exception {
        String skillId = required("SKILL_ID");
        Path data = Files.createTempDirectory("two-way-sync");
        String url = System.getenv()
                .getOrDefault("SYNC_JDBC_URL", "jdbc:h2:file:" + data.resolve("sync") + ";LOCK_TIMEOUT=60000");
        SyncStore store = new SyncStore(url, env("SYNC_JDBC_USER"), env("SYNC_JDBC_PASSWORD"));
        Trace trace = System.out::println;
        TodoProvider localProvider = System.getenv("PROVIDER_URL") == null
                ? TodoProvider.start("jdbc:h2:file:" + data.resolve("provider"), trace)
                : null;
        java.net.URI providerUrl =
                localProvider != null ? localProvider.baseUrl() : java.net.URI.create(System.getenv("PROVIDER_URL"));
        io.github.skillmessaging.SkillMessaging messaging = io.github.skillmessaging.SkillMessaging.builder()
                .clientId(required("SKILL_CLIENT_ID"))
                .clientSecret(required("SKILL_CLIENT_SECRET"))
                .build();
        io.github.skillmessaging.verify.RequestVerifier verifier =
                io.github.skillmessaging.verify.RequestVerifier.builder()
                        .allowedApplicationIds(skillId)
                        .build();
        int port = Integer.parseInt(System.getenv().getOrDefault("SYNC_PORT", "8080"));
        int statusPort = Integer.parseInt(System.getenv().getOrDefault("SYNC_STATUS_PORT", "8081"));
        SyncService sync = new SyncService(
                store,
                new ProviderClient(providerUrl),
                verifier,
                messaging,
                trace,
                new java.net.InetSocketAddress(port),
                SyncService.Options.DEFAULTS.withStatusPage(
                        new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), statusPort)));
        if (localProvider != null) {
            localProvider.webhook(sync.webhookUrl());
        }
        System.out.println(
                "Skill endpoint on port " + port + " at /alexa, provider webhook at /webhook; health and status "
                        + "on 127.0.0.1:" + statusPort + " at /health and /status; Ctrl-C stops.");
        Thread.currentThread().join();
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("--real needs the environment variable " + name);
        }
        return value;
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null ? "" : value;
    }
}
