package io.github.skillmessaging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.skillmessaging.testing.Lwa;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A program that sends one message on the default transport and returns from {@code main} ends
 * promptly: nothing the SDK starts keeps the JVM alive. Checked in a child JVM.
 */
class ExitsPromptlyTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    /** The child: one send on a client that is never closed, then back from main. */
    public static final class OneSend {
        public static void main(String[] args) {
            SkillMessaging messaging = SkillMessaging.builder()
                    .clientId("id")
                    .clientSecret("secret")
                    .tokenBaseAddress(args[0])
                    .defaultEndpoint(args[0])
                    .build();
            System.out.println("sent " + messaging.send("u1", new Message(Map.of("k", "v"))));
            System.out.println("returning from main");
        }
    }

    /**
     * The child as {@code mvn exec:java} runs a main: in a thread group of its own, then every
     * thread left in that group is interrupted and joined (for up to 15 s by default).
     */
    public static final class AsExecJava {
        public static void main(String[] args) throws Exception {
            ThreadGroup group = new ThreadGroup("exec-java");
            Thread main = new Thread(
                    group,
                    () -> {
                        try {
                            OneSend.main(args);
                        } catch (RuntimeException e) {
                            e.printStackTrace();
                        }
                    },
                    "main");
            main.start();
            main.join();
            Thread[] left = new Thread[64];
            int count = group.enumerate(left);
            long started = System.nanoTime();
            for (int i = 0; i < count; i++) {
                left[i].interrupt();
            }
            for (int i = 0; i < count; i++) {
                left[i].join(15_000);
            }
            System.out.println("threads left: " + count + ", all ended after "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
        }
    }

    /** Starts {@code main} in a child JVM on this test's class path, with Alexa stubbed to accept one message. */
    private static Process startChild(Class<?> main) throws java.io.IOException {
        wm.stubFor(Lwa.tokenStub("tok", 3600));
        wm.stubFor(post(urlEqualTo("/v1/skillmessages/users/u1"))
                .willReturn(aResponse().withStatus(202).withHeader("X-Amzn-RequestId", "m1")));
        return new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        main.getName(),
                        wm.baseUrl())
                .redirectErrorStream(true)
                .start();
    }

    @Test
    void threadsLeftByASendEndWhenInterruptedAsMavenExecJavaDoes() throws Exception {
        Process child = startChild(AsExecJava.class);
        try {
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            java.util.regex.Matcher m =
                    java.util.regex.Pattern.compile("all ended after (\\d+) ms").matcher(output);
            assertThat(m.find()).as("output: %s", output).isTrue();
            assertThat(output).contains("sent m1");
            assertThat(Long.parseLong(m.group(1)))
                    .as("ms until every thread left by the send ended")
                    .isLessThan(2_000);
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void aMainThatSendsOneMessageExitsWithinTwoSecondsOfReturning() throws Exception {
        Process child = startChild(OneSend.class);
        List<String> output = new ArrayList<>();
        long returned = 0;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                output.add(line);
                if (line.equals("returning from main")) {
                    returned = System.nanoTime();
                    break;
                }
            }
            boolean exited = child.waitFor(30, TimeUnit.SECONDS);
            long afterReturn = (System.nanoTime() - returned) / 1_000_000;
            out.lines().forEach(output::add);

            assertThat(exited).as("the child exited; output: %s", output).isTrue();
            assertThat(child.exitValue()).as("output: %s", output).isZero();
            assertThat(output).contains("sent m1", "returning from main");
            assertThat(afterReturn)
                    .as("ms from main's return to the JVM's exit")
                    .isLessThan(2_000);
        } finally {
            child.destroyForcibly();
        }
        wm.verify(1, postRequestedFor(urlEqualTo("/v1/skillmessages/users/u1")));
    }
}
