package io.github.skillmessaging.examples.asklambda;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.dispatcher.request.handler.RequestHandler;
import com.amazon.ask.model.Request;
import com.amazon.ask.model.Response;
import com.amazon.ask.request.Predicates;
import io.github.skillmessaging.ask.AskLists;
import io.github.skillmessaging.examples.sync.Reconciler;
import io.github.skillmessaging.examples.sync.SyncStore;
import io.github.skillmessaging.examples.sync.Trace;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * What every handler of the sync skill shares: it handles its ASK request types, once per request
 * id (Alexa redelivers: the id is recorded in the same transaction as the work), and acknowledges
 * with an empty response. A failure propagates: the Lambda invocation fails and Alexa delivers
 * the request again; the reconcile is repeatable.
 */
abstract class SyncHandler implements RequestHandler {
    private final List<Class<? extends Request>> types;
    protected final SyncStore store;
    protected final Reconciler reconciler;
    protected final Trace trace;

    SyncHandler(SyncStore store, Reconciler reconciler, Trace trace, List<Class<? extends Request>> types) {
        this.store = store;
        this.reconciler = reconciler;
        this.trace = trace;
        this.types = types;
    }

    @Override
    public final boolean canHandle(HandlerInput input) {
        return types.stream().anyMatch(type -> input.matches(Predicates.requestType(type)));
    }

    @Override
    public final Optional<Response> handle(HandlerInput input) {
        String requestId = input.getRequestEnvelope().getRequest().getRequestId();
        store.inTransaction(c -> {
            if (store.isProcessed(c, requestId)) {
                trace.line("[skill] " + input.getRequestEnvelope().getRequest().getType() + " was handled before");
                return null;
            }
            apply(c, input);
            store.markProcessed(c, requestId, Clock.systemUTC().instant());
            return null;
        });
        return input.getResponseBuilder().build();
    }

    /** The handler's work, in the transaction that records the request id. */
    abstract void apply(Connection c, HandlerInput input) throws SQLException;

    static String userId(HandlerInput input) {
        return input.getRequestEnvelope().getContext().getSystem().getUser().getUserId();
    }

    static String apiEndpoint(HandlerInput input) {
        return input.getRequestEnvelope().getContext().getSystem().getApiEndpoint();
    }

    /**
     * Merges the user's Alexa list and provider list under the user's row lock, writing Alexa
     * through this SDK's client on the request's own endpoint and token.
     */
    void reconcile(Connection c, HandlerInput input, String why) throws SQLException {
        Optional<SyncStore.LinkedUser> user = store.lockUser(c, userId(input));
        if (user.isEmpty()
                || user.get().providerAccount().isEmpty()
                || !user.get().listsGranted()) {
            trace.line("[sync] " + why + ", but the user is not linked with list access yet");
            return;
        }
        reconciler.reconcile(c, userId(input), user.get().providerAccount().get(), AskLists.forHandlerInput(input));
    }
}
