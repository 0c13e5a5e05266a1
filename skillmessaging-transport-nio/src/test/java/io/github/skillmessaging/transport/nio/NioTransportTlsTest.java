package io.github.skillmessaging.transport.nio;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.skillmessaging.error.TransportException;
import io.github.skillmessaging.http.HttpTransport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link NioTransport} over TLS against the JDK's HTTPS server, with a CA made for the test. */
class NioTransportTlsTest {
    private static final KeyPair CA_KEY = newKey();
    private static final KeyPair LEAF_KEY = newKey();
    private static final X509Certificate CA = issue("CN=Test TLS CA", CA_KEY, null, true, null);
    private static SSLContext clientContext;
    private static ScriptedServer localhost;
    private static ScriptedServer otherName;

    @BeforeAll
    static void start() throws Exception {
        clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, trustManagers(), null);
        localhost = server("localhost");
        otherName = server("other.example");
    }

    @AfterAll
    static void stop() throws Exception {
        localhost.close();
        otherName.close();
    }

    @Test
    void sendsOverTlsAndReusesTheConnection() throws Exception {
        try (NioTransport transport =
                NioTransport.builder().sslContext(clientContext).build()) {
            String url = "https://localhost:" + localhost.port() + "/v1/skillmessages/users/u";
            for (int n = 0; n < 20; n++) {
                HttpTransport.Response r = NioTransportTest.send(transport, "POST", url, "{\"n\":" + n + "}");
                assertThat(r.statusCode()).isEqualTo(202);
                assertThat(r.bodyAsString()).isEqualTo("POST {\"n\":" + n + "}");
            }
            List<CompletableFuture<HttpTransport.Response>> all = new ArrayList<>();
            for (int n = 0; n < 100; n++) { // 100 TLS handshakes on one I/O thread: slow on a loaded machine
                all.add(transport.send(NioTransportTest.request("POST", url, "{\"c\":" + n + "}")
                        .withTimeout(Duration.ofSeconds(20))));
            }
            for (int n = 0; n < 100; n++) {
                assertThat(all.get(n).get(20, TimeUnit.SECONDS).bodyAsString()).isEqualTo("POST {\"c\":" + n + "}");
            }
        }
    }

    @Test
    void refusesACertificateForAnotherHost() {
        try (NioTransport transport =
                NioTransport.builder().sslContext(clientContext).build()) {
            String url = "https://localhost:" + otherName.port() + "/x";
            Throwable t = NioTransportTest.failure(transport.send(NioTransportTest.request("GET", url, null)));
            assertThat(t).isInstanceOf(TransportException.class).hasCauseInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void refusesACertificateFromAnUntrustedCa() {
        try (NioTransport transport = NioTransport.create()) {
            String url = "https://localhost:" + localhost.port() + "/x";
            Throwable t = NioTransportTest.failure(transport.send(NioTransportTest.request("GET", url, null)));
            assertThat(t).isInstanceOf(TransportException.class).hasCauseInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void aBodyReadToTheEndIsCompleteWhenTheServerEndsWithCloseNotify() throws Exception {
        try (ScriptedServer server = new ScriptedServer(
                        (c, index) -> {
                            c.readRequest();
                            c.write("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nall of it");
                            c.socket.close(); // an SSLSocket sends close_notify before the TCP FIN
                        },
                        serverContext("localhost"));
                NioTransport transport =
                        NioTransport.builder().sslContext(clientContext).build()) {
            HttpTransport.Response r =
                    NioTransportTest.send(transport, "GET", "https://localhost:" + server.port() + "/x", null);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.bodyAsString()).isEqualTo("all of it");
        }
    }

    @Test
    void closingTheTransportSendsCloseNotifyOnItsTlsConnections() throws Exception {
        SSLContext tls12 = SSLContext.getInstance("TLSv1.2"); // alerts keep their record type in TLS 1.2
        tls12.init(null, trustManagers(), null);
        try (ScriptedServer server = new ScriptedServer(
                        (c, index) -> {
                            for (String request = c.readRequest(); request != null; request = c.readRequest()) {
                                c.write("HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n");
                            }
                        },
                        serverContext("localhost"));
                Relay relay = new Relay(server.port())) {
            NioTransport transport = NioTransport.builder().sslContext(tls12).build();
            HttpTransport.Response r =
                    NioTransportTest.send(transport, "POST", "https://localhost:" + relay.port() + "/x", "{}");
            assertThat(r.statusCode()).isEqualTo(202);
            transport.close();
            List<Integer> types = relay.clientRecordTypes(Duration.ofSeconds(10));
            assertThat(types).last().as("the last TLS record the client sent").isEqualTo(21); // alert
        }
    }

    @Test
    void bytesAfterAnAnswerInAnotherTlsRecordCloseTheConnectionInsteadOfAnsweringTheNextRequest() throws Exception {
        CountDownLatch answerA = new CountDownLatch(1);
        CountDownLatch ioThreadBlocked = new CountDownLatch(1);
        try (ScriptedServer tlsServer = new ScriptedServer(
                        (c, index) -> {
                            for (String request = c.readRequest(); request != null; request = c.readRequest()) {
                                String path = request.substring(request.indexOf(' ') + 1, request.indexOf(" HTTP/"));
                                if (path.equals("/a")) {
                                    answerA.countDown();
                                    ioThreadBlocked.await(10, TimeUnit.SECONDS);
                                    c.write("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nA"); // one record
                                    c.write("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nbogus"); // another one
                                } else {
                                    c.write("HTTP/1.1 200 OK\r\nContent-Length: " + path.length() + "\r\n\r\n" + path);
                                }
                            }
                        },
                        serverContext("localhost"));
                NioTransport transport = NioTransport.builder()
                        .sslContext(clientContext)
                        .maxConnectionsPerHost(1)
                        .build()) {
            String base = "https://localhost:" + tlsServer.port();
            CompletableFuture<HttpTransport.Response> a =
                    transport.send(NioTransportTest.request("GET", base + "/a", null));
            CompletableFuture<HttpTransport.Response> b =
                    transport.send(NioTransportTest.request("GET", base + "/b", null));
            // the I/O thread sleeps while the server writes both records, so that one read brings
            // both: the second must not become the answer of the queued request
            assertThat(answerA.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Void> sleeper = new CompletableFuture<>();
            transport.runOnIoThread(() -> {
                ioThreadBlocked.countDown();
                sleep(300);
                sleeper.complete(null);
            });
            sleeper.get(20, TimeUnit.SECONDS);
            assertThat(a.get(20, TimeUnit.SECONDS).bodyAsString()).isEqualTo("A");
            assertThat(b.get(20, TimeUnit.SECONDS).bodyAsString()).isEqualTo("/b");
            assertThat(tlsServer.connectionsAccepted()).isEqualTo(2);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static javax.net.ssl.TrustManager[] trustManagers() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", CA);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        return tmf.getTrustManagers();
    }

    /**
     * A TCP relay in front of a server that records the client's bytes, so that a test can see
     * the TLS records the client sent (their type byte), which the server's SSLSocket hides.
     */
    private static final class Relay implements AutoCloseable {
        private final ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final ByteArrayOutputStream fromClient = new ByteArrayOutputStream();
        private final CountDownLatch clientDone = new CountDownLatch(1);

        Relay(int targetPort) throws IOException {
            Thread acceptor = new Thread(() -> {
                try (Socket client = listener.accept();
                        Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
                    Thread back = new Thread(() -> copy(target, client, null));
                    back.setDaemon(true);
                    back.start();
                    copy(client, target, fromClient);
                } catch (IOException e) {
                    // the test sees what arrived before
                } finally {
                    clientDone.countDown();
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        /** The content type of every record the client sent, once it closed its side. */
        List<Integer> clientRecordTypes(Duration wait) throws InterruptedException {
            assertThat(clientDone.await(wait.toMillis(), TimeUnit.MILLISECONDS))
                    .as("client closed")
                    .isTrue();
            byte[] bytes;
            synchronized (fromClient) {
                bytes = fromClient.toByteArray();
            }
            List<Integer> types = new ArrayList<>();
            for (int at = 0; at + 5 <= bytes.length; ) {
                types.add(bytes[at] & 0xff);
                at += 5 + ((bytes[at + 3] & 0xff) << 8 | (bytes[at + 4] & 0xff));
            }
            return types;
        }

        private static void copy(Socket from, Socket to, ByteArrayOutputStream record) {
            byte[] buffer = new byte[16 * 1024];
            try {
                InputStream in = from.getInputStream();
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    if (record != null) {
                        synchronized (record) {
                            record.write(buffer, 0, n);
                        }
                    }
                    to.getOutputStream().write(buffer, 0, n);
                }
                to.shutdownOutput();
            } catch (IOException e) {
                // one side went away: the other one sees it
            }
        }

        @Override
        public void close() throws IOException {
            listener.close();
        }
    }

    private static ScriptedServer server(String dnsName) throws Exception {
        return new ScriptedServer(
                (c, index) -> {
                    for (String request = c.readRequest(); request != null; request = c.readRequest()) {
                        String body = request.substring(0, request.indexOf(' ')) + " "
                                + request.substring(request.indexOf("\r\n\r\n") + 4);
                        c.write("HTTP/1.1 202 Accepted\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
                    }
                },
                serverContext(dnsName));
    }

    private static SSLContext serverContext(String dnsName) throws Exception {
        X509Certificate leaf = issue("CN=" + dnsName, LEAF_KEY, CA_KEY.getPrivate(), false, dnsName);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("leaf", LEAF_KEY.getPrivate(), "pw".toCharArray(), new Certificate[] {leaf, CA});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, "pw".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        return context;
    }

    private static X509Certificate issue(
            String subject, KeyPair key, PrivateKey issuerKey, boolean ca, String dnsName) {
        try {
            Instant now = Instant.now();
            X500Principal name = new X500Principal(subject);
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    issuerKey == null ? name : CA.getSubjectX500Principal(),
                    BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(2))),
                    name,
                    key.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            if (dnsName != null) {
                builder.addExtension(
                        Extension.subjectAlternativeName,
                        false,
                        new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName)));
            }
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA")
                            .build(issuerKey == null ? key.getPrivate() : issuerKey)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair newKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
