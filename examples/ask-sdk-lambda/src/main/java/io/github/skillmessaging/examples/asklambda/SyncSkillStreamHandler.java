package io.github.skillmessaging.examples.asklambda;

import com.amazon.ask.Skill;
import com.amazon.ask.SkillStreamHandler;
import com.amazon.ask.Skills;
import io.github.skillmessaging.examples.sync.ProviderClient;
import io.github.skillmessaging.examples.sync.Reconciler;
import io.github.skillmessaging.examples.sync.SyncStore;
import io.github.skillmessaging.examples.sync.Trace;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Lambda function: {@code io.github.skillmessaging.examples.asklambda.SyncSkillStreamHandler::handleRequest}.
 *
 * <p>Settings (Lambda environment variables): {@code SKILL_ID} (ASK ignores requests for other
 * skills), {@code SYNC_JDBC_URL}, {@code SYNC_JDBC_USER}, {@code SYNC_JDBC_PASSWORD} (the sync
 * state, shared with the back end's webhook and outbox: PostgreSQL), {@code PROVIDER_URL}.
 * Lambda is invoked by Alexa directly, so there is no HTTPS request to verify: the skill id
 * check on the trigger and in the skill replaces it.
 */
public class SyncSkillStreamHandler extends SkillStreamHandler {
    /** Lambda's entry point: everything from the environment. */
    public SyncSkillStreamHandler() {
        this(skill(System.getenv()));
    }

    /** Runs {@code skill} (tests give one with the sandbox's provider and store). */
    public SyncSkillStreamHandler(Skill skill) {
        super(skill);
    }

    /**
     * The sync skill from settings.
     *
     * @throws IllegalStateException naming every missing setting
     */
    public static Skill skill(Map<String, String> settings) {
        List<String> missing = new ArrayList<>();
        for (String name : List.of("SKILL_ID", "SYNC_JDBC_URL", "PROVIDER_URL")) {
            if (settings.getOrDefault(name, "").isBlank()) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Missing Lambda environment variables: " + String.join(", ", missing));
        }
        SyncStore store = new SyncStore(
                settings.get("SYNC_JDBC_URL"),
                settings.getOrDefault("SYNC_JDBC_USER", ""),
                settings.getOrDefault("SYNC_JDBC_PASSWORD", ""));
        return skill(
                store,
                new ProviderClient(URI.create(settings.get("PROVIDER_URL"))),
                settings.get("SKILL_ID"),
                line -> System.out.println(line));
    }

    /** The sync skill from parts: {@code Skills.standard()} with the sync's handlers. */
    public static Skill skill(SyncStore store, ProviderClient provider, String skillId, Trace trace) {
        Reconciler reconciler = new Reconciler(store, provider, trace);
        return Skills.standard()
                .withSkillId(skillId)
                .addRequestHandlers(SyncHandlers.all(store, reconciler, trace))
                .build();
    }
}
