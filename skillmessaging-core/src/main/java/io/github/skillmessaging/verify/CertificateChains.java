package io.github.skillmessaging.verify;

import io.github.skillmessaging.http.HttpTransport;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Downloads, validates and caches certificate chains by normalized URL. Thread-safe: concurrent
 * requests for one URL share one download; a validated chain stays until the earliest
 * {@code notAfter} in it; failures are not cached.
 */
final class CertificateChains {
    static final int MAX_CERTIFICATES = 10;

    /** A chain that passed every certificate rule, good until {@code expiresAt} (exclusive). */
    record TrustedChain(X509Certificate signer, Instant expiresAt) {}

    private final HttpTransport transport;
    private final Duration fetchTimeout;
    private final Set<TrustAnchor> trustAnchors;
    private final Clock clock;
    private final int maxEntries;
    private final ConcurrentHashMap<URI, CompletableFuture<TrustedChain>> entries = new ConcurrentHashMap<>();

    CertificateChains(
            HttpTransport transport,
            Duration fetchTimeout,
            Set<TrustAnchor> trustAnchors,
            Clock clock,
            int maxEntries) {
        this.transport = transport;
        this.fetchTimeout = fetchTimeout;
        this.trustAnchors = trustAnchors;
        this.clock = clock;
        this.maxEntries = maxEntries;
    }

    /** The validated chain at {@code url}, from the cache or one (shared) download. */
    CompletableFuture<TrustedChain> get(URI url) {
        while (true) {
            CompletableFuture<TrustedChain> existing = entries.get(url);
            if (existing != null) {
                if (!existing.isDone()) {
                    return existing;
                }
                TrustedChain chain = existing.isCompletedExceptionally() ? null : existing.join();
                if (chain != null && clock.instant().isBefore(chain.expiresAt())) {
                    return existing;
                }
                entries.remove(url, existing);
                continue;
            }
            CompletableFuture<TrustedChain> mine = new CompletableFuture<>();
            if (entries.putIfAbsent(url, mine) != null) {
                continue;
            }
            evictIfFull(url);
            download(url).whenComplete((chain, failure) -> {
                if (failure != null) {
                    entries.remove(url, mine); // before completing: waiters that retry must not see it
                    mine.completeExceptionally(unwrap(failure));
                } else {
                    mine.complete(chain);
                }
            });
            return mine;
        }
    }

    int size() {
        return entries.size();
    }

    private void evictIfFull(URI keep) {
        if (entries.size() <= maxEntries) {
            return;
        }
        Instant now = clock.instant();
        List<Map.Entry<URI, CompletableFuture<TrustedChain>>> done = new ArrayList<>();
        for (Map.Entry<URI, CompletableFuture<TrustedChain>> e : entries.entrySet()) {
            CompletableFuture<TrustedChain> f = e.getValue();
            if (e.getKey().equals(keep) || !f.isDone()) {
                continue;
            }
            if (f.isCompletedExceptionally() || !now.isBefore(f.join().expiresAt())) {
                entries.remove(e.getKey(), f);
            } else {
                done.add(e);
            }
        }
        done.sort(Comparator.comparing(e -> e.getValue().join().expiresAt()));
        for (Map.Entry<URI, CompletableFuture<TrustedChain>> e : done) {
            if (entries.size() <= maxEntries) {
                break;
            }
            entries.remove(e.getKey(), e.getValue());
        }
    }

    private CompletableFuture<TrustedChain> download(URI url) {
        HttpTransport.Request request =
                new HttpTransport.Request("GET", url, Map.of("Accept", "*/*"), null, fetchTimeout);
        CompletableFuture<HttpTransport.Response> sent;
        try {
            sent = transport.send(request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(downloadFailed(url, e));
        }
        if (sent == null) {
            return CompletableFuture.failedFuture(
                    downloadFailed(url, new IllegalStateException("the transport returned null")));
        }
        // our own deadline too: a transport's timeout may stop at the headers while the body trickles in
        return sent.thenApply(r -> r)
                .orTimeout(fetchTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw downloadFailed(url, unwrap(failure));
                    }
                    if (response.statusCode() != 200) {
                        throw new RequestVerificationException(
                                VerificationRule.CERT_DOWNLOAD, "GET " + url + " answered " + response.statusCode());
                    }
                    byte[] pem = response.body();
                    if (pem.length > RequestVerifier.MAX_CHAIN_BYTES) {
                        throw new RequestVerificationException(
                                VerificationRule.CERT_DOWNLOAD,
                                "GET " + url + " returned " + pem.length + " bytes, more than "
                                        + RequestVerifier.MAX_CHAIN_BYTES);
                    }
                    return validate(url, pem, clock.instant());
                });
    }

    private RequestVerificationException downloadFailed(URI url, Throwable failure) {
        if (failure instanceof RequestVerificationException rve) {
            return rve;
        }
        String why =
                failure instanceof TimeoutException ? "no complete answer within " + fetchTimeout : failure.toString();
        return new RequestVerificationException(
                VerificationRule.CERT_DOWNLOAD, "GET " + url + " failed: " + why, failure);
    }

    /** Applies the certificate rules to a downloaded PEM chain, at {@code now}. */
    TrustedChain validate(URI url, byte[] pem, Instant now) {
        List<X509Certificate> certs = parse(url, pem);
        X509Certificate signer = certs.get(0);
        Date date = Date.from(now);
        try {
            signer.checkValidity(date);
        } catch (CertificateExpiredException e) {
            throw new RequestVerificationException(
                    VerificationRule.CERT_EXPIRED,
                    "the signing certificate from " + url + " expired at "
                            + signer.getNotAfter().toInstant());
        } catch (CertificateNotYetValidException e) {
            throw new RequestVerificationException(
                    VerificationRule.CERT_EXPIRED,
                    "the signing certificate from " + url + " is not valid before "
                            + signer.getNotBefore().toInstant());
        }
        List<X509Certificate> path = isAnchor(signer) ? List.of(signer) : buildPath(url, signer, certs, date);
        checkSan(url, signer);
        Instant expiresAt = path.stream()
                .map(c -> c.getNotAfter().toInstant())
                .min(Comparator.naturalOrder())
                .orElseThrow();
        return new TrustedChain(signer, expiresAt);
    }

    private static List<X509Certificate> parse(URI url, byte[] pem) {
        Collection<? extends Certificate> parsed;
        try {
            parsed = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new RequestVerificationException(
                    VerificationRule.CERT_CHAIN, "the response from " + url + " is not a PEM certificate chain", e);
        }
        List<X509Certificate> certs = new ArrayList<>();
        for (Certificate c : parsed) {
            if (c instanceof X509Certificate x) {
                certs.add(x);
            }
        }
        if (certs.isEmpty()) {
            throw new RequestVerificationException(
                    VerificationRule.CERT_CHAIN, "the response from " + url + " holds no certificate");
        }
        if (certs.size() > MAX_CERTIFICATES) {
            throw new RequestVerificationException(
                    VerificationRule.CERT_CHAIN,
                    "the chain from " + url + " holds " + certs.size() + " certificates, more than "
                            + MAX_CERTIFICATES);
        }
        return certs;
    }

    /**
     * A PKIX path from {@code signer} to one of the trust anchors, built from the downloaded
     * certificates in any order; cross-signed and surplus certificates are tolerated, nothing is
     * fetched from elsewhere and revocation is not checked.
     */
    private List<X509Certificate> buildPath(URI url, X509Certificate signer, List<X509Certificate> certs, Date date) {
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(signer);
            PKIXBuilderParameters params = new PKIXBuilderParameters(trustAnchors, target);
            params.setRevocationEnabled(false);
            params.setDate(date);
            params.setMaxPathLength(MAX_CERTIFICATES);
            params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(certs)));
            PKIXCertPathBuilderResult result = (PKIXCertPathBuilderResult)
                    CertPathBuilder.getInstance("PKIX").build(params);
            List<X509Certificate> path = new ArrayList<>();
            for (Certificate c : result.getCertPath().getCertificates()) {
                path.add((X509Certificate) c);
            }
            return path;
        } catch (CertPathBuilderException e) {
            throw new RequestVerificationException(
                    VerificationRule.CERT_CHAIN,
                    "the chain from " + url + " does not validate to a trusted root: " + e.getMessage(),
                    e);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new RequestVerificationException(
                    VerificationRule.CERT_CHAIN, "the chain from " + url + " could not be validated: " + e, e);
        }
    }

    private boolean isAnchor(X509Certificate cert) {
        for (TrustAnchor anchor : trustAnchors) {
            if (cert.equals(anchor.getTrustedCert())) {
                return true;
            }
        }
        return false;
    }

    private static void checkSan(URI url, X509Certificate signer) {
        Collection<List<?>> names;
        try {
            names = signer.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            throw new RequestVerificationException(
                    VerificationRule.CERT_SAN,
                    "the signing certificate from " + url + " has unreadable Subject Alternative Names",
                    e);
        }
        if (names != null) {
            for (List<?> name : names) {
                // type 2 = dNSName
                if (name.size() >= 2
                        && Integer.valueOf(2).equals(name.get(0))
                        && name.get(1) instanceof String dns
                        && dns.equalsIgnoreCase(RequestVerifier.REQUIRED_SAN)) {
                    return;
                }
            }
        }
        throw new RequestVerificationException(
                VerificationRule.CERT_SAN,
                "the signing certificate from " + url + " is not issued to " + RequestVerifier.REQUIRED_SAN);
    }

    private static Throwable unwrap(Throwable t) {
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
