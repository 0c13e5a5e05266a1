package io.github.skillmessaging.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxCertificatesTest {
    static final SandboxCertificates CA = SandboxCertificates.create();

    private static void validate(SandboxCertificates ca, Instant at) throws Exception {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        List<X509Certificate> parsed = new ArrayList<>();
        for (var c :
                cf.generateCertificates(new ByteArrayInputStream(ca.pemChain().getBytes(StandardCharsets.US_ASCII)))) {
            parsed.add((X509Certificate) c);
        }
        PKIXParameters params = new PKIXParameters(CA == ca ? CA.trustAnchors() : ca.trustAnchors());
        params.setRevocationEnabled(false);
        params.setDate(Date.from(at));
        CertPathValidator.getInstance("PKIX").validate(cf.generateCertPath(parsed), params);
    }

    @Test
    void theChainIsValidPkixAndCarriesAlexasName() throws Exception {
        validate(CA, Instant.now());
        assertThat(CA.leaf().getSubjectAlternativeNames())
                .anySatisfy(san -> assertThat(List.copyOf(san)).isEqualTo(List.of(2, "echo-api.amazon.com")));
        assertThat(CA.leaf().getBasicConstraints()).isEqualTo(-1);
        assertThat(CA.chain()).hasSize(2);
    }

    @Test
    void signaturesVerifyWithTheLeafKey() throws Exception {
        byte[] body = "{\"version\":\"1.0\"}".getBytes(StandardCharsets.UTF_8);
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(CA.leaf().getPublicKey());
        verifier.update(body);
        assertThat(verifier.verify(Base64.getDecoder().decode(CA.sign(body)))).isTrue();
    }

    @Test
    void anotherSandboxsRootDoesNotValidateThisChain() {
        SandboxCertificates other = SandboxCertificates.create();
        assertThatThrownBy(() -> {
                    CertificateFactory cf = CertificateFactory.getInstance("X.509");
                    PKIXParameters params = new PKIXParameters(other.trustAnchors());
                    params.setRevocationEnabled(false);
                    CertPathValidator.getInstance("PKIX").validate(cf.generateCertPath(CA.chain()), params);
                })
                .isInstanceOf(CertPathValidatorException.class);
    }

    @Test
    void brokenChainsCanBeMadeOnPurpose() throws Exception {
        Instant now = Instant.now();
        SandboxCertificates expired = SandboxCertificates.create(SandboxCertificates.Options.forTime(now)
                .withLeafValidity(now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(1))));
        assertThatThrownBy(() -> validate(expired, now)).isInstanceOf(CertPathValidatorException.class);
        SandboxCertificates wrongName = SandboxCertificates.create(
                SandboxCertificates.Options.forTime(now).withSan("evil.example.com"));
        validate(wrongName, now);
        assertThat(wrongName.leaf().getSubjectAlternativeNames())
                .allSatisfy(san -> assertThat(san.get(1)).isEqualTo("evil.example.com"));
    }

    @Test
    void datesFrom2050AreEncodedAsGeneralizedTime() throws Exception {
        Instant far = Instant.parse("2051-01-01T00:00:00Z");
        SandboxCertificates late = SandboxCertificates.create(SandboxCertificates.Options.forTime(far));
        assertThat(late.leaf().getNotAfter().toInstant()).isEqualTo(far.plus(Duration.ofDays(30)));
    }
}
