package io.github.skillmessaging.verify;

import java.time.Duration;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * How old (and how far in the future) a request's {@code request.timestamp} may be, per request
 * type. Immutable and thread-safe.
 *
 * <p>A rule's key is either an exact request type ({@code "Messaging.MessageReceived"}) or a
 * prefix ending in {@code *} ({@code "AlexaHouseholdListEvent.*"}). An exact rule wins over a
 * prefix, a longer prefix over a shorter one, and {@link #defaultTolerance()} applies to
 * everything else. The future limit, {@link #futureTolerance()}, is the same for every type: a
 * timestamp ahead of the clock is only ever clock skew, even for a redelivery.
 *
 * <p>{@link #defaults()}:
 * <table>
 *   <caption>Default tolerances</caption>
 *   <tr><th>request type</th><th>max age</th><th>why</th></tr>
 *   <tr><td>any</td><td>150 s</td><td>Amazon's requirement</td></tr>
 *   <tr><td>the five {@link #SKILL_EVENT_TYPES}</td><td>1 h</td><td>as Amazon's SDKs: events are
 *       redelivered for up to an hour with their original timestamp</td></tr>
 *   <tr><td>{@code AlexaHouseholdListEvent.*}</td><td>1 h</td><td>redelivered for up to an hour
 *       with their original timestamp</td></tr>
 *   <tr><td>{@code Messaging.MessageReceived}</td><td>1 h</td><td>redelivered until the message
 *       expires (default 1 h, at most 24 h) with its original timestamp; 150 s would drop every
 *       retry after the third</td></tr>
 *   <tr><td>future timestamps, any type</td><td>150 s ahead</td><td>clock skew only</td></tr>
 * </table>
 *
 * <p>The trade-off: a longer tolerance accepts legitimate redeliveries but also widens the window
 * in which a captured, genuinely signed request can be replayed. Pair long tolerances with a
 * {@link ReplayGuard} (keyed by request id, kept until {@link VerifiedRequest#acceptedUntil()}),
 * which also absorbs Alexa's own duplicates. If you send messages with
 * {@code expiresAfterSeconds} above 3600, raise the {@code Messaging.MessageReceived} tolerance to
 * match, or Alexa's late retries will be rejected. {@link #amazonSdkDefaults()} keeps Amazon's
 * SDK behaviour (150 s except the five skill events).
 */
public final class TimestampPolicy {
    /** Amazon's tolerance for any request: 150 seconds. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(150);
    /** The tolerance for redelivered events and messages in {@link #defaults()}: one hour. */
    public static final Duration REDELIVERY_TOLERANCE = Duration.ofHours(1);
    /** How far ahead of the clock a timestamp may be, by default: 150 seconds. */
    public static final Duration DEFAULT_FUTURE_TOLERANCE = Duration.ofSeconds(150);
    /** The five skill events Amazon's SDKs allow one hour for. */
    public static final Set<String> SKILL_EVENT_TYPES = Set.of(
            "AlexaSkillEvent.SkillEnabled",
            "AlexaSkillEvent.SkillDisabled",
            "AlexaSkillEvent.SkillAccountLinked",
            "AlexaSkillEvent.SkillPermissionAccepted",
            "AlexaSkillEvent.SkillPermissionChanged");
    /** The skill messaging request type. */
    public static final String MESSAGE_RECEIVED = "Messaging.MessageReceived";
    /** The prefix rule for household list events. */
    public static final String LIST_EVENTS = "AlexaHouseholdListEvent.*";

    private static final TimestampPolicy AMAZON_SDK = skillEvents(builder()).build();
    private static final TimestampPolicy DEFAULTS = skillEvents(builder())
            .tolerance(MESSAGE_RECEIVED, REDELIVERY_TOLERANCE)
            .tolerance(LIST_EVENTS, REDELIVERY_TOLERANCE)
            .build();

    private final Duration defaultTolerance;
    private final Duration futureTolerance;
    private final Map<String, Duration> rules;
    private final Map<String, Duration> exact;
    private final Map<String, Duration> prefixes;

    private TimestampPolicy(Builder b) {
        this.defaultTolerance = b.defaultTolerance;
        this.futureTolerance = b.futureTolerance;
        this.rules = Collections.unmodifiableMap(new LinkedHashMap<>(b.rules));
        Map<String, Duration> exactRules = new LinkedHashMap<>();
        // longest prefix first, then alphabetical for a stable order
        Map<String, Duration> prefixRules = new TreeMap<>(
                Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        b.rules.forEach((key, tolerance) -> {
            if (key.endsWith("*")) {
                prefixRules.put(key.substring(0, key.length() - 1), tolerance);
            } else {
                exactRules.put(key, tolerance);
            }
        });
        this.exact = exactRules;
        this.prefixes = prefixRules;
    }

    private static Builder skillEvents(Builder builder) {
        SKILL_EVENT_TYPES.stream().sorted().forEach(type -> builder.tolerance(type, REDELIVERY_TOLERANCE));
        return builder;
    }

    /** The SDK's defaults (see the table above): 150 s, one hour for skill events, list events and messages. */
    public static TimestampPolicy defaults() {
        return DEFAULTS;
    }

    /** Amazon's SDK behaviour: 150 s, one hour for the five {@link #SKILL_EVENT_TYPES} only. */
    public static TimestampPolicy amazonSdkDefaults() {
        return AMAZON_SDK;
    }

    /** A policy with the same tolerance for every type. */
    public static TimestampPolicy uniform(Duration tolerance) {
        return builder().defaultTolerance(tolerance).build();
    }

    /** A builder starting from 150 s for every type and no rules. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this policy's settings, to adjust. */
    public Builder toBuilder() {
        Builder b = builder().defaultTolerance(defaultTolerance).futureTolerance(futureTolerance);
        rules.forEach(b::tolerance);
        return b;
    }

    /** The maximum age of a request of type {@code requestType}. */
    public Duration toleranceFor(String requestType) {
        Objects.requireNonNull(requestType, "requestType");
        Duration d = exact.get(requestType);
        if (d != null) {
            return d;
        }
        for (Map.Entry<String, Duration> prefix : prefixes.entrySet()) {
            if (requestType.startsWith(prefix.getKey())) {
                return prefix.getValue();
            }
        }
        return defaultTolerance;
    }

    /** The maximum age of a request no rule matches. */
    public Duration defaultTolerance() {
        return defaultTolerance;
    }

    /** How far ahead of the clock any request's timestamp may be. */
    public Duration futureTolerance() {
        return futureTolerance;
    }

    /** The rules, by exact type or {@code prefix*}, in the order they were added. */
    public Map<String, Duration> rules() {
        return rules;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimestampPolicy p
                && defaultTolerance.equals(p.defaultTolerance)
                && futureTolerance.equals(p.futureTolerance)
                && rules.equals(p.rules);
    }

    @Override
    public int hashCode() {
        return Objects.hash(defaultTolerance, futureTolerance, rules);
    }

    @Override
    public String toString() {
        return "TimestampPolicy[default=" + defaultTolerance + ", future=" + futureTolerance + ", rules=" + rules + "]";
    }

    /** Builds a {@link TimestampPolicy}. Not thread-safe. */
    public static final class Builder {
        private Duration defaultTolerance = DEFAULT_TOLERANCE;
        private Duration futureTolerance = DEFAULT_FUTURE_TOLERANCE;
        private final Map<String, Duration> rules = new LinkedHashMap<>();

        private Builder() {}

        /** The maximum age of requests no rule matches (default 150 s). */
        public Builder defaultTolerance(Duration tolerance) {
            this.defaultTolerance = nonNegative(tolerance, "defaultTolerance");
            return this;
        }

        /** How far ahead of the clock a timestamp may be, for every type (default 150 s). */
        public Builder futureTolerance(Duration tolerance) {
            this.futureTolerance = nonNegative(tolerance, "futureTolerance");
            return this;
        }

        /**
         * The maximum age for an exact request type, or for every type starting with a prefix
         * when {@code typeOrPrefix} ends with {@code *}. Replaces an earlier rule for the same key.
         */
        public Builder tolerance(String typeOrPrefix, Duration tolerance) {
            Objects.requireNonNull(typeOrPrefix, "typeOrPrefix");
            int star = typeOrPrefix.indexOf('*');
            if (typeOrPrefix.isBlank() || (star >= 0 && star != typeOrPrefix.length() - 1)) {
                throw new IllegalArgumentException(
                        "typeOrPrefix must be a type or a prefix ending in '*': " + typeOrPrefix);
            }
            rules.put(typeOrPrefix, nonNegative(tolerance, "tolerance"));
            return this;
        }

        /** Removes the rule for {@code typeOrPrefix}, if any. */
        public Builder removeRule(String typeOrPrefix) {
            rules.remove(typeOrPrefix);
            return this;
        }

        public TimestampPolicy build() {
            return new TimestampPolicy(this);
        }

        private static Duration nonNegative(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative: " + d);
            }
            return d;
        }
    }
}
