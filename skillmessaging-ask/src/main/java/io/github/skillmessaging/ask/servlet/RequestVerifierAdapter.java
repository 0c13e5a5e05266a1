package io.github.skillmessaging.ask.servlet;

import com.amazon.ask.servlet.verifiers.AlexaHttpRequest;
import com.amazon.ask.servlet.verifiers.SkillServletVerifier;
import io.github.skillmessaging.verify.RequestVerificationException;
import io.github.skillmessaging.verify.RequestVerifier;
import java.util.Objects;

/**
 * ASK's {@code SkillServletVerifier} backed by this SDK's {@link RequestVerifier}: signature,
 * certificate chain (cached, bounded), the per-type timestamp policy and the optional skill-id
 * allow-list, in place of ASK's {@code SkillRequestSignatureVerifier} and
 * {@code SkillRequestTimestampVerifier} together.
 *
 * <p>It verifies the exact bytes ASK's servlet read ({@code getSerializedRequestEnvelope()}) and
 * throws a {@link SecurityException}, which ASK's servlet answers with HTTP 400. Use it in a
 * servlet of your own that runs ASK verifiers; with ASK's {@code SkillServlet}, whose constructor
 * taking verifiers is not public, use {@link VerifyingSkillServlet}.
 */
public final class RequestVerifierAdapter implements SkillServletVerifier {
    private final RequestVerifier verifier;

    /** Verifies with {@code verifier}; build it once and share it. */
    public RequestVerifierAdapter(RequestVerifier verifier) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
    }

    /** Verifies with {@link RequestVerifier#create()}: Amazon's certificates, this SDK's timestamp policy. */
    public RequestVerifierAdapter() {
        this(RequestVerifier.create());
    }

    /**
     * Verifies the request.
     *
     * @throws SecurityException when a rule fails; its message names the rule, its cause is the
     *     {@link RequestVerificationException}
     */
    @Override
    public void verify(AlexaHttpRequest alexaHttpRequest) throws SecurityException {
        Objects.requireNonNull(alexaHttpRequest, "alexaHttpRequest");
        try {
            verifier.verify(
                    alexaHttpRequest.getSerializedRequestEnvelope(),
                    alexaHttpRequest.getSigningCertificateChainUrl(),
                    alexaHttpRequest.getBaseEncoded64Signature());
        } catch (RequestVerificationException e) {
            throw new SecurityException(e.getMessage(), e);
        }
    }

    /** The verifier this adapter uses. */
    public RequestVerifier verifier() {
        return verifier;
    }
}
