package io.github.skillmessaging.modulecheck;

import io.github.skillmessaging.Message;
import io.github.skillmessaging.SkillMessaging;
import io.github.skillmessaging.http.HttpTransport;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Checks that the User-Agent the SDK sends names the version of the built jar (the build passes
 * the pom's version as {@code -Dexpected.version}). Run on the module path by
 * {@link ModulePathCheck}, and on the class path by its own {@link #main}: the version comes from
 * the module descriptor in the one case and from the manifest in the other.
 */
public final class UserAgentCheck {
    private UserAgentCheck() {}

    /** The failure, or {@code null} when the token and the message requests carry the expected User-Agent. */
    public static String check() {
        String expected = System.getProperty("expected.version");
        if (expected == null || expected.isBlank()) {
            return "no -Dexpected.version was given";
        }
        List<String> userAgents = new CopyOnWriteArrayList<>();
        HttpTransport recording = request -> {
            userAgents.add(request.headers().getOrDefault("User-Agent", "(none)"));
            String body = request.uri().getPath().endsWith("/auth/o2/token")
                    ? "{\"access_token\":\"t\",\"token_type\":\"bearer\",\"expires_in\":3600,\"scope\":\"alexa:skill_messaging\"}"
                    : "";
            int status = body.isEmpty() ? 202 : 200;
            return CompletableFuture.completedFuture(new HttpTransport.Response(
                    status,
                    Map.of("Content-Type", List.of("application/json")),
                    body.getBytes(StandardCharsets.UTF_8)));
        };
        try (SkillMessaging messaging = SkillMessaging.builder()
                .clientId("id")
                .clientSecret("secret")
                .transport(recording)
                .build()) {
            messaging.send("amzn1.ask.account.user", "https://api.amazonalexa.com", new Message(Map.of("k", "v")));
        }
        String want = "skillmessaging-java/" + expected;
        if (userAgents.size() != 2 || !userAgents.stream().allMatch(want::equals)) {
            return "expected the token and message requests to carry User-Agent " + want + ", were " + userAgents;
        }
        return null;
    }

    /** Exits non-zero when {@link #check} fails. */
    public static void main(String[] args) {
        String failure = check();
        System.out.println(failure == null ? "user-agent-check (class path): passed" : "FAILED: " + failure);
        if (failure != null) {
            System.exit(1);
        }
    }
}
