package io.github.skillmessaging.testkit;

import io.github.skillmessaging.testkit.internal.Der;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The sandbox's own certificate authority: a root, an intermediate and a signing leaf made on
 * the spot (RSA 2048, SHA-256), shaped like the chain Alexa signs requests with: the leaf's
 * Subject Alternative Names hold {@value #ALEXA_SAN}. Hand {@link #trustAnchors()} to the request
 * verifier so it accepts the sandbox's requests, and only those.
 *
 * <p>Also makes broken chains on purpose ({@link Options}) so a skill's tests can check that
 * its verification rejects them. Immutable and thread-safe.
 */
public final class SandboxCertificates {
    /** The name Alexa's signing certificate carries. */
    public static final String ALEXA_SAN = "echo-api.amazon.com";

    private static final String SHA256_WITH_RSA = "1.2.840.113549.1.1.11";

    private final X509Certificate root;
    private final X509Certificate intermediate;
    private final X509Certificate leaf;
    private final PrivateKey leafKey;

    private SandboxCertificates(
            X509Certificate root, X509Certificate intermediate, X509Certificate leaf, PrivateKey leafKey) {
        this.root = root;
        this.intermediate = intermediate;
        this.leaf = leaf;
        this.leafKey = leafKey;
    }

    /** A valid chain: leaf valid from an hour ago for 30 days, SAN {@value #ALEXA_SAN}. */
    public static SandboxCertificates create() {
        return create(Options.defaults());
    }

    /** A chain made as {@code options} say. */
    public static SandboxCertificates create(Options options) {
        Objects.requireNonNull(options, "options");
        try {
            SecureRandom random = new SecureRandom();
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, random);
            KeyPair rootKeys = generator.generateKeyPair();
            KeyPair intermediateKeys = generator.generateKeyPair();
            KeyPair leafKeys = generator.generateKeyPair();
            Instant now = options.now;
            Instant caFrom = now.minus(Duration.ofDays(1));
            Instant caTo = now.plus(Duration.ofDays(3650));
            X509Certificate root = certificate(
                    "Skill Messaging Sandbox Root CA",
                    rootKeys,
                    "Skill Messaging Sandbox Root CA",
                    rootKeys.getPrivate(),
                    caFrom,
                    caTo,
                    true,
                    null,
                    random);
            X509Certificate intermediate = certificate(
                    "Skill Messaging Sandbox Intermediate CA",
                    intermediateKeys,
                    "Skill Messaging Sandbox Root CA",
                    rootKeys.getPrivate(),
                    caFrom,
                    caTo,
                    true,
                    null,
                    random);
            X509Certificate leaf = certificate(
                    options.san,
                    leafKeys,
                    "Skill Messaging Sandbox Intermediate CA",
                    intermediateKeys.getPrivate(),
                    options.leafNotBefore,
                    options.leafNotAfter,
                    false,
                    options.san,
                    random);
            return new SandboxCertificates(root, intermediate, leaf, leafKeys.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot make sandbox certificates: " + e.getMessage(), e);
        }
    }

    /** The root to trust. */
    public X509Certificate root() {
        return root;
    }

    /** The signing certificate. */
    public X509Certificate leaf() {
        return leaf;
    }

    /** Leaf and intermediate, in that order, as Alexa serves them. */
    public List<X509Certificate> chain() {
        return List.of(leaf, intermediate);
    }

    /** The root as a trust anchor, for the request verifier. */
    public Set<TrustAnchor> trustAnchors() {
        return Set.of(new TrustAnchor(root, null));
    }

    /** Leaf and intermediate as PEM text, as served at a {@code SignatureCertChainUrl}. */
    public String pemChain() {
        StringBuilder sb = new StringBuilder();
        try {
            for (X509Certificate c : chain()) {
                sb.append("-----BEGIN CERTIFICATE-----\n")
                        .append(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                .encodeToString(c.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return sb.toString();
    }

    /** The {@code Signature-256} header value for {@code body}: base64 SHA256withRSA by the leaf. */
    public String sign(byte[] body) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(leafKey);
            signature.update(body);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign: " + e.getMessage(), e);
        }
    }

    private static X509Certificate certificate(
            String subject,
            KeyPair subjectKeys,
            String issuer,
            PrivateKey issuerKey,
            Instant notBefore,
            Instant notAfter,
            boolean ca,
            String dnsName,
            SecureRandom random)
            throws GeneralSecurityException {
        byte[] algorithm = Der.sequence(Der.oid(SHA256_WITH_RSA), Der.nullValue());
        byte[] basicConstraints = extension("2.5.29.19", true, ca ? Der.sequence(Der.bool(true)) : Der.sequence());
        // keyUsage: digitalSignature (bit 0) for the leaf; keyCertSign (5) and cRLSign (6) for CAs.
        byte[] keyUsageBits = ca ? new byte[] {0x01, 0x06} : new byte[] {0x07, (byte) 0x80};
        byte[] keyUsage = extension("2.5.29.15", true, Der.tlv(0x03, keyUsageBits));
        byte[] extensions = dnsName == null
                ? Der.sequence(basicConstraints, keyUsage)
                : Der.sequence(
                        basicConstraints,
                        keyUsage,
                        extension(
                                "2.5.29.17",
                                false,
                                Der.sequence(Der.implicit(2, dnsName.getBytes(StandardCharsets.US_ASCII)))));
        byte[] tbs = Der.sequence(
                Der.explicit(0, Der.integer(BigInteger.TWO)),
                Der.integer(new BigInteger(64, random).add(BigInteger.ONE)),
                algorithm,
                name(issuer),
                Der.sequence(Der.time(notBefore), Der.time(notAfter)),
                name(subject),
                subjectKeys.getPublic().getEncoded(),
                Der.explicit(3, extensions));
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(issuerKey);
        signer.update(tbs);
        byte[] der = Der.sequence(tbs, algorithm, Der.bitString(signer.sign()));
        return (X509Certificate)
                CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    private static byte[] name(String commonName) {
        return Der.sequence(Der.set(Der.sequence(Der.oid("2.5.4.3"), Der.utf8(commonName))));
    }

    private static byte[] extension(String oid, boolean critical, byte[] value) {
        return critical
                ? Der.sequence(Der.oid(oid), Der.bool(true), Der.octetString(value))
                : Der.sequence(Der.oid(oid), Der.octetString(value));
    }

    /**
     * How to make the chain: when it is valid and which name the leaf carries. Change these to
     * make chains a correct verifier must reject.
     *
     * @param now the time the chain is made for
     * @param leafNotBefore start of the leaf's validity
     * @param leafNotAfter end of the leaf's validity
     * @param san the leaf's DNS Subject Alternative Name
     */
    public record Options(Instant now, Instant leafNotBefore, Instant leafNotAfter, String san) {
        /** Valid from now, for 30 days, with Alexa's name. */
        public static Options defaults() {
            return forTime(Instant.now());
        }

        public Options {
            Objects.requireNonNull(now, "now");
            Objects.requireNonNull(leafNotBefore, "leafNotBefore");
            Objects.requireNonNull(leafNotAfter, "leafNotAfter");
            Objects.requireNonNull(san, "san");
        }

        /** A valid chain for {@code now}: leaf from an hour before to 30 days after. */
        public static Options forTime(Instant now) {
            return new Options(now, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)), ALEXA_SAN);
        }

        /** The same with another leaf name. */
        public Options withSan(String newSan) {
            return new Options(now, leafNotBefore, leafNotAfter, newSan);
        }

        /** The same with another leaf validity. */
        public Options withLeafValidity(Instant notBefore, Instant notAfter) {
            return new Options(now, notBefore, notAfter, san);
        }
    }
}
