package io.github.skillmessaging.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.github.skillmessaging.AlexaRegion;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The sandbox and {@code LocalSkillEndpoint} answer small requests at once even when the
 * application started a JDK {@code HttpServer} first, in a JVM where that server keeps Nagle's
 * algorithm on ({@code -Dsun.net.httpserver.nodelay=false}, read once per JVM): no answer waits
 * about 40 ms for a delayed ACK, and the testkit changes no system property.
 */
class PromptAnswersTest {
    static final int REQUESTS = 40;
    static final long STALL_MILLIS = 40;

    /** Runs in a child JVM; prints {@code name=millis} per server measured, and the property. */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            Map<String, Long> millis = new LinkedHashMap<>();
            HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

            // The application's own server, started first: it fixes the JDK server's setting for the JVM.
            HttpServer plain = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            plain.createContext("/", exchange -> {
                byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            plain.start();
            URI plainUri = URI.create("http://127.0.0.1:" + plain.getAddress().getPort() + "/x");
            millis.put("plainJdkServer", time(client, plainUri, "{}", "application/json"));

            try (AlexaSandbox sandbox = AlexaSandbox.start();
                    LocalSkillEndpoint endpoint =
                            LocalSkillEndpoint.start((body, headers) -> "{\"version\":\"1.0\"}".getBytes())) {
                SandboxSkill skill = sandbox.registerSkill(endpoint.uri());
                sandbox.createUser(AlexaRegion.NORTH_AMERICA).enableSkill(skill);
                String form = "grant_type=client_credentials&client_id=" + skill.clientId() + "&client_secret="
                        + skill.clientSecret() + "&scope=alexa:skill_messaging";
                millis.put(
                        "sandboxToken",
                        time(
                                client,
                                URI.create(sandbox.lwaBaseAddress() + "/auth/o2/token"),
                                form,
                                "application/x-www-form-urlencoded"));
                millis.put("localSkillEndpoint", time(client, endpoint.uri(), "{}", "application/json"));
            }
            plain.stop(0);
            millis.forEach((name, ms) -> System.out.println(name + "=" + ms));
            System.out.println("property=" + System.getProperty("sun.net.httpserver.nodelay"));
        }

        private static long time(HttpClient client, URI uri, String body, String type)
                throws IOException, InterruptedException {
            for (int i = 0; i < 10; i++) {
                send(client, uri, body, type); // connect and warm up
            }
            long started = System.nanoTime();
            for (int i = 0; i < REQUESTS; i++) {
                HttpResponse<String> response = send(client, uri, body, type);
                if (response.statusCode() != 200 || response.body().isEmpty()) {
                    throw new IllegalStateException(uri + " answered " + response.statusCode() + " " + response.body());
                }
            }
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        }

        private static HttpResponse<String> send(HttpClient client, URI uri, String body, String type)
                throws IOException, InterruptedException {
            return client.send(
                    HttpRequest.newBuilder(uri)
                            .header("Content-Type", type)
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void smallAnswersDoNotWaitForADelayedAck_whenTheApplicationStartedAJdkHttpServerFirst() throws Exception {
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dsun.net.httpserver.nodelay=false",
                        "-cp",
                        System.getProperty("java.class.path"),
                        Probe.class.getName())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        Map<String, Long> millis = new LinkedHashMap<>();
        String property = null;
        for (String line : output.split("\\R")) {
            int eq = line.indexOf('=');
            if (line.startsWith("property=")) {
                property = line.substring(eq + 1);
            } else if (eq > 0 && line.substring(eq + 1).matches("\\d+")) {
                millis.put(line.substring(0, eq), Long.parseLong(line.substring(eq + 1)));
            }
        }
        System.out.println("PromptAnswersTest: " + REQUESTS + " sequential requests each, in ms: " + millis);

        assertThat(property).as("the testkit changes no system property").isEqualTo("false");
        // Far below one delayed ACK per answer (REQUESTS x 40 ms): a quarter of it at most.
        assertThat(millis.get("sandboxToken")).as(output).isLessThan(REQUESTS * STALL_MILLIS / 4);
        assertThat(millis.get("localSkillEndpoint")).as(output).isLessThan(REQUESTS * STALL_MILLIS / 4);
    }
}
