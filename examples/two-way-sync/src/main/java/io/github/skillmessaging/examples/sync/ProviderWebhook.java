package io.github.skillmessaging.examples.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

/**
 * The provider's webhook, framework-free. A provider change the sync has not seen yet queues one
 * skill message for the linked user in the outbox (in the database, in the same transaction as the
 * check, so a crash loses nothing) and is acknowledged; a change that is already in sync (the
 * sync's own write) sends nothing, which is what ends echoes on this side.
 */
public final class ProviderWebhook {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SyncStore store;
    private final Trace trace;
    private final Clock clock = Clock.systemUTC();
    private final SyncMetrics metrics;

    public ProviderWebhook(SyncStore store, Trace trace) {
        this(store, trace, new SyncMetrics());
    }

    /** The same, counting errors in {@code metrics}. */
    public ProviderWebhook(SyncStore store, Trace trace, SyncMetrics metrics) {
        this.store = store;
        this.trace = trace;
        this.metrics = metrics;
    }

    /** Handles one notification {@code {account, itemId, version, change}}. */
    public Answer handle(byte[] body) {
        JsonNode change;
        try {
            change = JSON.readTree(body);
        } catch (IOException e) {
            metrics.error("webhook-refused");
            return Answer.of(400);
        }
        String account = change.path("account").asText();
        String itemId = change.path("itemId").asText();
        long version = change.path("version").asLong();
        String what = change.path("change").asText();
        try {
            store.inTransaction(c -> {
                Optional<SyncStore.LinkedUser> user = store.lockUserByAccount(c, account);
                if (user.isEmpty()) {
                    return null;
                }
                String userId = user.get().alexaUserId();
                // Already in sync: the sync wrote this version itself, or a reconcile has picked it up.
                boolean synced = what.equals("deleted")
                        ? !store.isMappedProviderItem(c, userId, itemId)
                        : store.isKnownProviderVersion(c, userId, itemId, version);
                if (synced) {
                    trace.line("[provider → webhook] item " + what + ": already in sync, no message");
                } else if (store.enqueue(c, userId, "provider-" + what, clock.instant())) {
                    trace.line("[provider → webhook] item " + what + ": skill message queued");
                } else {
                    trace.line("[provider → webhook] item " + what + ": a message is already queued");
                }
                return null;
            });
            return Answer.of(204);
        } catch (RuntimeException e) {
            metrics.error("webhook-failed:" + e.getClass().getSimpleName());
            trace.line("[provider → webhook] failed (" + e.getMessage()
                    + "): answering 500, the provider will call again");
            return Answer.of(500);
        }
    }
}
