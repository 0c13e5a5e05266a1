package io.github.skillmessaging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.skillmessaging.testing.Lwa;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client built with nothing but its credentials honours the JVM's proxy settings: in a child
 * JVM started with {@code -Dhttps.proxyHost/Port}, the token request and the message to Amazon's
 * real host names go through a loopback proxy (CONNECT), which tunnels them to a local HTTPS stub.
 */
class ProxyTest {
    private static final String PASSWORD = "changeit";

    /** The child: the production client with defaults only. */
    public static final class DefaultsOnly {
        public static void main(String[] args) {
            try (SkillMessaging messaging = SkillMessaging.builder()
                    .clientId("id")
                    .clientSecret("secret")
                    .build()) {
                System.out.println("sent " + messaging.send("u1", new Message(Map.of("k", "v"))));
            }
        }
    }

    @Test
    void aDefaultClientSendsThroughTheProxyOfTheJvmSettings(@TempDir Path dir) throws Exception {
        Path keys = dir.resolve("stub.p12");
        Path trust = dir.resolve("trust.p12");
        keytool(
                "-genkeypair",
                "-alias",
                "stub",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-validity",
                "2",
                "-dname",
                "CN=api.amazonalexa.com",
                "-ext",
                "SAN=dns:api.amazonalexa.com,dns:api.amazon.com",
                "-keystore",
                keys.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                PASSWORD);
        Path cert = dir.resolve("stub.cer");
        keytool(
                "-exportcert",
                "-alias",
                "stub",
                "-keystore",
                keys.toString(),
                "-storepass",
                PASSWORD,
                "-file",
                cert.toString());
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                "stub",
                "-file",
                cert.toString(),
                "-keystore",
                trust.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                PASSWORD);

        WireMockServer stub = new WireMockServer(wireMockConfig()
                .dynamicHttpsPort()
                .httpDisabled(true)
                .keystorePath(keys.toString())
                .keystoreType("PKCS12")
                .keystorePassword(PASSWORD)
                .keyManagerPassword(PASSWORD));
        stub.stubFor(Lwa.tokenStub("tok", 3600));
        stub.stubFor(post(urlEqualTo("/v1/skillmessages/users/u1"))
                .willReturn(aResponse().withStatus(202).withHeader("X-Amzn-RequestId", "m1")));
        stub.start();
        List<String> proxySaw = new CopyOnWriteArrayList<>();
        try (TunnellingProxy proxy = new TunnellingProxy(stub.httpsPort(), proxySaw)) {
            Process child = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Dhttps.proxyHost=127.0.0.1",
                            "-Dhttps.proxyPort=" + proxy.port(),
                            "-Djavax.net.ssl.trustStore=" + trust,
                            "-Djavax.net.ssl.trustStorePassword=" + PASSWORD,
                            "-cp",
                            System.getProperty("java.class.path"),
                            DefaultsOnly.class.getName())
                    .redirectErrorStream(true)
                    .start();
            List<String> output = new ArrayList<>();
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                out.lines().forEach(output::add);
            }
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(output).as("child output").contains("sent m1");
            assertThat(child.exitValue()).isZero();
        } finally {
            stub.stop();
        }
        // each host at least once (a slow machine may make the client retry on a new connection)
        assertThat(proxySaw)
                .containsOnly("CONNECT api.amazon.com:443 HTTP/1.1", "CONNECT api.amazonalexa.com:443 HTTP/1.1")
                .hasSizeGreaterThanOrEqualTo(2);
        stub.verify(postRequestedFor(urlEqualTo(Lwa.TOKEN_PATH)));
        stub.verify(postRequestedFor(urlEqualTo("/v1/skillmessages/users/u1")));
        assertThat(stub.getAllServeEvents())
                .extracting(
                        e -> e.getRequest().getProtocol() + " " + e.getRequest().getHost())
                .as("HTTP/2 by ALPN, to Amazon's host names")
                .containsOnly("HTTP/2.0 api.amazon.com", "HTTP/2.0 api.amazonalexa.com")
                .hasSizeGreaterThanOrEqualTo(2);
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("keytool %s: %s", args[0], out).isZero();
    }

    /** An HTTP proxy that answers CONNECT and tunnels every connection to the stub, recording the CONNECT lines. */
    private static final class TunnellingProxy implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "test-proxy");
            t.setDaemon(true);
            return t;
        });

        TunnellingProxy(int stubPort, List<String> seen) throws IOException {
            threads.execute(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket client = server.accept();
                        threads.execute(() -> tunnel(client, stubPort, seen));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        private void tunnel(Socket client, int stubPort, List<String> seen) {
            try (client;
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), stubPort)) {
                InputStream in = client.getInputStream();
                StringBuilder head = new StringBuilder();
                while (!head.toString().endsWith("\r\n\r\n")) {
                    int b = in.read();
                    if (b < 0) {
                        return;
                    }
                    head.append((char) b);
                }
                seen.add(head.substring(0, head.indexOf("\r\n")));
                OutputStream out = client.getOutputStream();
                out.write("HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                threads.execute(() -> copy(upstream, client));
                copy(client, upstream);
            } catch (IOException e) {
                // a side closed: the tunnel ends
            }
        }

        private static void copy(Socket from, Socket to) {
            try {
                from.getInputStream().transferTo(to.getOutputStream());
                to.shutdownOutput();
            } catch (IOException e) {
                // closed
            }
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
            threads.shutdownNow();
        }
    }
}
