package io.github.skillmessaging.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.skillmessaging.error.TransportException;
import java.math.BigInteger;
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
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", CA);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, tmf.getTrustManagers(), null);
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
        try (NioTransport transport = NioTransport.builder().sslContext(clientContext).build()) {
            String url = "https://localhost:" + localhost.port() + "/v1/skillmessages/users/u";
            for (int n = 0; n < 20; n++) {
                HttpTransport.Response r = NioTransportTest.send(transport, "POST", url, "{\"n\":" + n + "}");
                assertThat(r.statusCode()).isEqualTo(202);
                assertThat(r.bodyAsString()).isEqualTo("POST {\"n\":" + n + "}");
            }
            List<CompletableFuture<HttpTransport.Response>> all = new ArrayList<>();
            for (int n = 0; n < 100; n++) {
                all.add(transport.send(NioTransportTest.request("POST", url, "{\"c\":" + n + "}")));
            }
            for (int n = 0; n < 100; n++) {
                assertThat(all.get(n).get(20, TimeUnit.SECONDS).bodyAsString()).isEqualTo("POST {\"c\":" + n + "}");
            }
        }
    }

    @Test
    void refusesACertificateForAnotherHost() {
        try (NioTransport transport = NioTransport.builder().sslContext(clientContext).build()) {
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

    private static ScriptedServer server(String dnsName) throws Exception {
        X509Certificate leaf = issue("CN=" + dnsName, LEAF_KEY, CA_KEY.getPrivate(), false, dnsName);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("leaf", LEAF_KEY.getPrivate(), "pw".toCharArray(), new Certificate[] {leaf, CA});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, "pw".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        return new ScriptedServer((c, index) -> {
            for (String request = c.readRequest(); request != null; request = c.readRequest()) {
                String body = request.substring(0, request.indexOf(' ')) + " "
                        + request.substring(request.indexOf("\r\n\r\n") + 4);
                c.write("HTTP/1.1 202 Accepted\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
            }
        }, context);
    }

    private static X509Certificate issue(String subject, KeyPair key, PrivateKey issuerKey, boolean ca, String dnsName) {
        try {
            Instant now = Instant.now();
            X500Principal name = new X500Principal(subject);
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    issuerKey == null ? name : CA.getSubjectX500Principal(), BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(2))), name,
                    key.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            if (dnsName != null) {
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName)));
            }
            return new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey == null ? key.getPrivate() : issuerKey)));
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
