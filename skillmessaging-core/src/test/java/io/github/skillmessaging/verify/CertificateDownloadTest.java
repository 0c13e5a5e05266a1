package io.github.skillmessaging.verify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.skillmessaging.verify.TestPki.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.skillmessaging.http.JdkHttpTransport;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Real downloads over HTTP from a local server, through the test-only loopback URL policy. */
class CertificateDownloadTest {
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final Duration TIMEOUT = Duration.ofMillis(700);
    private static final JdkHttpTransport TRANSPORT = JdkHttpTransport.create();

    private final RequestVerifier verifier = RequestVerifier.builder()
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .trustAnchors(TestPki.anchors())
            .transport(TRANSPORT)
            .fetchTimeout(TIMEOUT)
            .certificateUrlPolicy(CertificateUrlPolicy.loopbackForTesting())
            .build();

    private String url(String path) {
        return "http://127.0.0.1:" + server.getPort() + path;
    }

    private RequestVerificationException rejection(String path) {
        byte[] body = TestPki.body("IntentRequest", NOW);
        return catchThrowableOfType(
                RequestVerificationException.class, () -> verifier.verify(body, url(path), TestPki.sign(body)));
    }

    @Test
    void aChainServedLocally_verifiesSyncAndAsyncWithOneDownload() {
        server.stubFor(get("/echo.api/chain.pem")
                .willReturn(aResponse().withStatus(200).withBody(TestPki.chain())));
        byte[] body = TestPki.body("IntentRequest", NOW);
        String signature = TestPki.sign(body);

        assertThat(verifier.verify(body, url("/echo.api/chain.pem"), signature).requestType())
                .isEqualTo("IntentRequest");
        assertThat(verifier.verifyAsync(body, url("/echo.api/x/../chain.pem"), signature)
                        .join()
                        .requestType())
                .isEqualTo("IntentRequest");

        server.verify(1, getRequestedFor(urlEqualTo("/echo.api/chain.pem")));
    }

    @Test
    void aNotFoundChain_isRejectedAsCertDownload() {
        server.stubFor(get("/missing.pem").willReturn(aResponse().withStatus(404)));

        assertThat(rejection("/missing.pem").rule()).isEqualTo(VerificationRule.CERT_DOWNLOAD);
    }

    @Test
    void aRedirect_isNotFollowed() {
        server.stubFor(get("/redirect.pem")
                .willReturn(aResponse().withStatus(302).withHeader("Location", "https://evil.example/c.pem")));

        assertThat(rejection("/redirect.pem").rule()).isEqualTo(VerificationRule.CERT_DOWNLOAD);
    }

    @Test
    void anOversizedChain_isRejectedAsCertDownload() {
        server.stubFor(get("/huge.pem").willReturn(aResponse().withStatus(200).withBody(new byte[200 * 1024])));

        RequestVerificationException e = rejection("/huge.pem");

        assertThat(e.rule()).isEqualTo(VerificationRule.CERT_DOWNLOAD);
        assertThat(e).hasMessageContaining("more than 65536");
    }

    @Test
    void aServerThatAnswersTooLate_isRejectedAsCertDownloadWithinTheTimeout() {
        server.stubFor(get("/slow.pem")
                .willReturn(
                        aResponse().withStatus(200).withBody(TestPki.chain()).withFixedDelay(2_500)));

        long start = System.nanoTime();
        RequestVerificationException e = rejection("/slow.pem");

        assertThat(e.rule()).isEqualTo(VerificationRule.CERT_DOWNLOAD);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.plusSeconds(2));
    }

    @Test
    void aBodyThatTricklesIn_isCutOffByTheFetchTimeout() {
        server.stubFor(get("/trickle.pem")
                .willReturn(
                        aResponse().withStatus(200).withBody(TestPki.chain()).withChunkedDribbleDelay(20, 2_500)));

        long start = System.nanoTime();
        RequestVerificationException e = rejection("/trickle.pem");

        assertThat(e.rule()).isEqualTo(VerificationRule.CERT_DOWNLOAD);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.plusSeconds(2));
    }
}
