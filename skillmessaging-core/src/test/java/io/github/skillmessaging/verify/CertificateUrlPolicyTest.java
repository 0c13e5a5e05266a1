package io.github.skillmessaging.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CertificateUrlPolicyTest {
    private final CertificateUrlPolicy amazon = CertificateUrlPolicy.amazon();
    private final CertificateUrlPolicy loopback = CertificateUrlPolicy.loopbackForTesting();

    @ParameterizedTest(name = "{0} is accepted as {1}")
    @CsvSource({
        // the valid examples of Amazon's documentation
        "https://s3.amazonaws.com/echo.api/echo-api-cert.pem, https://s3.amazonaws.com/echo.api/echo-api-cert.pem",
        "https://s3.amazonaws.com:443/echo.api/echo-api-cert.pem, https://s3.amazonaws.com/echo.api/echo-api-cert.pem",
        "https://s3.amazonaws.com/echo.api/../echo.api/echo-api-cert.pem, https://s3.amazonaws.com/echo.api/echo-api-cert.pem",
        // case-insensitive scheme and host, dot segments, surrounding spaces
        "HTTPS://s3.amazonaws.com/echo.api/echo-api-cert.pem, https://s3.amazonaws.com/echo.api/echo-api-cert.pem",
        "https://S3.AmazonAWS.com/echo.api/echo-api-cert.pem, https://s3.amazonaws.com/echo.api/echo-api-cert.pem",
        "https://s3.amazonaws.com/echo.api/./sub/../echo-api-cert.pem, https://s3.amazonaws.com/echo.api/echo-api-cert.pem",
        // empty segments collapse; the normalized URL is what gets downloaded
        "https://s3.amazonaws.com//echo.api//echo-api-cert.pem, https://s3.amazonaws.com/echo.api/echo-api-cert.pem",
        "'  https://s3.amazonaws.com/echo.api/echo-api-cert.pem ', https://s3.amazonaws.com/echo.api/echo-api-cert.pem",
    })
    void amazonsValidUrls_areAcceptedAndNormalized(String url, String normalized) {
        assertThat(amazon.normalize(url)).hasToString(normalized);
    }

    @ParameterizedTest(name = "{0} is rejected")
    @ValueSource(
            strings = {
                // the invalid examples of Amazon's documentation
                "http://s3.amazonaws.com/echo.api/echo-api-cert.pem",
                "https://notamazon.com/echo.api/echo-api-cert.pem",
                "https://s3.amazonaws.com/EcHo.aPi/echo-api-cert.pem",
                "https://s3.amazonaws.com/invalid.path/echo-api-cert.pem",
                "https://s3.amazonaws.com:563/echo.api/echo-api-cert.pem",
                // an attacker's variations
                "https://s3.amazonaws.com:8443/echo.api/echo-api-cert.pem",
                "https://s3.amazonaws.com/echo.api/../evil/cert.pem",
                "https://s3.amazonaws.com/echo.api/../../echo.api/cert.pem",
                "https://s3.amazonaws.com/ECHO.API/echo-api-cert.pem",
                "https://s3.amazonaws.com/echo.api",
                "https://s3.amazonaws.com/echo.api/%2e%2e/evil/cert.pem",
                "https://s3.amazonaws.com/echo.api/%2E%2E/evil/cert.pem",
                "https://s3.amazonaws.com/echo.api/..%2fevil/cert.pem",
                "https://s3.amazonaws.com/echo.api/..%5cevil/cert.pem",
                "https://s3.amazonaws.com/echo.api/%252e%252e/evil/cert.pem",
                "https://s3.amazonaws.com/echo.api/cert.pem%00.evil",
                "https://s3.amazonaws.com@evil.example/echo.api/cert.pem",
                "https://user:pass@s3.amazonaws.com/echo.api/cert.pem",
                "https://evil.example/echo.api/cert.pem?host=s3.amazonaws.com",
                "https://s3.amazonaws.com/echo.api/cert.pem?x=1",
                "https://s3.amazonaws.com/echo.api/cert.pem#frag",
                "https://evil.example/?/s3.amazonaws.com/echo.api/cert.pem",
                "https://s3.amazonaws.com.evil.example/echo.api/cert.pem",
                "https://evil-s3.amazonaws.com/echo.api/cert.pem",
                "https://s3.amazonaws.com./echo.api/cert.pem",
                "https://s3.amazonaws.com:/echo.api/cert.pem",
                "https://52.216.0.1/echo.api/cert.pem",
                "https://s3.amazonaws.com\\@evil.example/echo.api/cert.pem",
                "https://s3.amazonaws.com/echo.api/cert .pem",
                "ftp://s3.amazonaws.com/echo.api/cert.pem",
                "//s3.amazonaws.com/echo.api/cert.pem",
                "/echo.api/cert.pem",
                "s3.amazonaws.com/echo.api/cert.pem",
                "mailto:s3.amazonaws.com",
                "http://127.0.0.1/echo.api/cert.pem",
                "",
            })
    void otherUrls_areRejectedByTheAmazonPolicy(String url) {
        assertThatThrownBy(() -> amazon.normalize(url))
                .isInstanceOfSatisfying(
                        RequestVerificationException.class,
                        e -> assertThat(e.rule()).isEqualTo(VerificationRule.CERT_URL));
    }

    @Test
    void aMissingOrHugeUrl_isRejected() {
        assertThatThrownBy(() -> amazon.normalize(null)).isInstanceOf(RequestVerificationException.class);
        assertThatThrownBy(() -> amazon.normalize("https://s3.amazonaws.com/echo.api/" + "a".repeat(3000)))
                .isInstanceOf(RequestVerificationException.class);
    }

    @ParameterizedTest(name = "{0} is accepted as {1}")
    @CsvSource({
        "http://127.0.0.1:8080/certs/chain.pem, http://127.0.0.1:8080/certs/chain.pem",
        "http://LOCALHOST:1/a/../chain.pem, http://localhost:1/chain.pem",
        "https://127.1.2.3/chain.pem, https://127.1.2.3/chain.pem",
        "'http://[::1]:9000/chain.pem', 'http://[::1]:9000/chain.pem'",
    })
    void theTestPolicy_acceptsLoopbackUrls(String url, String normalized) {
        assertThat(loopback.normalize(url)).hasToString(normalized);
        assertThat(loopback.isForTestingOnly()).isTrue();
        assertThat(amazon.isForTestingOnly()).isFalse();
    }

    @ParameterizedTest(name = "{0} is rejected")
    @ValueSource(
            strings = {
                "https://s3.amazonaws.com/echo.api/echo-api-cert.pem",
                "http://127.0.0.1.evil.example/chain.pem",
                "http://localhost.evil.example/chain.pem",
                "http://10.0.0.1/chain.pem",
                "http://128.0.0.1/chain.pem",
                "http://127.0.0.256/chain.pem",
                "http://127.0.0.1@evil.example/chain.pem",
                "http://evil.example@127.0.0.1/chain.pem",
                "http://127.0.0.1/%2e%2e/chain.pem",
                "http://127.0.0.1/chain.pem?x",
                "file://127.0.0.1/etc/passwd",
                "ftp://127.0.0.1/chain.pem",
            })
    void theTestPolicy_rejectsEverythingButLoopback(String url) {
        assertThatThrownBy(() -> loopback.normalize(url))
                .isInstanceOfSatisfying(
                        RequestVerificationException.class,
                        e -> assertThat(e.rule()).isEqualTo(VerificationRule.CERT_URL));
    }
}
