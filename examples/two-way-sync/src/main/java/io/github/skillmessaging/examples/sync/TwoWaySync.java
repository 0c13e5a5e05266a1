package io.github.skillmessaging.examples.sync;

import io.github.skillmessaging.AlexaRegion;
import io.github.skillmessaging.SkillMessaging;
import io.github.skillmessaging.testkit.AlexaSandbox;
import io.github.skillmessaging.testkit.SandboxItem;
import io.github.skillmessaging.testkit.SandboxSkill;
import io.github.skillmessaging.testkit.SandboxUser;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * The whole two-way sync wired on the local Alexa sandbox: provider, sync service, skill, user.
 * The demo and the tests drive it; {@link #quiesce()} waits until nothing is in flight.
 */
public final class TwoWaySync implements AutoCloseable {
    /** The provider account the demo user links. */
    public static final String ACCOUNT = "alex";

    public final AlexaSandbox sandbox;
    public final TodoProvider provider;
    public final SyncStore store;
    public final SyncService sync;
    public final SkillMessaging messaging;
    public final SandboxSkill skill;
    public final SandboxUser user;

    private TwoWaySync(
            AlexaSandbox sandbox,
            TodoProvider provider,
            SyncStore store,
            SyncService sync,
            SkillMessaging messaging,
            SandboxSkill skill,
            SandboxUser user) {
        this.sandbox = sandbox;
        this.provider = provider;
        this.store = store;
        this.sync = sync;
        this.messaging = messaging;
        this.skill = skill;
        this.user = user;
    }

    /**
     * Starts everything: provider data in an H2 file under {@code dataDir}, sync state at
     * {@code syncJdbcUrl} (an H2 file under {@code dataDir} when {@code null}).
     */
    public static TwoWaySync start(Path dataDir, String syncJdbcUrl, String dbUser, String dbPassword, Trace trace) {
        return start(dataDir, syncJdbcUrl, dbUser, dbPassword, trace, SyncService.Options.DEFAULTS);
    }

    /** The same, the sync service tuned by {@code options}. */
    public static TwoWaySync start(
            Path dataDir,
            String syncJdbcUrl,
            String dbUser,
            String dbPassword,
            Trace trace,
            SyncService.Options options) {
        AlexaSandbox sandbox =
                AlexaSandbox.builder().redeliveryBackoff(Duration.ofMillis(100)).start();
        String h2Options = ";LOCK_TIMEOUT=60000;DB_CLOSE_DELAY=-1";
        TodoProvider provider =
                TodoProvider.start("jdbc:h2:file:" + dataDir.resolve("provider").toAbsolutePath() + h2Options, trace);
        String url = syncJdbcUrl != null
                ? syncJdbcUrl
                : "jdbc:h2:file:" + dataDir.resolve("sync").toAbsolutePath() + h2Options;
        SyncStore store = new SyncStore(url, dbUser, dbPassword);
        // As in the developer console: create the skill (id, credentials), then set its endpoint.
        SandboxSkill registered = sandbox.registerSkill();
        SyncService sync = new SyncService(
                store,
                new ProviderClient(provider.baseUrl()),
                sandbox.requestVerifier()
                        .allowedApplicationIds(registered.applicationId())
                        .build(),
                messagingFor(sandbox, registered),
                trace,
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0),
                options);
        SandboxSkill skill = sandbox.setEndpoint(registered, sync.skillEndpoint());
        provider.webhook(sync.webhookUrl());
        SandboxUser user = sandbox.createUser(AlexaRegion.EUROPE);
        return new TwoWaySync(sandbox, provider, store, sync, messagingFor(sandbox, skill), skill, user);
    }

    private static SkillMessaging messagingFor(AlexaSandbox sandbox, SandboxSkill skill) {
        return SkillMessaging.builder()
                .clientId(skill.clientId())
                .clientSecret(skill.clientSecret())
                .tokenBaseAddress(sandbox.lwaBaseAddress())
                .build();
    }

    /** Enables the skill, links the provider account and grants list access, as the user would. */
    public void linkUser() {
        user.enableSkill(skill).linkAccount(skill, ACCOUNT).grantListPermissions(skill);
        quiesce();
    }

    /** Waits until the sandbox, the provider's webhooks and the outbox are all idle. */
    public void quiesce() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int quietRounds = 0;
        while (quietRounds < 2) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the sync did not settle within 60 s");
            }
            boolean idle = sandbox.awaitIdle(Duration.ofSeconds(5))
                    && provider.pendingWebhooks() == 0
                    && store.pendingMessages() == 0;
            quietRounds = idle ? quietRounds + 1 : 0;
            sleep(idle ? 50 : 20);
        }
    }

    /** The Alexa shopping list, as {@code value} or {@code value ✓}, sorted. */
    public List<String> alexaList() {
        return user.items(user.shoppingListId()).stream()
                .map(i -> i.value() + (i.isCompleted() ? " ✓" : ""))
                .sorted()
                .toList();
    }

    /** The provider account's items, as {@code value} or {@code value ✓}, sorted. */
    public List<String> providerList() {
        try {
            return provider.items(ACCOUNT).stream()
                    .map(i -> i.value() + (i.completed() ? " ✓" : ""))
                    .sorted(Comparator.naturalOrder())
                    .toList();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The id of the Alexa item with {@code value}. */
    public String alexaItemId(String value) {
        return user.items(user.shoppingListId()).stream()
                .filter(i -> i.value().equals(value))
                .map(SandboxItem::id)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no Alexa item '" + value + "'"));
    }

    /** The provider item with {@code value}. */
    public ProviderItem providerItem(String value) {
        try {
            return provider.items(ACCOUNT).stream()
                    .filter(i -> i.value().equals(value))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no provider item '" + value + "'"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        sync.close();
        provider.close();
        sandbox.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }
}
