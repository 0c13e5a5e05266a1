package io.github.skillmessaging.verify;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.skillmessaging.http.HttpTransport;
import io.github.skillmessaging.http.JdkHttpTransport;
import io.github.skillmessaging.internal.ClientOptions;
import io.github.skillmessaging.internal.Json;
import io.github.skillmessaging.request.RequestFields;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.Signature;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Verifies that an HTTP request to a skill endpoint comes from Alexa, as Amazon requires of every
 * skill hosted on HTTPS. Framework-free: give it the exact raw body bytes and the values of the
 * {@value #SIGNATURE_CERT_CHAIN_URL} and {@value #SIGNATURE_256} headers (or the header map).
 *
 * <p>The rules, in order (each failure is a {@link RequestVerificationException} naming its
 * {@link VerificationRule}; answer it with HTTP 400):
 * <ol>
 *   <li>both headers present ({@code MISSING_HEADER});</li>
 *   <li>the chain URL passes the {@link CertificateUrlPolicy} ({@code CERT_URL}), checked before
 *       any download;</li>
 *   <li>the chain downloads within the fetch timeout and {@value #MAX_CHAIN_BYTES} bytes
 *       ({@code CERT_DOWNLOAD}); redirects are not followed by the default transport;</li>
 *   <li>the signing certificate is valid at the clock's now ({@code CERT_EXPIRED}), the chain
 *       validates with PKIX to a trust anchor, revocation not checked ({@code CERT_CHAIN}), and the
 *       signing certificate names DNS {@value #REQUIRED_SAN} ({@code CERT_SAN});</li>
 *   <li>{@code Signature-256} is base64 SHA256withRSA over the raw body ({@code SIGNATURE});</li>
 *   <li>the body has {@code request.type}, {@code requestId}, {@code timestamp}
 *       ({@code MALFORMED_BODY});</li>
 *   <li>the timestamp is within the {@link TimestampPolicy} ({@code TIMESTAMP});</li>
 *   <li>the skill id is allowed, when an allow-list is set ({@code APPLICATION_ID}).</li>
 * </ol>
 *
 * <p>Validated chains are cached by normalized URL until the earliest {@code notAfter} in the
 * chain; concurrent requests for an uncached URL share one download. Immutable and thread-safe:
 * build one and share it.
 *
 * <pre>{@code
 * RequestVerifier verifier = RequestVerifier.builder()
 *         .allowedApplicationIds(Set.of("amzn1.ask.skill.1234"))
 *         .build();
 * try {
 *     VerifiedRequest verified = verifier.verify(bodyBytes, headers);
 * } catch (RequestVerificationException e) {
 *     // respond 400
 * }
 * }</pre>
 */
public final class RequestVerifier {
    /** The header with the certificate chain URL. */
    public static final String SIGNATURE_CERT_CHAIN_URL = "SignatureCertChainUrl";
    /** The header with the base64 SHA-256 RSA signature of the body. */
    public static final String SIGNATURE_256 = "Signature-256";
    /** The DNS name the signing certificate must carry as a Subject Alternative Name. */
    public static final String REQUIRED_SAN = "echo-api.amazon.com";
    /** The largest certificate chain download accepted: 64 KiB. */
    public static final int MAX_CHAIN_BYTES = 64 * 1024;
    /** Default limit for downloading a chain, headers and body: 5 s (Alexa waits 8 s for an answer). */
    public static final Duration DEFAULT_FETCH_TIMEOUT = Duration.ofSeconds(5);
    /** Default number of cached certificate chains. */
    public static final int DEFAULT_CERTIFICATE_CACHE_SIZE = 16;

    private static final System.Logger LOG = System.getLogger(RequestVerifier.class.getName());

    private final Clock clock;
    private final Set<TrustAnchor> trustAnchors;
    private final boolean customTrustAnchors;
    private final HttpTransport transport;
    private final Duration fetchTimeout;
    private final TimestampPolicy timestampPolicy;
    private final Set<String> allowedApplicationIds;
    private final int certificateCacheSize;
    private final CertificateUrlPolicy certificateUrlPolicy;
    private final CertificateChains chains;

    private RequestVerifier(Builder b) {
        this.clock = b.clock;
        this.customTrustAnchors = b.trustAnchors != null;
        this.trustAnchors = customTrustAnchors ? b.trustAnchors : DefaultTrust.ANCHORS;
        this.transport = b.transport != null ? b.transport : ClientOptions.sharedTransport();
        this.fetchTimeout = b.fetchTimeout;
        this.timestampPolicy = b.timestampPolicy;
        this.allowedApplicationIds = b.allowedApplicationIds;
        this.certificateCacheSize = b.certificateCacheSize;
        this.certificateUrlPolicy = b.certificateUrlPolicy;
        this.chains = new CertificateChains(transport, fetchTimeout, trustAnchors, clock, certificateCacheSize);
        if (certificateUrlPolicy.isForTestingOnly()) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "RequestVerifier accepts certificate chains from loopback URLs: for tests only");
        }
    }

    /** A builder with the defaults: Amazon's URL rules, the JDK's trusted roots, {@link TimestampPolicy#defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A verifier with every default. */
    public static RequestVerifier create() {
        return builder().build();
    }

    /** A builder holding this verifier's settings (the new verifier starts with an empty cache). */
    public Builder toBuilder() {
        Builder b = new Builder()
                .clock(clock)
                .transport(transport)
                .fetchTimeout(fetchTimeout)
                .timestampPolicy(timestampPolicy)
                .allowedApplicationIds(allowedApplicationIds)
                .certificateCacheSize(certificateCacheSize)
                .certificateUrlPolicy(certificateUrlPolicy);
        if (customTrustAnchors) {
            b.trustAnchors(trustAnchors);
        }
        return b;
    }

    /**
     * Verifies a request, blocking while the certificate chain downloads (only when it is not
     * cached).
     *
     * @param body the exact raw body bytes, before any parsing or re-encoding
     * @param signatureCertChainUrl the {@value #SIGNATURE_CERT_CHAIN_URL} header value, or null if absent
     * @param signature256 the {@value #SIGNATURE_256} header value, or null if absent
     * @return what was verified
     * @throws RequestVerificationException when any rule fails; if the wait is interrupted, with
     *     rule {@code CERT_DOWNLOAD} and the thread's interrupt flag set again
     */
    public VerifiedRequest verify(byte[] body, String signatureCertChainUrl, String signature256) {
        return await(verifyAsync(body, signatureCertChainUrl, signature256));
    }

    /**
     * Like {@link #verify(byte[], String, String)}, taking the two headers from {@code headers}
     * with names compared case-insensitively. Values may be strings or collections of strings (as
     * servlet, JDK {@code HttpServer} and most frameworks hand them out); a header given more than
     * once counts as missing.
     */
    public VerifiedRequest verify(byte[] body, Map<String, ?> headers) {
        return await(verifyAsync(body, headers));
    }

    /**
     * Verifies a request without blocking; the future fails with a
     * {@link RequestVerificationException}. Checks that need no download fail the future at once.
     */
    public CompletableFuture<VerifiedRequest> verifyAsync(
            byte[] body, String signatureCertChainUrl, String signature256) {
        try {
            if (body == null) {
                throw new RequestVerificationException(VerificationRule.MALFORMED_BODY, "the request has no body");
            }
            byte[] bytes = body.clone();
            String url = requireHeader(SIGNATURE_CERT_CHAIN_URL, signatureCertChainUrl);
            String signatureText = requireHeader(SIGNATURE_256, signature256);
            var normalized = certificateUrlPolicy.normalize(url);
            byte[] signature = decodeSignature(signatureText);
            return chains.get(normalized).thenApply(chain -> afterChain(bytes, signature, chain.signer()));
        } catch (RequestVerificationException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Like {@link #verify(byte[], Map)}, without blocking. */
    public CompletableFuture<VerifiedRequest> verifyAsync(byte[] body, Map<String, ?> headers) {
        Objects.requireNonNull(headers, "headers");
        try {
            return verifyAsync(body, header(headers, SIGNATURE_CERT_CHAIN_URL), header(headers, SIGNATURE_256));
        } catch (RequestVerificationException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The clock that decides "now" for certificates and timestamps. */
    public Clock clock() {
        return clock;
    }

    /** The trust anchors chains must validate to. */
    public Set<TrustAnchor> trustAnchors() {
        return trustAnchors;
    }

    /** The transport that downloads certificate chains. */
    public HttpTransport transport() {
        return transport;
    }

    /** The limit for one chain download. */
    public Duration fetchTimeout() {
        return fetchTimeout;
    }

    /** The timestamp tolerances. */
    public TimestampPolicy timestampPolicy() {
        return timestampPolicy;
    }

    /** The allowed skill ids; empty when any skill id is accepted. */
    public Set<String> allowedApplicationIds() {
        return allowedApplicationIds;
    }

    /** The maximum number of cached certificate chains. */
    public int certificateCacheSize() {
        return certificateCacheSize;
    }

    /** Which certificate chain URLs are accepted. */
    public CertificateUrlPolicy certificateUrlPolicy() {
        return certificateUrlPolicy;
    }

    @Override
    public String toString() {
        return "RequestVerifier[" + certificateUrlPolicy + ", " + timestampPolicy + ", allowedApplicationIds="
                + allowedApplicationIds + ", trustAnchors=" + trustAnchors.size() + "]";
    }

    private VerifiedRequest afterChain(byte[] body, byte[] signature, X509Certificate signer) {
        checkSignature(body, signature, signer);
        JsonNode root = Json.readTreeOrNull(body);
        JsonNode request = root == null ? null : root.get("request");
        if (request == null || !request.isObject()) {
            throw new RequestVerificationException(
                    VerificationRule.MALFORMED_BODY, "the body is not a JSON object with a request object");
        }
        String type = requiredText(request, "type");
        String requestId = requiredText(request, "requestId");
        Instant timestamp = timestamp(request.get("timestamp"));
        Duration tolerance = timestampPolicy.toleranceFor(type);
        Instant now = clock.instant();
        if (timestamp.isAfter(now.plus(timestampPolicy.futureTolerance()))) {
            throw new RequestVerificationException(
                    VerificationRule.TIMESTAMP,
                    "request " + requestId + " (" + type + ") has timestamp " + timestamp + ", more than "
                            + timestampPolicy.futureTolerance() + " ahead of " + now);
        }
        Instant acceptedUntil = timestamp.plus(tolerance);
        if (now.isAfter(acceptedUntil)) {
            throw new RequestVerificationException(
                    VerificationRule.TIMESTAMP,
                    "request " + requestId + " (" + type + ") has timestamp " + timestamp
                            + ", older than the tolerance " + tolerance + " at " + now);
        }
        Optional<String> applicationId = applicationId(root);
        if (!allowedApplicationIds.isEmpty()
                && (applicationId.isEmpty() || !allowedApplicationIds.contains(applicationId.get()))) {
            throw new RequestVerificationException(
                    VerificationRule.APPLICATION_ID,
                    "request " + requestId + " is for skill "
                            + applicationId.map(RequestVerifier::shorten).orElse("(none given)")
                            + ", which is not allowed");
        }
        return new VerifiedRequest(type, requestId, timestamp, applicationId, acceptedUntil);
    }

    private static void checkSignature(byte[] body, byte[] signature, X509Certificate signer) {
        boolean valid;
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(signer.getPublicKey());
            verifier.update(body);
            valid = verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            throw new RequestVerificationException(
                    VerificationRule.SIGNATURE,
                    "the signature could not be checked: " + e.getClass().getSimpleName(),
                    e);
        }
        if (!valid) {
            throw new RequestVerificationException(
                    VerificationRule.SIGNATURE, "the Signature-256 header does not match the body");
        }
    }

    private static byte[] decodeSignature(String value) {
        try {
            byte[] decoded = Base64.getDecoder().decode(value);
            if (decoded.length == 0) {
                throw new IllegalArgumentException("empty");
            }
            return decoded;
        } catch (IllegalArgumentException e) {
            throw new RequestVerificationException(
                    VerificationRule.SIGNATURE, "the Signature-256 header is not base64");
        }
    }

    private static String requireHeader(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new RequestVerificationException(
                    VerificationRule.MISSING_HEADER, "the " + name + " header is missing");
        }
        return value.trim();
    }

    private static String header(Map<String, ?> headers, String name) {
        List<String> values = new ArrayList<>();
        headers.forEach((key, value) -> {
            if (key != null && key.equalsIgnoreCase(name) && value != null) {
                if (value instanceof Collection<?> many) {
                    many.forEach(v -> {
                        if (v != null) {
                            values.add(v.toString());
                        }
                    });
                } else if (value instanceof String[] array) {
                    for (String v : array) {
                        if (v != null) {
                            values.add(v);
                        }
                    }
                } else {
                    values.add(value.toString());
                }
            }
        });
        if (values.size() > 1) {
            throw new RequestVerificationException(
                    VerificationRule.MISSING_HEADER,
                    "the " + name + " header is given " + values.size() + " times; exactly one is required");
        }
        return values.isEmpty() ? null : values.get(0);
    }

    private static String requiredText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new RequestVerificationException(
                    VerificationRule.MALFORMED_BODY, "request." + field + " is missing or not a string");
        }
        return value.asText();
    }

    /** Read as the request model reads it ({@link RequestFields#toInstant}), so both agree on every request. */
    private static Instant timestamp(JsonNode value) {
        return (value == null ? Optional.<Instant>empty() : RequestFields.toInstant(value))
                .orElseThrow(() -> new RequestVerificationException(
                        VerificationRule.MALFORMED_BODY,
                        "request.timestamp is missing or not an ISO-8601 instant or epoch milliseconds"));
    }

    private static Optional<String> applicationId(JsonNode root) {
        JsonNode fromContext =
                root.path("context").path("System").path("application").path("applicationId");
        if (fromContext.isTextual() && !fromContext.asText().isBlank()) {
            return Optional.of(fromContext.asText());
        }
        JsonNode fromSession = root.path("session").path("application").path("applicationId");
        if (fromSession.isTextual() && !fromSession.asText().isBlank()) {
            return Optional.of(fromSession.asText());
        }
        return Optional.empty();
    }

    private static String shorten(String s) {
        return s.length() <= 120 ? s : s.substring(0, 120) + "...";
    }

    private static VerifiedRequest await(CompletableFuture<VerifiedRequest> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(false);
            throw new RequestVerificationException(
                    VerificationRule.CERT_DOWNLOAD, "interrupted while waiting for the certificate chain", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new RequestVerificationException(
                    VerificationRule.CERT_DOWNLOAD, "verification failed: " + cause, cause);
        }
    }

    /** The JDK's default trusted roots (cacerts, or {@code javax.net.ssl.trustStore}), loaded once. */
    private static final class DefaultTrust {
        static final Set<TrustAnchor> ANCHORS = load();

        private static Set<TrustAnchor> load() {
            try {
                TrustManagerFactory factory =
                        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                factory.init((KeyStore) null);
                Set<TrustAnchor> anchors = new HashSet<>();
                for (TrustManager manager : factory.getTrustManagers()) {
                    if (manager instanceof X509TrustManager x509) {
                        for (X509Certificate cert : x509.getAcceptedIssuers()) {
                            anchors.add(new TrustAnchor(cert, null));
                        }
                    }
                }
                return Set.copyOf(anchors);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Cannot load the JDK's default trust store", e);
            }
        }
    }

    /** Builds a {@link RequestVerifier}. Every setting has a default; not thread-safe. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private Set<TrustAnchor> trustAnchors;
        private HttpTransport transport;
        private Duration fetchTimeout = DEFAULT_FETCH_TIMEOUT;
        private TimestampPolicy timestampPolicy = TimestampPolicy.defaults();
        private Set<String> allowedApplicationIds = Set.of();
        private int certificateCacheSize = DEFAULT_CERTIFICATE_CACHE_SIZE;
        private CertificateUrlPolicy certificateUrlPolicy = CertificateUrlPolicy.amazon();

        private Builder() {}

        /** The clock for certificate validity, chain validation and timestamps (default: system UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The roots chains must validate to (default: the JDK's trusted roots). */
        public Builder trustAnchors(Set<TrustAnchor> trustAnchors) {
            Objects.requireNonNull(trustAnchors, "trustAnchors");
            if (trustAnchors.isEmpty()) {
                throw new IllegalArgumentException("trustAnchors must not be empty");
            }
            this.trustAnchors = Set.copyOf(trustAnchors);
            return this;
        }

        /** The roots chains must validate to: the trusted certificate entries of {@code keyStore}. */
        public Builder trustStore(KeyStore keyStore) {
            Objects.requireNonNull(keyStore, "keyStore");
            try {
                return trustAnchors(new PKIXParameters(keyStore).getTrustAnchors());
            } catch (KeyStoreException | java.security.InvalidAlgorithmParameterException e) {
                throw new IllegalArgumentException(
                        "keyStore holds no usable trusted certificate: " + e.getMessage(), e);
            }
        }

        /** Goes back to the JDK's trusted roots. */
        public Builder defaultTrustAnchors() {
            this.trustAnchors = null;
            return this;
        }

        /** The transport that downloads chains (default: the SDK's shared {@link JdkHttpTransport}, which follows no redirects). */
        public Builder transport(HttpTransport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /** The limit for one chain download, headers and body (default 5 s). */
        public Builder fetchTimeout(Duration fetchTimeout) {
            Objects.requireNonNull(fetchTimeout, "fetchTimeout");
            if (fetchTimeout.isNegative() || fetchTimeout.isZero()) {
                throw new IllegalArgumentException("fetchTimeout must be positive: " + fetchTimeout);
            }
            this.fetchTimeout = fetchTimeout;
            return this;
        }

        /** The timestamp tolerances (default {@link TimestampPolicy#defaults()}). */
        public Builder timestampPolicy(TimestampPolicy timestampPolicy) {
            this.timestampPolicy = Objects.requireNonNull(timestampPolicy, "timestampPolicy");
            return this;
        }

        /**
         * Only requests for these skill ids pass; a request with no skill id then fails too.
         * Empty (the default) accepts any skill id.
         */
        public Builder allowedApplicationIds(Collection<String> applicationIds) {
            Objects.requireNonNull(applicationIds, "applicationIds");
            this.allowedApplicationIds = Set.copyOf(applicationIds);
            return this;
        }

        /** Same as {@link #allowedApplicationIds(Collection)}. */
        public Builder allowedApplicationIds(String... applicationIds) {
            return allowedApplicationIds(List.of(applicationIds));
        }

        /** The maximum number of cached chains (default {@value RequestVerifier#DEFAULT_CERTIFICATE_CACHE_SIZE}). */
        public Builder certificateCacheSize(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("certificateCacheSize must be at least 1: " + size);
            }
            this.certificateCacheSize = size;
            return this;
        }

        /**
         * Which chain URLs are accepted (default {@link CertificateUrlPolicy#amazon()}). Only for a
         * local emulator in tests: {@link CertificateUrlPolicy#loopbackForTesting()}, together
         * with the emulator's {@link #trustAnchors(Set)}.
         */
        public Builder certificateUrlPolicy(CertificateUrlPolicy policy) {
            this.certificateUrlPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** The verifier. Loads the JDK's trusted roots on first use when none were given. */
        public RequestVerifier build() {
            return new RequestVerifier(this);
        }
    }
}
