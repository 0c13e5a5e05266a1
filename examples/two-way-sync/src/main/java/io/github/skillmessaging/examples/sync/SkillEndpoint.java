package io.github.skillmessaging.examples.sync;

import io.github.skillmessaging.error.SkillMessagingException;
import io.github.skillmessaging.lists.ListManagementClient;
import io.github.skillmessaging.request.MessageReceivedRequest;
import io.github.skillmessaging.request.Request;
import io.github.skillmessaging.request.RequestConverter;
import io.github.skillmessaging.request.SkillAccountLinkedRequest;
import io.github.skillmessaging.request.SkillDisabledRequest;
import io.github.skillmessaging.request.SkillEnabledRequest;
import io.github.skillmessaging.request.SkillPermissionAcceptedRequest;
import io.github.skillmessaging.request.SkillPermissionChangedRequest;
import io.github.skillmessaging.request.SkillRequest;
import io.github.skillmessaging.response.SkillResponse;
import io.github.skillmessaging.verify.RequestVerifier;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The skill endpoint, framework-free: raw body and headers in, {@link Answer} out.
 *
 * <p>Every request is verified ({@link RequestVerifier}: 400 if it fails) and parsed. Skill events
 * record the user, their endpoint, the linked provider account and the list permission. A
 * {@code Messaging.MessageReceived} or any list event reconciles the user's lists with the
 * request's own {@code apiEndpoint} and {@code apiAccessToken}, under the user's row lock, recording
 * the request id in the same transaction. A failure answers 500: Alexa delivers the request again,
 * and the reconcile is repeatable.
 */
public final class SkillEndpoint {
    private static final byte[] ACK = SkillResponse.empty().toBytes();

    private final SyncStore store;
    private final Reconciler reconciler;
    private final RequestVerifier verifier;
    private final Trace trace;
    private final Clock clock = Clock.systemUTC();
    private final SyncMetrics metrics;

    public SkillEndpoint(SyncStore store, ProviderClient provider, RequestVerifier verifier, Trace trace) {
        this(store, provider, verifier, trace, new SyncMetrics());
    }

    /** The same, counting reconciles and errors in {@code metrics}. */
    public SkillEndpoint(
            SyncStore store, ProviderClient provider, RequestVerifier verifier, Trace trace, SyncMetrics metrics) {
        this.metrics = metrics;
        this.store = store;
        this.reconciler = new Reconciler(store, provider, trace);
        this.verifier = verifier;
        this.trace = trace;
    }

    /** Handles one POST from Alexa; header names are looked up case-insensitively. */
    public Answer handle(byte[] body, Map<String, List<String>> headers) {
        SkillRequest request;
        try {
            verifier.verify(body, headers);
            request = RequestConverter.parse(body);
        } catch (SkillMessagingException e) {
            trace.line("[skill] refused a request: " + e.getMessage());
            metrics.error("alexa-request-refused");
            return Answer.of(400);
        }
        try {
            handle(request);
            return new Answer(200, ACK);
        } catch (RuntimeException e) {
            metrics.error("alexa-request-failed:" + e.getClass().getSimpleName());
            trace.line("[skill] " + request.request().type() + " failed (" + e.getMessage()
                    + "): answering 500, Alexa will deliver it again");
            return Answer.of(500);
        }
    }

    private void handle(SkillRequest skillRequest) {
        Request request = skillRequest.request();
        String userId = skillRequest.userId();
        String endpoint = skillRequest.system().apiEndpoint().orElse("");
        store.inTransaction(c -> {
            if (store.isProcessed(c, request.requestId())) {
                trace.line("[skill] " + request.type() + " " + shortId(request.requestId())
                        + " was handled before: acknowledged, nothing done");
                return null;
            }
            if (request instanceof SkillEnabledRequest) {
                store.upsertUser(c, userId, endpoint);
                trace.line("[skill] SkillEnabled: user stored with endpoint " + endpoint);
            } else if (request instanceof SkillAccountLinkedRequest linked) {
                store.upsertUser(c, userId, endpoint);
                // The provider's OAuth token; in this example the provider's tokens are its account
                // names. A real provider would be asked "whose token is this?" (never log a token).
                String account = linked.accessToken()
                        .orElseThrow(() -> new IllegalStateException("SkillAccountLinked without an access token"));
                store.linkAccount(c, userId, account);
                trace.line("[skill] SkillAccountLinked: user linked to their provider account");
            } else if (request instanceof SkillPermissionAcceptedRequest
                    || request instanceof SkillPermissionChangedRequest) {
                store.upsertUser(c, userId, endpoint);
                store.grantLists(c, userId);
                trace.line("[skill] " + request.type().substring(request.type().indexOf('.') + 1)
                        + ": list access granted");
                reconcile(c, skillRequest, "first sync");
            } else if (request instanceof SkillDisabledRequest) {
                store.forgetUser(c, userId);
                trace.line("[skill] SkillDisabled: user forgotten");
            } else if (request instanceof MessageReceivedRequest message) {
                trace.line("[alexa → skill] Messaging.MessageReceived " + message.message());
                reconcile(c, skillRequest, "provider changed");
            } else if (request.type().startsWith("AlexaHouseholdListEvent.")) {
                trace.line("[alexa → skill] " + request.type());
                reconcile(c, skillRequest, "Alexa list changed");
            }
            store.markProcessed(c, request.requestId(), clock.instant());
            return null;
        });
    }

    private void reconcile(Connection c, SkillRequest request, String why) throws SQLException {
        Optional<SyncStore.LinkedUser> user = store.lockUser(c, request.userId());
        if (user.isEmpty()
                || user.get().providerAccount().isEmpty()
                || !user.get().listsGranted()) {
            trace.line("[sync] " + why + ", but the user is not linked with list access yet: nothing to do");
            return;
        }
        ListManagementClient lists = ListManagementClient.forRequest(request);
        Reconciler.Result result = reconciler.reconcile(
                c, request.userId(), user.get().providerAccount().get(), lists);
        store.markReconciled(c, request.userId(), clock.instant());
        metrics.reconciled();
        if (result.changedNothing()) {
            trace.line("[sync] " + why + ": both sides already agree");
        }
    }

    private static String shortId(String requestId) {
        return requestId.length() <= 12 ? requestId : "…" + requestId.substring(requestId.length() - 8);
    }
}
