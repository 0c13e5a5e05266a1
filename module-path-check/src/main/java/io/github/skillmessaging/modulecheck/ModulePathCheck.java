package io.github.skillmessaging.modulecheck;

import io.github.skillmessaging.SkillMessaging;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Run with {@code java --module-path ... -m io.github.skillmessaging.modulecheck/...ModulePathCheck}
 * (the build does, in {@code verify}): checks that the SDK works as named modules. Exits non-zero
 * on any failure.
 */
public final class ModulePathCheck {
    private ModulePathCheck() {}

    public static void main(String[] args) {
        List<String> failures = new ArrayList<>();
        int checks = 0;

        checks++;
        Module core = SkillMessaging.class.getModule();
        Module app = ModulePathCheck.class.getModule();
        if (!core.isNamed() || !"io.github.skillmessaging.core".equals(core.getName()) || !app.isNamed()) {
            failures.add("core and this check must run as named modules, were " + core + " and " + app);
        }

        checks++;
        for (String api : List.of(
                "io.github.skillmessaging",
                "io.github.skillmessaging.error",
                "io.github.skillmessaging.http",
                "io.github.skillmessaging.request",
                "io.github.skillmessaging.response",
                "io.github.skillmessaging.verify")) {
            if (!core.isExported(api, app)) {
                failures.add(api + " is not exported");
            }
        }
        if (core.isExported("io.github.skillmessaging.internal", app)) {
            failures.add("io.github.skillmessaging.internal is exported to applications");
        }

        checks++;
        try {
            List<Map<String, String>> received = RoundTrip.run();
            if (!received.equals(
                    List.of(Map.of("from", "module path"), Map.of("event", "AlexaHouseholdListEvent.ItemsCreated")))) {
                failures.add("the skill received " + received);
            }
        } catch (RuntimeException e) {
            failures.add("round trip failed: " + e);
            e.printStackTrace();
        }

        checks++;
        String userAgent = UserAgentCheck.check();
        if (userAgent != null) {
            failures.add(userAgent);
        }

        failures.forEach(f -> System.out.println("FAILED: " + f));
        System.out.println(
                "module-path-check: " + (checks - failures.size()) + " passed, " + failures.size() + " failed");
        if (!failures.isEmpty()) {
            System.exit(1);
        }
    }
}
