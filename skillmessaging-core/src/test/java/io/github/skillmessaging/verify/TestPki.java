package io.github.skillmessaging.verify;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A throw-away PKI for tests: a root, an intermediate, leaves, and an untrusted second root. */
final class TestPki {
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final String AMAZON_URL = "https://s3.amazonaws.com/echo.api/echo-api-cert-12.pem";
    static final String SKILL_ID = "amzn1.ask.skill.00000000-1111-2222-3333-444444444444";

    private static final AtomicLong SERIAL = new AtomicLong(1000);

    static final KeyPair ROOT_KEY = newKey();
    static final KeyPair INTERMEDIATE_KEY = newKey();
    static final KeyPair LEAF_KEY = newKey();
    static final KeyPair OTHER_KEY = newKey();

    static final X509Certificate ROOT = ca("CN=Test Root CA", ROOT_KEY, null, null);
    static final X509Certificate INTERMEDIATE =
            ca("CN=Test Intermediate CA", INTERMEDIATE_KEY, ROOT, ROOT_KEY.getPrivate());
    static final X509Certificate LEAF =
            leaf("echo-api.amazon.com", NOW.minus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(30)));

    static final X509Certificate EVIL_ROOT = ca("CN=Test Root CA", OTHER_KEY, null, null);
    /** Another root, and the trusted root's name and key certified by it (a cross-signed root). */
    static final X509Certificate LEGACY_ROOT = ca("CN=Test Legacy Root", OTHER_KEY, null, null);

    static final X509Certificate CROSS_SIGNED_ROOT =
            ca("CN=Test Root CA", ROOT_KEY, LEGACY_ROOT, OTHER_KEY.getPrivate());
    static final X509Certificate EVIL_INTERMEDIATE =
            ca("CN=Test Intermediate CA", INTERMEDIATE_KEY, EVIL_ROOT, OTHER_KEY.getPrivate());

    private TestPki() {}

    static Set<TrustAnchor> anchors() {
        return Set.of(new TrustAnchor(ROOT, null));
    }

    /** The valid chain: leaf, intermediate, root. */
    static byte[] chain() {
        return pem(LEAF, INTERMEDIATE, ROOT);
    }

    static X509Certificate leaf(String san, Instant notBefore, Instant notAfter) {
        return issue(
                "CN=echo-api.amazon.com",
                LEAF_KEY,
                INTERMEDIATE,
                INTERMEDIATE_KEY.getPrivate(),
                notBefore,
                notAfter,
                false,
                san);
    }

    static X509Certificate leafIssuedBy(X509Certificate issuer, PrivateKey issuerKey) {
        return issue(
                "CN=echo-api.amazon.com",
                LEAF_KEY,
                issuer,
                issuerKey,
                NOW.minus(Duration.ofDays(30)),
                NOW.plus(Duration.ofDays(30)),
                false,
                "echo-api.amazon.com");
    }

    static X509Certificate ca(String name, KeyPair key, X509Certificate issuer, PrivateKey issuerKey) {
        return issue(
                name,
                key,
                issuer,
                issuerKey,
                NOW.minus(Duration.ofDays(365)),
                NOW.plus(Duration.ofDays(3650)),
                true,
                null);
    }

    private static X509Certificate issue(
            String subject,
            KeyPair key,
            X509Certificate issuer,
            PrivateKey issuerKey,
            Instant notBefore,
            Instant notAfter,
            boolean ca,
            String san) {
        try {
            X500Principal subjectName = new X500Principal(subject);
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    issuer == null ? subjectName : issuer.getSubjectX500Principal(),
                    BigInteger.valueOf(SERIAL.incrementAndGet()),
                    Date.from(notBefore),
                    Date.from(notAfter),
                    subjectName,
                    key.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            builder.addExtension(
                    Extension.keyUsage,
                    true,
                    new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature));
            if (san != null) {
                builder.addExtension(
                        Extension.subjectAlternativeName,
                        false,
                        new GeneralNames(new GeneralName(GeneralName.dNSName, san)));
            }
            PrivateKey signingKey = issuerKey == null ? key.getPrivate() : issuerKey;
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signingKey)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] pem(X509Certificate... certs) {
        StringBuilder sb = new StringBuilder();
        Base64.Encoder encoder = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        for (X509Certificate cert : certs) {
            try {
                sb.append("-----BEGIN CERTIFICATE-----\n")
                        .append(encoder.encodeToString(cert.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    static String sign(byte[] body) {
        return sign(body, LEAF_KEY.getPrivate());
    }

    static String sign(byte[] body, PrivateKey key) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(body);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] body(String type, Instant timestamp) {
        return body(type, "amzn1.echo-api.request." + SERIAL.incrementAndGet(), timestamp.toString(), SKILL_ID);
    }

    static byte[] body(String type, String requestId, String timestamp, String applicationId) {
        String application =
                applicationId == null ? "" : "\"application\": {\"applicationId\": \"" + applicationId + "\"}, ";
        String json = "{\"version\": \"1.0\", \"context\": {\"System\": {" + application
                + "\"user\": {\"userId\": \"amzn1.ask.account.TEST\"}, \"apiEndpoint\": \"https://api.amazonalexa.com\", "
                + "\"apiAccessToken\": \"SECRET-API-ACCESS-TOKEN\"}}, "
                + "\"request\": {\"type\": \"" + type + "\", \"requestId\": \"" + requestId + "\", "
                + "\"timestamp\": \"" + timestamp + "\", \"message\": {\"Key\": \"Some Value\"}}}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static KeyPair newKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
