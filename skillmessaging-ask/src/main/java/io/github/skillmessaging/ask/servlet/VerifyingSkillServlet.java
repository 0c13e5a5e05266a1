package io.github.skillmessaging.ask.servlet;

import com.amazon.ask.Skill;
import com.amazon.ask.servlet.SkillServlet;
import io.github.skillmessaging.ask.internal.Bodies;
import io.github.skillmessaging.ask.internal.SkillRuns;
import io.github.skillmessaging.verify.RequestVerificationException;
import io.github.skillmessaging.verify.RequestVerifier;
import io.github.skillmessaging.verify.VerifiedRequest;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.Optional;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * ASK's {@code SkillServlet} verifying with this SDK's {@link RequestVerifier} instead of ASK's
 * verifiers: a drop-in for {@code new SkillServlet(skill)}.
 *
 * <p>Each POST: the exact body bytes are read (at most 1 MiB), verified (signature, certificate
 * chain, per-type timestamp tolerance, optional skill-id allow-list), and only then handed to
 * the skill as ASK's own {@code handleRequest} does, with the {@link VerifiedRequest} as the
 * handlers' {@code input.getContext()} (for duplicate detection). A request that fails
 * verification is answered HTTP 400 before any handler runs; a request no handler takes, HTTP
 * 500, as ASK does.
 *
 * <pre>{@code
 * Skill skill = Skills.standard().addRequestHandlers(...).build();
 * HttpServlet servlet = new VerifyingSkillServlet(skill, RequestVerifier.create());
 * }</pre>
 */
public class VerifyingSkillServlet extends SkillServlet {
    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = System.getLogger("io.github.skillmessaging.ask");

    private final transient Skill skill;
    private final transient RequestVerifier verifier;

    /** Runs {@code skill} behind {@code verifier}; build the verifier once and share it. */
    public VerifyingSkillServlet(Skill skill, RequestVerifier verifier) {
        super(Objects.requireNonNull(skill, "skill"));
        this.skill = skill;
        this.verifier = Objects.requireNonNull(verifier, "verifier");
    }

    /** Runs {@code skill} behind {@link RequestVerifier#create()}. */
    public VerifyingSkillServlet(Skill skill) {
        this(skill, RequestVerifier.create());
    }

    /** Verifies the request, then runs the skill on the same bytes. */
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = Bodies.readAtMost(request.getInputStream(), request.getContentLengthLong());
        if (body == null) {
            LOG.log(Level.WARNING, "Rejected a request: the body is larger than {0} bytes", Bodies.MAX_BODY_BYTES);
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        VerifiedRequest verified;
        try {
            verified = verifier.verify(body, Bodies.signatureHeaders(request::getHeaders));
        } catch (RequestVerificationException e) {
            LOG.log(Level.WARNING, "Rejected a request that failed verification: {0}", e.getMessage());
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        Optional<byte[]> answer = SkillRuns.answer(skill, body, verified);
        if (answer.isEmpty()) {
            response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setContentLength(answer.get().length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(answer.get());
        }
    }

    /** The verifier every request goes through. */
    public RequestVerifier verifier() {
        return verifier;
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        throw new NotSerializableException("VerifyingSkillServlet is not serializable");
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        throw new NotSerializableException("VerifyingSkillServlet is not serializable");
    }
}
