package io.github.skillmessaging.internal;

import com.fasterxml.jackson.core.Version;

/**
 * The oldest Jackson 2.x the SDK works with, checked once when {@link Json} initialises, so that
 * an application whose dependency management pins an older Jackson fails at once with a message
 * that says what to change, not later with a {@code NoSuchMethodError} from inside the SDK.
 *
 * <p>2.18.0 is the floor: its UTF-8 writer can emit a character outside the Basic Multilingual
 * Plane as its 4 bytes ({@code JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8}), as Amazon's
 * 6 KB message rule counts it (2.15 added {@code JsonNode.properties()} and
 * {@code StreamConstraintsException}, also used), and the build runs the core and lists tests
 * against it ({@code -Pjackson-floor}, property {@code jackson.floor} of the parent pom).
 */
public final class JacksonCheck {
    /** Keep equal to the parent pom's {@code jackson.floor} (a test checks it). */
    public static final Version FLOOR = new Version(2, 18, 0, null, "com.fasterxml.jackson.core", "jackson-databind");

    private JacksonCheck() {}

    /** Throws {@link IllegalStateException} unless the Jackson on the class or module path is new enough. */
    static void requireSupportedJackson() {
        String problem = problem(
                com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION,
                com.fasterxml.jackson.core.json.PackageVersion.VERSION);
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
    }

    /** Why these versions of jackson-databind and jackson-core cannot be used, or {@code null} when they can. */
    public static String problem(Version databind, Version core) {
        boolean databindOk = supported(databind);
        boolean coreOk = supported(core);
        if (databindOk && coreOk) {
            return null;
        }
        return "skillmessaging-java needs jackson-databind and jackson-core " + floorText() + " or a later 2.x,"
                + " but found jackson-databind " + text(databind) + " and jackson-core " + text(core)
                + ": raise the Jackson version your build resolves (for example with the com.fasterxml.jackson:jackson-bom"
                + " of " + floorText() + " or later)";
    }

    private static boolean supported(Version v) {
        // Not Version.compareTo, which compares group and artifact ids first.
        if (v == null || v.isUnknownVersion() || v.getMajorVersion() != FLOOR.getMajorVersion()) {
            return false;
        }
        int minor = Integer.compare(v.getMinorVersion(), FLOOR.getMinorVersion());
        return minor != 0 ? minor > 0 : v.getPatchLevel() >= FLOOR.getPatchLevel();
    }

    private static String floorText() {
        return FLOOR.getMajorVersion() + "." + FLOOR.getMinorVersion() + "." + FLOOR.getPatchLevel();
    }

    private static String text(Version v) {
        return v == null || v.isUnknownVersion() ? "(unknown version)" : v.toString();
    }
}
