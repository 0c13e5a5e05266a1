package io.github.skillmessaging.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The settings of the default transport that show on the wire. */
class JdkHttpTransportTest {
    /** Sends one GET through {@code transport} to a raw server and returns the request head it wrote. */
    private static String headOfOneRequest(HttpTransport transport) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<String> head = CompletableFuture.supplyAsync(() -> {
                try (Socket socket = server.accept()) {
                    InputStream in = socket.getInputStream();
                    StringBuilder text = new StringBuilder();
                    while (!text.toString().endsWith("\r\n\r\n")) {
                        text.append((char) in.read());
                    }
                    socket.getOutputStream()
                            .write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"
                                    .getBytes(StandardCharsets.ISO_8859_1));
                    return text.toString();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            transport
                    .send(new HttpTransport.Request(
                            "GET",
                            URI.create("http://127.0.0.1:" + server.getLocalPort() + "/x"),
                            Map.of(),
                            null,
                            Duration.ofSeconds(10)))
                    .get(20, TimeUnit.SECONDS);
            return head.get(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void theDefaultSendsPlainHttpAsHttp11WithoutAnH2cUpgradeAttempt() throws Exception {
        String head = headOfOneRequest(JdkHttpTransport.create());
        assertThat(head)
                .startsWith("GET /x HTTP/1.1\r\n")
                .doesNotContainIgnoringCase("upgrade")
                .doesNotContainIgnoringCase("HTTP2-Settings");
    }

    @Test
    void aClientOfYourOwnKeepsItsOwnVersion() throws Exception {
        String head = headOfOneRequest(JdkHttpTransport.of(HttpClient.newHttpClient())); // HTTP/2 preferred
        assertThat(head).containsIgnoringCase("Upgrade: h2c");
    }
}
