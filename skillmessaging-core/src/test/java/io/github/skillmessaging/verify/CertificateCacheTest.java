package io.github.skillmessaging.verify;

import static io.github.skillmessaging.verify.TestPki.AMAZON_URL;
import static io.github.skillmessaging.verify.TestPki.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.skillmessaging.http.HttpTransport;
import io.github.skillmessaging.testing.FakeTransport;
import io.github.skillmessaging.testing.MutableClock;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CertificateCacheTest {
    private static final String TYPE = "IntentRequest";

    private final MutableClock clock = new MutableClock(NOW);
    private final FakeTransport transport = new FakeTransport().serve(AMAZON_URL, TestPki.chain());
    private final RequestVerifier verifier = RequestVerifier.builder()
            .clock(clock)
            .trustAnchors(TestPki.anchors())
            .transport(transport)
            .build();

    private VerifiedRequest verifyFreshRequest(String url) {
        byte[] body = TestPki.body(TYPE, clock.instant());
        return verifier.verify(body, url, TestPki.sign(body));
    }

    @Test
    void aSecondRequest_usesTheCachedChainWithoutDownloading() {
        verifyFreshRequest(AMAZON_URL);
        verifyFreshRequest(AMAZON_URL);

        assertThat(transport.downloads()).isEqualTo(1);
    }

    @Test
    void spellingsOfTheSameUrl_shareOneCacheEntry() {
        verifyFreshRequest(AMAZON_URL);
        verifyFreshRequest("https://S3.amazonaws.com:443/echo.api/./echo-api-cert-12.pem");

        assertThat(transport.downloads()).isEqualTo(1);
    }

    @Test
    void twentyConcurrentRequests_shareOneDownload() throws Exception {
        CompletableFuture<HttpTransport.Response> pending = new CompletableFuture<>();
        FakeTransport slow = new FakeTransport().route(AMAZON_URL, r -> pending);
        RequestVerifier v = verifier.toBuilder().transport(slow).build();
        int threads = 20;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<CompletableFuture<VerifiedRequest>>> started = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                started.add(pool.submit(() -> {
                    byte[] body = TestPki.body(TYPE, NOW);
                    String signature = TestPki.sign(body);
                    start.await();
                    return v.verifyAsync(body, AMAZON_URL, signature);
                }));
            }
            List<CompletableFuture<VerifiedRequest>> results = new ArrayList<>();
            for (Future<CompletableFuture<VerifiedRequest>> f : started) {
                results.add(f.get(10, TimeUnit.SECONDS));
            }
            assertThat(results).noneMatch(CompletableFuture::isDone);

            pending.complete(new HttpTransport.Response(200, Map.of(), TestPki.chain()));

            assertThat(results)
                    .allSatisfy(r -> assertThat(r.get(10, TimeUnit.SECONDS).requestType())
                            .isEqualTo(TYPE));
            assertThat(slow.downloads()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theCachedChain_expiresAtTheLeafsNotAfterAndIsDownloadedAgain() {
        X509Certificate shortLived =
                TestPki.leaf("echo-api.amazon.com", NOW.minusSeconds(60), NOW.plus(Duration.ofHours(1)));
        transport.serve(AMAZON_URL, TestPki.pem(shortLived, TestPki.INTERMEDIATE));

        verifyFreshRequest(AMAZON_URL);
        clock.advance(Duration.ofMinutes(59));
        verifyFreshRequest(AMAZON_URL);
        assertThat(transport.downloads()).isEqualTo(1);

        transport.serve(AMAZON_URL, TestPki.chain()); // Amazon rotated the certificate
        clock.advance(Duration.ofMinutes(1));
        verifyFreshRequest(AMAZON_URL);

        assertThat(transport.downloads()).isEqualTo(2);
    }

    @Test
    void anExpiredCachedChainThatIsNotRenewed_isRejectedAsCertExpired() {
        X509Certificate shortLived =
                TestPki.leaf("echo-api.amazon.com", NOW.minusSeconds(60), NOW.plus(Duration.ofHours(1)));
        transport.serve(AMAZON_URL, TestPki.pem(shortLived, TestPki.INTERMEDIATE));
        verifyFreshRequest(AMAZON_URL);

        clock.advance(Duration.ofHours(2));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> verifyFreshRequest(AMAZON_URL))
                .isInstanceOfSatisfying(
                        RequestVerificationException.class,
                        e -> assertThat(e.rule()).isEqualTo(VerificationRule.CERT_EXPIRED));
    }

    @Test
    void theCache_holdsNoMoreThanItsSize() {
        String other = "https://s3.amazonaws.com/echo.api/echo-api-cert-13.pem";
        transport.serve(other, TestPki.chain());
        RequestVerifier tiny = verifier.toBuilder().certificateCacheSize(1).build();

        for (String url : List.of(AMAZON_URL, other, AMAZON_URL)) {
            byte[] body = TestPki.body(TYPE, NOW);
            tiny.verify(body, url, TestPki.sign(body));
        }

        assertThat(transport.downloads()).isEqualTo(3);
    }
}
