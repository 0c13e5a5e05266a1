package io.github.skillmessaging.examples.azure;

import io.github.skillmessaging.SkillMessaging;
import io.github.skillmessaging.examples.sync.OutboxWorker;
import io.github.skillmessaging.examples.sync.ProviderClient;
import io.github.skillmessaging.examples.sync.ProviderWebhook;
import io.github.skillmessaging.examples.sync.SkillEndpoint;
import io.github.skillmessaging.examples.sync.SyncStore;
import io.github.skillmessaging.examples.sync.Trace;
import io.github.skillmessaging.verify.RequestVerifier;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The two-way sync's three handlers, built once per Functions host instance. Many instances run at
 * once on Azure: everything they share (locks, processed request ids, the outbox) is in the
 * PostgreSQL database of {@code SYNC_JDBC_URL}.
 *
 * @param skill the skill endpoint
 * @param webhook the provider's webhook
 * @param outbox the skill-message sender
 */
public record SyncComponents(SkillEndpoint skill, ProviderWebhook webhook, OutboxWorker outbox) {

    /**
     * From the Function App's settings: {@code SKILL_ID}, {@code SKILL_CLIENT_ID},
     * {@code SKILL_CLIENT_SECRET}, {@code SYNC_JDBC_URL}, {@code SYNC_JDBC_USER},
     * {@code SYNC_JDBC_PASSWORD}, {@code PROVIDER_URL}. Production settings: Amazon's request
     * verification (allow-listing the skill id) and Login-With-Amazon.
     *
     * @throws IllegalStateException naming every missing setting
     */
    public static SyncComponents fromSettings(Map<String, String> settings, Trace trace) {
        List<String> missing = new ArrayList<>();
        for (String name :
                List.of("SKILL_ID", "SKILL_CLIENT_ID", "SKILL_CLIENT_SECRET", "SYNC_JDBC_URL", "PROVIDER_URL")) {
            if (settings.getOrDefault(name, "").isBlank()) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Missing Function App settings: " + String.join(", ", missing));
        }
        RequestVerifier verifier = RequestVerifier.builder()
                .allowedApplicationIds(settings.get("SKILL_ID"))
                .build();
        SkillMessaging messaging = SkillMessaging.builder()
                .clientId(settings.get("SKILL_CLIENT_ID"))
                .clientSecret(settings.get("SKILL_CLIENT_SECRET"))
                .build();
        SyncStore store = new SyncStore(
                settings.get("SYNC_JDBC_URL"),
                settings.getOrDefault("SYNC_JDBC_USER", ""),
                settings.getOrDefault("SYNC_JDBC_PASSWORD", ""));
        return of(store, new ProviderClient(URI.create(settings.get("PROVIDER_URL"))), verifier, messaging, trace);
    }

    /** From parts (tests use the sandbox's verifier and credentials). */
    public static SyncComponents of(
            SyncStore store, ProviderClient provider, RequestVerifier verifier, SkillMessaging messaging, Trace trace) {
        return new SyncComponents(
                new SkillEndpoint(store, provider, verifier, trace),
                new ProviderWebhook(store, trace),
                new OutboxWorker(store, messaging, trace));
    }
}
