package io.github.skillmessaging.verify;

/**
 * The rule a request broke, as reported by {@link RequestVerificationException#rule()}.
 *
 * <p>Checks run in this order and the first failure is reported: headers, certificate URL,
 * signature encoding, certificate download, certificate validity, chain, SAN, signature, body,
 * timestamp, skill id. Nothing is downloaded for a request that fails a header or URL check.
 */
public enum VerificationRule {
    /** {@code SignatureCertChainUrl} or {@code Signature-256} is absent, blank, or repeated. */
    MISSING_HEADER,
    /**
     * The certificate chain URL breaks the {@link CertificateUrlPolicy}: scheme, host, port, path,
     * user info, query, fragment, or percent-encoded dots, slashes or backslashes.
     */
    CERT_URL,
    /**
     * The certificate chain could not be fetched: no answer, timeout, a status other than 200, or a
     * response larger than {@link RequestVerifier#MAX_CHAIN_BYTES}; also an interrupted wait.
     */
    CERT_DOWNLOAD,
    /** The signing (first) certificate is not valid now: expired, or not yet valid. */
    CERT_EXPIRED,
    /** The chain is not parseable PEM, or does not validate (PKIX) up to a trusted root. */
    CERT_CHAIN,
    /** The signing certificate's Subject Alternative Names lack the DNS name {@code echo-api.amazon.com}. */
    CERT_SAN,
    /**
     * {@code Signature-256} is not base64, or does not verify over the exact body bytes with the
     * signing certificate's key (a tampered body or a forged signature).
     */
    SIGNATURE,
    /**
     * The body is absent, or (though authentic) not a JSON object with {@code request.type},
     * {@code request.requestId} and {@code request.timestamp}.
     */
    MALFORMED_BODY,
    /** {@code request.timestamp} is older than the tolerance for its type, or too far in the future. */
    TIMESTAMP,
    /** The skill id is not in the allow-list, or absent while an allow-list is configured. */
    APPLICATION_ID
}
