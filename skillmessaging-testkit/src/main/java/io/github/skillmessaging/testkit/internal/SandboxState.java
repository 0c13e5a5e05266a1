package io.github.skillmessaging.testkit.internal;

import io.github.skillmessaging.AlexaRegion;
import io.github.skillmessaging.testkit.ReceivedMessage;
import io.github.skillmessaging.testkit.SandboxSkill;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Everything the sandbox knows: skills, users, tokens, lists, accepted messages. One lock (this
 * object) guards it all: the sandbox is a test tool, simplicity beats throughput here.
 */
public final class SandboxState {
    public static final String LIST_READ = "alexa::household:lists:read";
    public static final String LIST_WRITE = "alexa::household:lists:write";

    private static final SecureRandom RANDOM = new SecureRandom();

    public final Clock clock;
    public final Duration tokenLifetime;
    public final Map<String, SandboxSkill> skillsByClientId = new LinkedHashMap<>();
    public final Map<String, UserState> users = new LinkedHashMap<>();
    public final Map<String, Token> tokens = new HashMap<>();
    public final List<ReceivedMessage> messages = new ArrayList<>();

    public SandboxState(Clock clock, Duration tokenLifetime) {
        this.clock = clock;
        this.tokenLifetime = tokenLifetime;
    }

    /** A user of the sandbox. */
    public static final class UserState {
        public final String userId;
        public final AlexaRegion region;
        public final Map<String, HouseholdList> lists = new LinkedHashMap<>();
        /** applicationId to the permissions granted to that skill. */
        public final Map<String, Set<String>> enabledSkills = new LinkedHashMap<>();
        /** applicationId to the linked account's token. */
        public final Map<String, String> linkedAccounts = new HashMap<>();

        UserState(String userId, AlexaRegion region) {
            this.userId = userId;
            this.region = region;
        }
    }

    /** An issued token: a skill's LWA token (user null) or a skill's API token for one user. */
    public record Token(String value, String applicationId, String userId, String scope, Instant expiresAt) {}

    public synchronized SandboxSkill registerSkill(Optional<java.net.URI> endpoint) {
        SandboxSkill skill = new SandboxSkill(
                "amzn1.ask.skill." + UUID.randomUUID(), "amzn1.application-oa2-client." + hex(16), hex(32), endpoint);
        skillsByClientId.put(skill.clientId(), skill);
        return skill;
    }

    /** Points {@code skill} at {@code endpoint}; returns the updated skill. */
    public synchronized SandboxSkill setEndpoint(SandboxSkill skill, java.net.URI endpoint) {
        if (!skillsByClientId.containsKey(skill.clientId())) {
            throw new IllegalArgumentException("Unknown skill " + skill.applicationId());
        }
        SandboxSkill moved =
                new SandboxSkill(skill.applicationId(), skill.clientId(), skill.clientSecret(), Optional.of(endpoint));
        skillsByClientId.put(skill.clientId(), moved);
        return moved;
    }

    public synchronized UserState createUser(AlexaRegion region) {
        String userId = "amzn1.ask.account."
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(randomBytes(48))
                        .toUpperCase(java.util.Locale.ROOT);
        UserState user = new UserState(userId, region);
        String stem = UUID.randomUUID().toString();
        HouseholdList shopping = new HouseholdList(listId(stem + "-SHOPPING_ITEM"), "Alexa shopping list");
        HouseholdList todo = new HouseholdList(listId(stem + "-TASK"), "Alexa to-do list");
        user.lists.put(shopping.listId, shopping);
        user.lists.put(todo.listId, todo);
        users.put(userId, user);
        return user;
    }

    /** A list id as Amazon makes them: base64 of a value with the list kind at the end. */
    public static String listId(String raw) {
        return Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public synchronized Token issue(String applicationId, String userId, String scope) {
        Token token = new Token(
                "Atc|sandbox-" + hex(24),
                applicationId,
                userId,
                scope,
                clock.instant().plus(tokenLifetime));
        tokens.put(token.value, token);
        return token;
    }

    /** The token, if it exists and has not expired. */
    public synchronized Optional<Token> validToken(String value) {
        Token token = tokens.get(value);
        if (token == null || !clock.instant().isBefore(token.expiresAt)) {
            return Optional.empty();
        }
        return Optional.of(token);
    }

    public synchronized Optional<SandboxSkill> skillByApplicationId(String applicationId) {
        return skillsByClientId.values().stream()
                .filter(s -> s.applicationId().equals(applicationId))
                .findFirst();
    }

    public synchronized Set<String> permissions(UserState user, String applicationId) {
        Set<String> granted = user.enabledSkills.get(applicationId);
        return granted == null ? Set.of() : new HashSet<>(granted);
    }

    public Instant now() {
        return clock.instant();
    }

    public static String hex(int bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : randomBytes(bytes)) {
            sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return sb.toString();
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
