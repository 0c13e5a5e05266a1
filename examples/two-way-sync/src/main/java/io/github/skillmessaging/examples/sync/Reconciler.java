package io.github.skillmessaging.examples.sync;

import io.github.skillmessaging.error.ConflictException;
import io.github.skillmessaging.error.NotFoundException;
import io.github.skillmessaging.lists.ItemStatus;
import io.github.skillmessaging.lists.ListItem;
import io.github.skillmessaging.lists.ListManagementClient;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Brings a user's Alexa shopping list and provider account to the same content by a three-way
 * merge against the last agreed state (the item pairs in {@link SyncStore}).
 *
 * <p>Per pair: changed on one side only, the change is copied to the other; changed on both, the
 * item is completed if either side completed it and takes the provider's text; deleted on one side
 * and unchanged on the other, it is deleted there too; deleted on one side but edited on the other,
 * the edit wins and the item comes back. Unpaired items are paired with an unpaired item of the
 * same text on the other side, or created there. A second run right after finds nothing to do:
 * that is what makes redeliveries, duplicates and echoes harmless.
 *
 * <p>Run it with the user's row locked ({@link SyncStore#lockUser}), inside the transaction that
 * stores the result: a crash midway leaves the old pairs, and the next run pairs what was created
 * by text instead of creating it twice.
 */
public final class Reconciler {
    private final SyncStore store;
    private final ProviderClient provider;
    private final Trace trace;

    public Reconciler(SyncStore store, ProviderClient provider, Trace trace) {
        this.store = store;
        this.provider = provider;
        this.trace = trace;
    }

    /** What a run changed. */
    public record Result(int alexaWrites, int providerWrites) {
        public boolean changedNothing() {
            return alexaWrites == 0 && providerWrites == 0;
        }
    }

    private record State(String value, boolean completed) {
        static State of(ListItem i) {
            return new State(i.value(), ItemStatus.COMPLETED.equals(i.status()));
        }

        static State of(ProviderItem i) {
            return new State(i.value(), i.completed());
        }
    }

    /** Reconciles {@code userId}'s shopping list with {@code account}. */
    public Result reconcile(Connection c, String userId, String account, ListManagementClient lists)
            throws SQLException {
        String listId = lists.findShoppingList()
                .orElseThrow(() -> new IllegalStateException("no shopping list"))
                .listId();
        Map<String, ListItem> alexa = new LinkedHashMap<>();
        for (ItemStatus status : List.of(ItemStatus.ACTIVE, ItemStatus.COMPLETED)) {
            lists.getAllItems(listId, status).forEach(i -> alexa.put(i.id(), i));
        }
        Map<String, ProviderItem> prov = new LinkedHashMap<>();
        provider.items(account).forEach(i -> prov.put(i.id(), i));
        int alexaWrites = 0;
        int providerWrites = 0;

        for (SyncStore.Mapping base : store.mappings(c, userId)) {
            ListItem a = alexa.remove(base.alexaItemId());
            ProviderItem p = prov.remove(base.providerItemId());
            State was = new State(base.value(), base.completed());
            boolean aChanged = a != null && !State.of(a).equals(was);
            boolean pChanged = p != null && !State.of(p).equals(was);
            if (a == null && p == null) {
                store.deleteMapping(c, userId, base);
            } else if (a == null) {
                store.deleteMapping(c, userId, base);
                if (pChanged) {
                    ListItem created = createInAlexa(lists, listId, State.of(p));
                    alexaWrites++;
                    FaultPoints.reached(FaultPoints.RECONCILE);
                    trace.line("[sync] '" + p.value()
                            + "' was deleted in Alexa but changed in the provider: restored in Alexa");
                    store.putMapping(c, userId, mapping(created, p));
                } else {
                    provider.delete(account, p.id());
                    providerWrites++;
                    FaultPoints.reached(FaultPoints.RECONCILE);
                    trace.line("[sync → provider] deleted '" + p.value() + "' (deleted in Alexa)");
                }
            } else if (p == null) {
                store.deleteMapping(c, userId, base);
                if (aChanged) {
                    ProviderItem created =
                            provider.create(account, a.value(), State.of(a).completed());
                    providerWrites++;
                    FaultPoints.reached(FaultPoints.RECONCILE);
                    trace.line("[sync] '" + a.value()
                            + "' was deleted in the provider but changed in Alexa: restored there");
                    store.putMapping(c, userId, mapping(a, created));
                } else {
                    deleteInAlexa(lists, listId, a);
                    alexaWrites++;
                    FaultPoints.reached(FaultPoints.RECONCILE);
                    trace.line("[sync → alexa] deleted '" + a.value() + "' (deleted in the provider)");
                }
            } else if (aChanged || pChanged) {
                State target = aChanged && pChanged
                        ? new State(
                                p.value(),
                                State.of(a).completed() || State.of(p).completed())
                        : aChanged ? State.of(a) : State.of(p);
                if (aChanged && pChanged) {
                    trace.line("[sync] '" + a.value() + "' changed on both sides: keeping '" + target.value() + "'"
                            + (target.completed() ? ", completed" : ""));
                }
                if (!State.of(a).equals(target)) {
                    a = lists.updateItem(
                            listId,
                            a.id(),
                            target.value(),
                            target.completed() ? ItemStatus.COMPLETED : ItemStatus.ACTIVE,
                            a.version());
                    alexaWrites++;
                    FaultPoints.reached(FaultPoints.RECONCILE);
                    trace.line("[sync → alexa] '" + target.value() + "' " + describe(target));
                }
                if (!State.of(p).equals(target)) {
                    p = provider.update(account, p, target.value(), target.completed());
                    providerWrites++;
                    FaultPoints.reached(FaultPoints.RECONCILE);
                    trace.line("[sync → provider] '" + target.value() + "' " + describe(target));
                }
                store.putMapping(c, userId, mapping(a, p));
            } else if (p.version() != base.providerVersion()) {
                store.putMapping(c, userId, mapping(a, p));
            }
        }

        // Unpaired on both sides with the same text: the same item (e.g. created by a run that crashed).
        for (Iterator<ListItem> it = alexa.values().iterator(); it.hasNext(); ) {
            ListItem a = it.next();
            ProviderItem twin = prov.values().stream()
                    .filter(p -> State.of(p).equals(State.of(a)))
                    .findFirst()
                    .orElse(null);
            if (twin != null) {
                prov.remove(twin.id());
                it.remove();
                store.putMapping(c, userId, mapping(a, twin));
            }
        }
        for (ListItem a : new ArrayList<>(alexa.values())) {
            ProviderItem created =
                    provider.create(account, a.value(), State.of(a).completed());
            providerWrites++;
            FaultPoints.reached(FaultPoints.RECONCILE);
            trace.line("[sync → provider] added '" + a.value() + "'");
            store.putMapping(c, userId, mapping(a, created));
        }
        for (ProviderItem p : new ArrayList<>(prov.values())) {
            ListItem created = createInAlexa(lists, listId, State.of(p));
            alexaWrites++;
            FaultPoints.reached(FaultPoints.RECONCILE);
            trace.line("[sync → alexa] added '" + p.value() + "'");
            store.putMapping(c, userId, mapping(created, p));
        }
        return new Result(alexaWrites, providerWrites);
    }

    private static String describe(State s) {
        return s.completed() ? "marked completed" : "updated";
    }

    private static ListItem createInAlexa(ListManagementClient lists, String listId, State s) {
        return lists.createItem(listId, s.value(), s.completed() ? ItemStatus.COMPLETED : ItemStatus.ACTIVE);
    }

    private static void deleteInAlexa(ListManagementClient lists, String listId, ListItem a) {
        try {
            lists.deleteItem(listId, a.id());
        } catch (NotFoundException alreadyGone) {
            // deleted meanwhile: the goal is reached
        }
    }

    private static SyncStore.Mapping mapping(ListItem a, ProviderItem p) {
        return new SyncStore.Mapping(a.id(), p.id(), p.value(), p.completed(), p.version());
    }

    /** True for the failures a retry of the whole request resolves (a write raced a user edit). */
    static boolean isRace(RuntimeException e) {
        return e instanceof ConflictException;
    }
}
