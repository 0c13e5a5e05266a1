/**
 * Request verification for skills hosted with ASK's {@code ask-sdk-servlet-support}
 * ({@code javax.servlet}): {@link io.github.skillmessaging.ask.servlet.VerifyingSkillServlet}, a
 * {@code SkillServlet} that verifies with this SDK's {@code RequestVerifier}, and
 * {@link io.github.skillmessaging.ask.servlet.RequestVerifierAdapter}, the same verifier as ASK's
 * {@code SkillServletVerifier}.
 *
 * <p>Needs {@code com.amazon.alexa:ask-sdk-servlet-support} and a {@code javax.servlet} 3.0+
 * container; for {@code jakarta.servlet} see {@link io.github.skillmessaging.ask.jakarta}.
 */
package io.github.skillmessaging.ask.servlet;
