package io.github.skillmessaging.verify;

import static io.github.skillmessaging.verify.TestPki.AMAZON_URL;
import static io.github.skillmessaging.verify.TestPki.NOW;
import static io.github.skillmessaging.verify.TestPki.SKILL_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.skillmessaging.testing.FakeTransport;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestVerifierTest {
    private static final String MESSAGE = "Messaging.MessageReceived";
    private static final String INTENT = "IntentRequest";

    private final FakeTransport transport = new FakeTransport().serve(AMAZON_URL, TestPki.chain());
    private final RequestVerifier verifier = RequestVerifier.builder()
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .trustAnchors(TestPki.anchors())
            .transport(transport)
            .build();

    private static RequestVerificationException rejection(
            RequestVerifier verifier, byte[] body, String url, String signature) {
        return catchThrowableOfType(RequestVerificationException.class, () -> verifier.verify(body, url, signature));
    }

    private RequestVerificationException rejection(byte[] body, String url, String signature) {
        return rejection(verifier, body, url, signature);
    }

    private static RequestVerifier verifierServing(byte[] chain) {
        return RequestVerifier.builder()
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .trustAnchors(TestPki.anchors())
                .transport(new FakeTransport().serve(AMAZON_URL, chain))
                .build();
    }

    @Nested
    class ValidRequests {
        @Test
        void aGenuineRequest_passesAndReportsWhatWasVerified() {
            byte[] body = TestPki.body(
                    MESSAGE, "amzn1.echo-api.request.1", NOW.minusSeconds(10).toString(), SKILL_ID);

            VerifiedRequest verified = verifier.verify(body, AMAZON_URL, TestPki.sign(body));

            assertThat(verified.requestType()).isEqualTo(MESSAGE);
            assertThat(verified.requestId()).isEqualTo("amzn1.echo-api.request.1");
            assertThat(verified.timestamp()).isEqualTo(NOW.minusSeconds(10));
            assertThat(verified.applicationId()).contains(SKILL_ID);
            assertThat(verified.acceptedUntil()).isEqualTo(NOW.minusSeconds(10).plus(Duration.ofHours(1)));
        }

        @Test
        void aGenuineRequest_passesAsynchronously() {
            byte[] body = TestPki.body(INTENT, NOW);

            CompletableFuture<VerifiedRequest> future = verifier.verifyAsync(body, AMAZON_URL, TestPki.sign(body));

            assertThat(future.join().requestType()).isEqualTo(INTENT);
        }

        @Test
        void headers_areLookedUpCaseInsensitivelyInAStringMap() {
            byte[] body = TestPki.body(INTENT, NOW);
            Map<String, String> headers = Map.of(
                    "signaturecertchainurl",
                    AMAZON_URL,
                    "SIGNATURE-256",
                    TestPki.sign(body),
                    "content-type",
                    "application/json");

            assertThat(verifier.verify(body, headers).requestType()).isEqualTo(INTENT);
        }

        @Test
        void headers_areLookedUpInAMultiValueMapAsJdkHttpServerGivesThem() {
            byte[] body = TestPki.body(INTENT, NOW);
            Map<String, List<String>> headers =
                    Map.of("Signaturecertchainurl", List.of(AMAZON_URL), "Signature-256", List.of(TestPki.sign(body)));

            assertThat(verifier.verifyAsync(body, headers).join().requestType()).isEqualTo(INTENT);
        }

        @Test
        void aChainInAnyOrder_validatesFromTheFirstCertificate() {
            byte[] body = TestPki.body(INTENT, NOW);
            RequestVerifier shuffled = verifierServing(TestPki.pem(TestPki.LEAF, TestPki.ROOT, TestPki.INTERMEDIATE));

            assertThat(shuffled.verify(body, AMAZON_URL, TestPki.sign(body)).requestType())
                    .isEqualTo(INTENT);
        }

        @Test
        void aChainWithoutTheRoot_validatesToTheTrustAnchor() {
            byte[] body = TestPki.body(INTENT, NOW);
            RequestVerifier noRoot = verifierServing(TestPki.pem(TestPki.LEAF, TestPki.INTERMEDIATE));

            assertThat(noRoot.verify(body, AMAZON_URL, TestPki.sign(body)).requestType())
                    .isEqualTo(INTENT);
        }

        @Test
        void aChainEndingInACrossSignedRoot_validatesToTheTrustedSelfSignedRoot() {
            byte[] body = TestPki.body(INTENT, NOW);
            byte[] chain = TestPki.pem(TestPki.LEAF, TestPki.INTERMEDIATE, TestPki.CROSS_SIGNED_ROOT);

            assertThat(verifierServing(chain)
                            .verify(body, AMAZON_URL, TestPki.sign(body))
                            .requestType())
                    .isEqualTo(INTENT);
        }

        @Test
        void aChainEndingInACrossSignedRoot_validatesToTheOlderRootWhenOnlyThatIsTrusted() {
            byte[] body = TestPki.body(INTENT, NOW);
            RequestVerifier legacyTrust = RequestVerifier.builder()
                    .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                    .trustAnchors(java.util.Set.of(new java.security.cert.TrustAnchor(TestPki.LEGACY_ROOT, null)))
                    .transport(new FakeTransport()
                            .serve(
                                    AMAZON_URL,
                                    TestPki.pem(TestPki.LEAF, TestPki.INTERMEDIATE, TestPki.CROSS_SIGNED_ROOT)))
                    .build();

            assertThat(legacyTrust.verify(body, AMAZON_URL, TestPki.sign(body)).requestType())
                    .isEqualTo(INTENT);
        }

        @Test
        void aMessageWithoutAnApplicationId_passesWhenNoAllowListIsSet() {
            byte[] body = TestPki.body(MESSAGE, "id-1", NOW.toString(), null);

            assertThat(verifier.verify(body, AMAZON_URL, TestPki.sign(body)).applicationId())
                    .isEmpty();
        }

        @Test
        void theApplicationId_fallsBackToTheSession() {
            String json = "{\"session\": {\"application\": {\"applicationId\": \"" + SKILL_ID + "\"}}, "
                    + "\"request\": {\"type\": \"LaunchRequest\", \"requestId\": \"r1\", \"timestamp\": \"" + NOW
                    + "\"}}";
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            RequestVerifier allowList =
                    verifier.toBuilder().allowedApplicationIds(SKILL_ID).build();

            assertThat(allowList.verify(body, AMAZON_URL, TestPki.sign(body)).applicationId())
                    .contains(SKILL_ID);
        }

        @Test
        void theDownloadedUrl_isTheNormalizedOne() {
            byte[] body = TestPki.body(INTENT, NOW);

            verifier.verify(
                    body, "HTTPS://S3.AMAZONAWS.COM:443/echo.api/../echo.api/echo-api-cert-12.pem", TestPki.sign(body));

            assertThat(transport.requests())
                    .singleElement()
                    .satisfies(r -> assertThat(r.uri().toString()).isEqualTo(AMAZON_URL))
                    .satisfies(r -> assertThat(r.method()).isEqualTo("GET"))
                    .satisfies(r -> assertThat(r.timeout()).isEqualTo(RequestVerifier.DEFAULT_FETCH_TIMEOUT));
        }
    }

    @Nested
    class Forgeries {
        @Test
        void aBodyWithOneByteChanged_isRejectedBySignature() {
            byte[] body = TestPki.body(INTENT, NOW);
            String signature = TestPki.sign(body);
            body[body.length - 3] ^= 1;

            assertThat(rejection(body, AMAZON_URL, signature).rule()).isEqualTo(VerificationRule.SIGNATURE);
        }

        @Test
        void aSignatureMadeWithAnotherKey_isRejectedBySignature() {
            byte[] body = TestPki.body(INTENT, NOW);

            assertThat(rejection(body, AMAZON_URL, TestPki.sign(body, TestPki.OTHER_KEY.getPrivate()))
                            .rule())
                    .isEqualTo(VerificationRule.SIGNATURE);
        }

        @Test
        void aSignatureThatIsNotBase64_isRejectedBySignatureBeforeAnyDownload() {
            byte[] body = TestPki.body(INTENT, NOW);

            assertThat(rejection(body, AMAZON_URL, "not*base64!").rule()).isEqualTo(VerificationRule.SIGNATURE);
            assertThat(transport.downloads()).isZero();
        }

        @Test
        void aMissingCertChainUrlHeader_isRejectedAsMissingHeader() {
            byte[] body = TestPki.body(INTENT, NOW);

            RequestVerificationException e = rejection(body, null, TestPki.sign(body));

            assertThat(e.rule()).isEqualTo(VerificationRule.MISSING_HEADER);
            assertThat(e).hasMessageContaining("SignatureCertChainUrl");
        }

        @Test
        void aMissingSignatureHeader_isRejectedAsMissingHeader() {
            byte[] body = TestPki.body(INTENT, NOW);

            RequestVerificationException e = rejection(body, AMAZON_URL, " ");

            assertThat(e.rule()).isEqualTo(VerificationRule.MISSING_HEADER);
            assertThat(e).hasMessageContaining("Signature-256");
        }

        @Test
        void aHeaderMapWithoutTheSignature_isRejectedAsMissingHeader() {
            byte[] body = TestPki.body(INTENT, NOW);
            Map<String, String> headers = Map.of("SignatureCertChainUrl", AMAZON_URL, "Signature", TestPki.sign(body));

            assertThatThrownBy(() -> verifier.verify(body, headers))
                    .isInstanceOfSatisfying(
                            RequestVerificationException.class,
                            e -> assertThat(e.rule()).isEqualTo(VerificationRule.MISSING_HEADER));
        }

        @Test
        void aHeaderGivenTwice_isRejectedAsMissingHeader() {
            byte[] body = TestPki.body(INTENT, NOW);
            Map<String, Object> headers = new HashMap<>();
            headers.put("SignatureCertChainUrl", AMAZON_URL);
            headers.put("Signature-256", List.of(TestPki.sign(body), "AAAA"));

            assertThatThrownBy(() -> verifier.verify(body, headers))
                    .isInstanceOfSatisfying(
                            RequestVerificationException.class,
                            e -> assertThat(e.rule()).isEqualTo(VerificationRule.MISSING_HEADER));
        }

        @Test
        void aMissingBody_isRejectedAsMalformedBody() {
            assertThat(rejection(null, AMAZON_URL, "AAAA").rule()).isEqualTo(VerificationRule.MALFORMED_BODY);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "https://evil.example.com/echo.api/echo-api-cert-12.pem",
                    "http://s3.amazonaws.com/echo.api/echo-api-cert-12.pem",
                    "https://s3.amazonaws.com:8443/echo.api/echo-api-cert-12.pem",
                    "https://s3.amazonaws.com/echo.api/../evil/echo-api-cert-12.pem",
                    "https://s3.amazonaws.com/ECHO.API/echo-api-cert-12.pem"
                })
        void aForgedCertificateUrl_isRejectedBeforeAnyDownload(String url) {
            byte[] body = TestPki.body(INTENT, NOW);

            assertThat(rejection(body, url, TestPki.sign(body)).rule()).isEqualTo(VerificationRule.CERT_URL);
            assertThat(transport.downloads()).isZero();
        }

        @Test
        void anExpiredLeaf_isRejectedAsCertExpired() {
            X509Certificate expired =
                    TestPki.leaf("echo-api.amazon.com", NOW.minus(Duration.ofDays(60)), NOW.minusSeconds(1));
            byte[] body = TestPki.body(INTENT, NOW);

            RequestVerificationException e = rejection(
                    verifierServing(TestPki.pem(expired, TestPki.INTERMEDIATE)), body, AMAZON_URL, TestPki.sign(body));

            assertThat(e.rule()).isEqualTo(VerificationRule.CERT_EXPIRED);
            assertThat(e).hasMessageContaining("expired");
        }

        @Test
        void aLeafNotYetValid_isRejectedAsCertExpired() {
            X509Certificate future =
                    TestPki.leaf("echo-api.amazon.com", NOW.plusSeconds(60), NOW.plus(Duration.ofDays(60)));
            byte[] body = TestPki.body(INTENT, NOW);

            RequestVerificationException e = rejection(
                    verifierServing(TestPki.pem(future, TestPki.INTERMEDIATE)), body, AMAZON_URL, TestPki.sign(body));

            assertThat(e.rule()).isEqualTo(VerificationRule.CERT_EXPIRED);
            assertThat(e).hasMessageContaining("not valid before");
        }

        @Test
        void aLeafForAnotherName_isRejectedAsCertSan() {
            X509Certificate wrongSan = TestPki.leaf(
                    "echo-api.amazon.com.evil.example", NOW.minusSeconds(60), NOW.plus(Duration.ofDays(1)));
            byte[] body = TestPki.body(INTENT, NOW);

            assertThat(rejection(
                                    verifierServing(TestPki.pem(wrongSan, TestPki.INTERMEDIATE)),
                                    body,
                                    AMAZON_URL,
                                    TestPki.sign(body))
                            .rule())
                    .isEqualTo(VerificationRule.CERT_SAN);
        }

        @Test
        void aChainToAnUntrustedRootWithTheTrustedRootsName_isRejectedAsCertChain() {
            X509Certificate leaf =
                    TestPki.leafIssuedBy(TestPki.EVIL_INTERMEDIATE, TestPki.INTERMEDIATE_KEY.getPrivate());
            byte[] body = TestPki.body(INTENT, NOW);

            assertThat(rejection(
                                    verifierServing(TestPki.pem(leaf, TestPki.EVIL_INTERMEDIATE, TestPki.EVIL_ROOT)),
                                    body,
                                    AMAZON_URL,
                                    TestPki.sign(body))
                            .rule())
                    .isEqualTo(VerificationRule.CERT_CHAIN);
        }

        @Test
        void aLeafSignedDirectlyByAnUntrustedRoot_isRejectedAsCertChain() {
            X509Certificate leaf = TestPki.leafIssuedBy(TestPki.EVIL_ROOT, TestPki.OTHER_KEY.getPrivate());
            byte[] body = TestPki.body(INTENT, NOW);

            assertThat(rejection(verifierServing(TestPki.pem(leaf)), body, AMAZON_URL, TestPki.sign(body))
                            .rule())
                    .isEqualTo(VerificationRule.CERT_CHAIN);
        }

        @Test
        void theJdksRoots_doNotTrustATestRoot() {
            byte[] body = TestPki.body(INTENT, NOW);
            RequestVerifier jdkTrust =
                    verifier.toBuilder().defaultTrustAnchors().build();

            assertThat(rejection(jdkTrust, body, AMAZON_URL, TestPki.sign(body)).rule())
                    .isEqualTo(VerificationRule.CERT_CHAIN);
        }

        @Test
        void aResponseThatIsNotPem_isRejectedAsCertChain() {
            byte[] body = TestPki.body(INTENT, NOW);

            assertThat(rejection(
                                    verifierServing("<html>nope</html>".getBytes(StandardCharsets.UTF_8)),
                                    body,
                                    AMAZON_URL,
                                    TestPki.sign(body))
                            .rule())
                    .isEqualTo(VerificationRule.CERT_CHAIN);
        }

        @Test
        void aStaleTimestamp_isRejectedAsTimestamp() {
            byte[] body = TestPki.body(INTENT, NOW.minusSeconds(151));

            assertThat(rejection(body, AMAZON_URL, TestPki.sign(body)).rule()).isEqualTo(VerificationRule.TIMESTAMP);
        }

        @Test
        void aTimestampExactlyAtTheTolerance_passes() {
            byte[] body = TestPki.body(INTENT, NOW.minusSeconds(150));

            assertThat(verifier.verify(body, AMAZON_URL, TestPki.sign(body)).acceptedUntil())
                    .isEqualTo(NOW);
        }

        @Test
        void aFutureTimestamp_isRejectedAsTimestamp() {
            byte[] body = TestPki.body(INTENT, NOW.plusSeconds(151));

            assertThat(rejection(body, AMAZON_URL, TestPki.sign(body)).rule()).isEqualTo(VerificationRule.TIMESTAMP);
        }

        @Test
        void aFutureTimestampOfAnHourLongType_isStillRejectedBeyondTheFutureTolerance() {
            byte[] body = TestPki.body("AlexaSkillEvent.SkillEnabled", NOW.plus(Duration.ofMinutes(30)));

            assertThat(rejection(body, AMAZON_URL, TestPki.sign(body)).rule()).isEqualTo(VerificationRule.TIMESTAMP);
        }

        @Test
        void anotherSkillsRequest_isRejectedAsApplicationId() {
            RequestVerifier allowList =
                    verifier.toBuilder().allowedApplicationIds(SKILL_ID).build();
            byte[] body = TestPki.body(INTENT, "r1", NOW.toString(), "amzn1.ask.skill.someone-else");

            assertThat(rejection(allowList, body, AMAZON_URL, TestPki.sign(body))
                            .rule())
                    .isEqualTo(VerificationRule.APPLICATION_ID);
        }

        @Test
        void aRequestWithoutApplicationId_isRejectedWhenAnAllowListIsSet() {
            RequestVerifier allowList =
                    verifier.toBuilder().allowedApplicationIds(SKILL_ID).build();
            byte[] body = TestPki.body(MESSAGE, "r1", NOW.toString(), null);

            assertThat(rejection(allowList, body, AMAZON_URL, TestPki.sign(body))
                            .rule())
                    .isEqualTo(VerificationRule.APPLICATION_ID);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "not json",
                    "[1, 2]",
                    "{\"request\": {\"type\": \"X\", \"requestId\": \"r\"}}",
                    "{\"request\": {\"type\": \"X\", \"timestamp\": \"2026-11-25T10:00:00Z\"}}",
                    "{\"request\": {\"requestId\": \"r\", \"timestamp\": \"2026-11-25T10:00:00Z\"}}",
                    "{\"request\": {\"type\": \"X\", \"requestId\": \"r\", \"timestamp\": \"yesterday\"}}"
                })
        void aSignedBodyWithoutTypeIdOrTimestamp_isRejectedAsMalformedBody(String json) {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);

            assertThat(rejection(body, AMAZON_URL, TestPki.sign(body)).rule())
                    .isEqualTo(VerificationRule.MALFORMED_BODY);
        }

        @Test
        void timestampsWithAnOffsetOrAsEpochMillis_areUnderstood() {
            String offset =
                    "{\"request\": {\"type\": \"X\", \"requestId\": \"r\", \"timestamp\": \"2026-11-25T11:00:00+01:00\"}}";
            String millis =
                    "{\"request\": {\"type\": \"X\", \"requestId\": \"r\", \"timestamp\": " + NOW.toEpochMilli() + "}}";

            for (String json : List.of(offset, millis)) {
                byte[] body = json.getBytes(StandardCharsets.UTF_8);
                assertThat(verifier.verify(body, AMAZON_URL, TestPki.sign(body)).timestamp())
                        .isEqualTo(NOW);
            }
        }

        @Test
        void rejectionMessages_neverContainTheBodyTokensOrSignature() {
            byte[] body = TestPki.body(INTENT, NOW);
            String signature = TestPki.sign(body);
            body[body.length - 3] ^= 1;

            RequestVerificationException e = rejection(body, AMAZON_URL, signature);

            assertThat(e.getMessage())
                    .doesNotContain("SECRET")
                    .doesNotContain(signature)
                    .doesNotContain("Some Value");
            assertThat(e.statusCode()).isEqualTo(400);
        }

        @Test
        void anAsyncRejection_failsTheFutureWithTheRule() {
            byte[] body = TestPki.body(INTENT, NOW.minus(Duration.ofHours(2)));

            CompletableFuture<VerifiedRequest> future = verifier.verifyAsync(body, AMAZON_URL, TestPki.sign(body));

            assertThatThrownBy(future::join)
                    .isInstanceOf(CompletionException.class)
                    .cause()
                    .isInstanceOfSatisfying(
                            RequestVerificationException.class,
                            e -> assertThat(e.rule()).isEqualTo(VerificationRule.TIMESTAMP));
            assertThatThrownBy(future::get)
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(RequestVerificationException.class);
        }
    }

    @Nested
    class Downloads {
        @Test
        void aChainThatIsNotFound_isRejectedAsCertDownload() {
            byte[] body = TestPki.body(INTENT, NOW);
            String missing = "https://s3.amazonaws.com/echo.api/missing.pem";

            assertThat(rejection(body, missing, TestPki.sign(body)).rule()).isEqualTo(VerificationRule.CERT_DOWNLOAD);
        }

        @Test
        void anOversizedChain_isRejectedAsCertDownload() {
            byte[] huge = new byte[RequestVerifier.MAX_CHAIN_BYTES + 1];
            byte[] body = TestPki.body(INTENT, NOW);

            RequestVerificationException e = rejection(verifierServing(huge), body, AMAZON_URL, TestPki.sign(body));

            assertThat(e.rule()).isEqualTo(VerificationRule.CERT_DOWNLOAD);
            assertThat(e).hasMessageContaining("more than 65536");
        }

        @Test
        void aTransportThatNeverAnswers_isCutOffByTheFetchTimeout() {
            FakeTransport silent = new FakeTransport().route(AMAZON_URL, r -> new CompletableFuture<>());
            RequestVerifier impatient = verifier.toBuilder()
                    .transport(silent)
                    .fetchTimeout(Duration.ofMillis(200))
                    .build();
            byte[] body = TestPki.body(INTENT, NOW);

            long start = System.nanoTime();
            RequestVerificationException e = rejection(impatient, body, AMAZON_URL, TestPki.sign(body));

            assertThat(e.rule()).isEqualTo(VerificationRule.CERT_DOWNLOAD);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            assertThat(silent.requests())
                    .singleElement()
                    .satisfies(r -> assertThat(r.timeout()).isEqualTo(Duration.ofMillis(200)));
        }

        @Test
        void aTransportThatThrows_isRejectedAsCertDownload() {
            FakeTransport broken = new FakeTransport().route(AMAZON_URL, r -> {
                throw new IllegalStateException("boom");
            });
            byte[] body = TestPki.body(INTENT, NOW);

            assertThat(rejection(verifier.toBuilder().transport(broken).build(), body, AMAZON_URL, TestPki.sign(body))
                            .rule())
                    .isEqualTo(VerificationRule.CERT_DOWNLOAD);
        }

        @Test
        void aFailedDownload_isNotCached() {
            FakeTransport flaky = new FakeTransport();
            RequestVerifier v = verifier.toBuilder().transport(flaky).build();
            byte[] body = TestPki.body(INTENT, NOW);
            String signature = TestPki.sign(body);

            assertThat(rejection(v, body, AMAZON_URL, signature).rule()).isEqualTo(VerificationRule.CERT_DOWNLOAD);
            flaky.serve(AMAZON_URL, TestPki.chain());

            assertThat(v.verify(body, AMAZON_URL, signature).requestType()).isEqualTo(INTENT);
            assertThat(flaky.downloads()).isEqualTo(2);
        }

        @Test
        void anInterruptedBlockingVerify_failsAndKeepsTheInterruptFlag() {
            FakeTransport silent = new FakeTransport().route(AMAZON_URL, r -> new CompletableFuture<>());
            RequestVerifier v = verifier.toBuilder()
                    .transport(silent)
                    .fetchTimeout(Duration.ofSeconds(30))
                    .build();
            byte[] body = TestPki.body(INTENT, NOW);

            Thread.currentThread().interrupt();
            try {
                RequestVerificationException e = rejection(v, body, AMAZON_URL, TestPki.sign(body));

                assertThat(e.rule()).isEqualTo(VerificationRule.CERT_DOWNLOAD);
                assertThat(e).hasMessageContaining("interrupted");
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            } finally {
                Thread.interrupted();
            }
        }
    }

    @Nested
    class Configuration {
        @Test
        void toBuilder_keepsEverySetting() {
            RequestVerifier original = verifier.toBuilder()
                    .fetchTimeout(Duration.ofSeconds(2))
                    .certificateCacheSize(3)
                    .allowedApplicationIds(SKILL_ID)
                    .timestampPolicy(TimestampPolicy.amazonSdkDefaults())
                    .certificateUrlPolicy(CertificateUrlPolicy.loopbackForTesting())
                    .build();

            RequestVerifier copy = original.toBuilder().build();

            assertThat(copy.fetchTimeout()).isEqualTo(Duration.ofSeconds(2));
            assertThat(copy.certificateCacheSize()).isEqualTo(3);
            assertThat(copy.allowedApplicationIds()).containsExactly(SKILL_ID);
            assertThat(copy.timestampPolicy()).isEqualTo(TimestampPolicy.amazonSdkDefaults());
            assertThat(copy.certificateUrlPolicy()).isSameAs(CertificateUrlPolicy.loopbackForTesting());
            assertThat(copy.trustAnchors()).isEqualTo(original.trustAnchors());
            assertThat(copy.clock()).isSameAs(original.clock());
            assertThat(copy.transport()).isSameAs(transport);
        }

        @Test
        void theDefaults_areAmazonsRulesAndTheJdksRoots() {
            RequestVerifier defaults = RequestVerifier.create();

            assertThat(defaults.certificateUrlPolicy()).isSameAs(CertificateUrlPolicy.amazon());
            assertThat(defaults.trustAnchors()).isNotEmpty();
            assertThat(defaults.timestampPolicy()).isEqualTo(TimestampPolicy.defaults());
            assertThat(defaults.allowedApplicationIds()).isEmpty();
            assertThat(defaults.fetchTimeout()).isEqualTo(Duration.ofSeconds(5));
        }

        @Test
        void invalidSettings_areRefusedByTheBuilder() {
            assertThatThrownBy(() -> RequestVerifier.builder().fetchTimeout(Duration.ZERO))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> RequestVerifier.builder().certificateCacheSize(0))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> RequestVerifier.builder().trustAnchors(java.util.Set.of()))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void aKeyStore_canSupplyTheTrustAnchors() throws Exception {
            java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("test-root", TestPki.ROOT);
            RequestVerifier v = verifier.toBuilder().trustStore(store).build();
            byte[] body = TestPki.body(INTENT, NOW);

            assertThat(v.verify(body, AMAZON_URL, TestPki.sign(body)).requestType())
                    .isEqualTo(INTENT);
        }
    }
}
