package io.github.skillmessaging.examples.asklambda;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.dispatcher.request.handler.RequestHandler;
import com.amazon.ask.model.Response;
import com.amazon.ask.model.events.skillevents.AccountLinkedRequest;
import com.amazon.ask.model.events.skillevents.PermissionAcceptedRequest;
import com.amazon.ask.model.events.skillevents.PermissionChangedRequest;
import com.amazon.ask.model.events.skillevents.SkillDisabledRequest;
import com.amazon.ask.model.events.skillevents.SkillEnabledRequest;
import com.amazon.ask.model.interfaces.messaging.MessageReceivedRequest;
import com.amazon.ask.model.services.listManagement.ListCreatedEventRequest;
import com.amazon.ask.model.services.listManagement.ListDeletedEventRequest;
import com.amazon.ask.model.services.listManagement.ListItemsCreatedEventRequest;
import com.amazon.ask.model.services.listManagement.ListItemsDeletedEventRequest;
import com.amazon.ask.model.services.listManagement.ListItemsUpdatedEventRequest;
import com.amazon.ask.model.services.listManagement.ListUpdatedEventRequest;
import io.github.skillmessaging.examples.sync.Reconciler;
import io.github.skillmessaging.examples.sync.SyncStore;
import io.github.skillmessaging.examples.sync.Trace;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The sync skill's ASK request handlers, one per kind of request, as an ASK developer writes them. */
final class SyncHandlers {
    private SyncHandlers() {}

    static RequestHandler[] all(SyncStore store, Reconciler reconciler, Trace trace) {
        return new RequestHandler[] {
            new SkillEnabled(store, reconciler, trace),
            new AccountLinked(store, reconciler, trace),
            new PermissionAccepted(store, reconciler, trace),
            new SkillDisabled(store, reconciler, trace),
            new MessageReceived(store, reconciler, trace),
            new ListChanged(store, reconciler, trace),
            new Anything()
        };
    }

    /** {@code AlexaSkillEvent.SkillEnabled}: remember the user and the endpoint of their region. */
    static final class SkillEnabled extends SyncHandler {
        SkillEnabled(SyncStore store, Reconciler reconciler, Trace trace) {
            super(store, reconciler, trace, List.of(SkillEnabledRequest.class));
        }

        @Override
        void apply(Connection c, HandlerInput input) throws SQLException {
            store.upsertUser(c, userId(input), apiEndpoint(input));
            trace.line("[skill] SkillEnabled: user stored with endpoint " + apiEndpoint(input));
        }
    }

    /** {@code AlexaSkillEvent.SkillAccountLinked}: the user's provider account (the example's tokens are account names). */
    static final class AccountLinked extends SyncHandler {
        AccountLinked(SyncStore store, Reconciler reconciler, Trace trace) {
            super(store, reconciler, trace, List.of(AccountLinkedRequest.class));
        }

        @Override
        void apply(Connection c, HandlerInput input) throws SQLException {
            AccountLinkedRequest linked =
                    (AccountLinkedRequest) input.getRequestEnvelope().getRequest();
            store.upsertUser(c, userId(input), apiEndpoint(input));
            store.linkAccount(c, userId(input), linked.getBody().getAccessToken());
            trace.line("[skill] SkillAccountLinked: user linked to their provider account");
        }
    }

    /** {@code AlexaSkillEvent.SkillPermissionAccepted} / {@code …Changed}: list access, then a first sync. */
    static final class PermissionAccepted extends SyncHandler {
        PermissionAccepted(SyncStore store, Reconciler reconciler, Trace trace) {
            super(store, reconciler, trace, List.of(PermissionAcceptedRequest.class, PermissionChangedRequest.class));
        }

        @Override
        void apply(Connection c, HandlerInput input) throws SQLException {
            store.upsertUser(c, userId(input), apiEndpoint(input));
            store.grantLists(c, userId(input));
            trace.line("[skill] permissions accepted: list access granted");
            reconcile(c, input, "first sync");
        }
    }

    /** {@code AlexaSkillEvent.SkillDisabled}: forget the user (re-enabling gives a new user id). */
    static final class SkillDisabled extends SyncHandler {
        SkillDisabled(SyncStore store, Reconciler reconciler, Trace trace) {
            super(store, reconciler, trace, List.of(SkillDisabledRequest.class));
        }

        @Override
        void apply(Connection c, HandlerInput input) throws SQLException {
            store.forgetUser(c, userId(input));
            trace.line("[skill] SkillDisabled: user forgotten");
        }
    }

    /** {@code Messaging.MessageReceived}: the provider changed; merge into the Alexa list. */
    static final class MessageReceived extends SyncHandler {
        MessageReceived(SyncStore store, Reconciler reconciler, Trace trace) {
            super(store, reconciler, trace, List.of(MessageReceivedRequest.class));
        }

        @Override
        void apply(Connection c, HandlerInput input) throws SQLException {
            MessageReceivedRequest message =
                    (MessageReceivedRequest) input.getRequestEnvelope().getRequest();
            trace.line("[alexa → skill] Messaging.MessageReceived " + message.getMessage());
            reconcile(c, input, "provider changed");
        }
    }

    /** {@code AlexaHouseholdListEvent.*}: the Alexa list changed (also by the skill's own writes). */
    static final class ListChanged extends SyncHandler {
        ListChanged(SyncStore store, Reconciler reconciler, Trace trace) {
            super(
                    store,
                    reconciler,
                    trace,
                    List.of(
                            ListItemsCreatedEventRequest.class,
                            ListItemsUpdatedEventRequest.class,
                            ListItemsDeletedEventRequest.class,
                            ListCreatedEventRequest.class,
                            ListUpdatedEventRequest.class,
                            ListDeletedEventRequest.class));
        }

        @Override
        void apply(Connection c, HandlerInput input) throws SQLException {
            trace.line(
                    "[alexa → skill] " + input.getRequestEnvelope().getRequest().getType());
            reconcile(c, input, "Alexa list changed");
        }
    }

    /** Launch, intents and anything else: a short answer. */
    static final class Anything implements RequestHandler {
        @Override
        public boolean canHandle(HandlerInput input) {
            return true;
        }

        @Override
        public Optional<Response> handle(HandlerInput input) {
            return input.getResponseBuilder()
                    .withSpeech("Your shopping list stays in sync with your to-do service.")
                    .build();
        }
    }
}
