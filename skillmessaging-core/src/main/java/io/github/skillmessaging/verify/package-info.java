/**
 * Verifying that an HTTP request to a skill endpoint really comes from Alexa: the certificate
 * chain URL, the certificate chain, the {@code Signature-256} signature over the raw body, the
 * timestamp and, optionally, the skill id. Framework-free: feed it the raw body bytes and two
 * header values from any HTTP server.
 *
 * <p>Entry point: {@link io.github.skillmessaging.verify.RequestVerifier}. Every failure is a
 * {@link io.github.skillmessaging.verify.RequestVerificationException} naming the broken
 * {@link io.github.skillmessaging.verify.VerificationRule}; answer it with HTTP 400 and do not
 * process the request. Duplicate detection is a separate, pluggable step:
 * {@link io.github.skillmessaging.verify.ReplayGuard}.
 */
package io.github.skillmessaging.verify;
