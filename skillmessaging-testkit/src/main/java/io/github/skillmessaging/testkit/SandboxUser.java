package io.github.skillmessaging.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.skillmessaging.AlexaRegion;
import io.github.skillmessaging.testkit.internal.HouseholdList;
import io.github.skillmessaging.testkit.internal.ListsApi;
import io.github.skillmessaging.testkit.internal.SandboxState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A simulated Alexa user: enables skills, links accounts, grants permissions and edits household
 * lists "by voice". Each action sends the skill the request Alexa would send, signed.
 *
 * <pre>{@code
 * SandboxUser user = sandbox.createUser(AlexaRegion.EUROPE);
 * user.enableSkill(skill);
 * user.grantListPermissions(skill);
 * String itemId = user.addItem(user.shoppingListId(), "milk");   // ItemsCreated to the skill
 * }</pre>
 */
public final class SandboxUser {
    private static final Duration EVENT_EXPIRY = Duration.ofHours(1);

    private final AlexaSandbox sandbox;
    private final SandboxState state;
    private final SandboxState.UserState user;
    private final ListsApi lists;

    SandboxUser(AlexaSandbox sandbox, SandboxState state, SandboxState.UserState user, ListsApi lists) {
        this.sandbox = sandbox;
        this.state = state;
        this.user = user;
        this.lists = lists;
    }

    /** The user id, {@code amzn1.ask.account....}. */
    public String userId() {
        return user.userId;
    }

    /** The user's region. */
    public AlexaRegion region() {
        return user.region;
    }

    /** The API endpoint Alexa sends with this user's requests (the sandbox server of the region). */
    public String apiEndpoint() {
        return sandbox.apiEndpoint(user.region);
    }

    /** Enables {@code skill}: sends {@code AlexaSkillEvent.SkillEnabled}. */
    public SandboxUser enableSkill(SandboxSkill skill) {
        synchronized (state) {
            user.enabledSkills.putIfAbsent(skill.applicationId(), new HashSet<>());
        }
        sandbox.skillEvent(skill, user, "AlexaSkillEvent.SkillEnabled", null);
        return this;
    }

    /** Disables {@code skill}: sends {@code AlexaSkillEvent.SkillDisabled}; messages to the user then get 404. */
    public SandboxUser disableSkill(SandboxSkill skill) {
        sandbox.skillEvent(
                skill,
                user,
                "AlexaSkillEvent.SkillDisabled",
                body -> body.put("userInformationPersistenceStatus", "NOT_PERSISTED"));
        synchronized (state) {
            user.enabledSkills.remove(skill.applicationId());
            user.linkedAccounts.remove(skill.applicationId());
        }
        return this;
    }

    /** Links the user's account at the skill's provider: sends {@code AlexaSkillEvent.SkillAccountLinked}. */
    public SandboxUser linkAccount(SandboxSkill skill, String providerAccessToken) {
        Objects.requireNonNull(providerAccessToken, "providerAccessToken");
        synchronized (state) {
            requireEnabled(skill);
            user.linkedAccounts.put(skill.applicationId(), providerAccessToken);
        }
        sandbox.skillEvent(
                skill,
                user,
                "AlexaSkillEvent.SkillAccountLinked",
                body -> body.put("accessToken", providerAccessToken));
        return this;
    }

    /**
     * Grants {@code scopes} (e.g. list read and write) to {@code skill}: sends
     * {@code AlexaSkillEvent.SkillPermissionAccepted} the first time, {@code SkillPermissionChanged}
     * after that.
     */
    public SandboxUser grantPermissions(SandboxSkill skill, String... scopes) {
        boolean first;
        Set<String> all;
        synchronized (state) {
            requireEnabled(skill);
            Set<String> granted = user.enabledSkills.get(skill.applicationId());
            first = granted.isEmpty();
            granted.addAll(List.of(scopes));
            all = Set.copyOf(granted);
        }
        sandbox.skillEvent(
                skill,
                user,
                first ? "AlexaSkillEvent.SkillPermissionAccepted" : "AlexaSkillEvent.SkillPermissionChanged",
                body -> {
                    ArrayNode accepted = body.putArray("acceptedPermissions");
                    all.stream().sorted().forEach(scope -> accepted.addObject().put("scope", scope));
                });
        return this;
    }

    /** Grants list read and write to {@code skill}. */
    public SandboxUser grantListPermissions(SandboxSkill skill) {
        return grantPermissions(skill, SandboxState.LIST_READ, SandboxState.LIST_WRITE);
    }

    /** The id of the default shopping list. */
    public String shoppingListId() {
        return defaultList("-SHOPPING_ITEM");
    }

    /** The id of the default to-do list. */
    public String toDoListId() {
        return defaultList("-TASK");
    }

    /** Creates a list by voice; sends {@code ListCreated}. */
    public String createList(String name) {
        return lists.createList(user, name, "active").listId;
    }

    /** Adds an active item by voice; sends {@code ItemsCreated}. Returns the item id. */
    public String addItem(String listId, String value) {
        return lists.addItem(user, listId, value, "active").id;
    }

    /** Renames an item by voice; sends {@code ItemsUpdated}. */
    public void renameItem(String listId, String itemId, String value) {
        HouseholdList.Item item = lists.findItem(user, listId, itemId);
        synchronized (state) {
            lists.updateItem(user, listId, itemId, value, item.status, item.version);
        }
    }

    /** Marks an item completed by voice; sends {@code ItemsUpdated}. */
    public void completeItem(String listId, String itemId) {
        HouseholdList.Item item = lists.findItem(user, listId, itemId);
        synchronized (state) {
            lists.updateItem(user, listId, itemId, item.value, "completed", item.version);
        }
    }

    /** Deletes an item by voice; sends {@code ItemsDeleted}. */
    public void deleteItem(String listId, String itemId) {
        lists.deleteItem(user, listId, itemId);
    }

    /** The items of a list, active and completed, in the order they were added. */
    public List<SandboxItem> items(String listId) {
        synchronized (state) {
            List<SandboxItem> out = new ArrayList<>();
            for (HouseholdList.Item i : lists.findList(user, listId).items.values()) {
                out.add(new SandboxItem(i.id, i.value, i.status, i.version));
            }
            return out;
        }
    }

    private String defaultList(String suffix) {
        synchronized (state) {
            for (HouseholdList list : user.lists.values()) {
                String decoded = new String(
                        java.util.Base64.getDecoder().decode(list.listId), java.nio.charset.StandardCharsets.UTF_8);
                if (decoded.endsWith(suffix)) {
                    return list.listId;
                }
            }
        }
        throw new IllegalStateException("The user has no default list ending " + suffix);
    }

    private void requireEnabled(SandboxSkill skill) {
        if (!user.enabledSkills.containsKey(skill.applicationId())) {
            throw new IllegalStateException("The user has not enabled " + skill.applicationId());
        }
    }

    static Duration eventExpiry() {
        return EVENT_EXPIRY;
    }

    @Override
    public String toString() {
        return "SandboxUser[" + user.userId + ", " + user.region + "]";
    }
}
