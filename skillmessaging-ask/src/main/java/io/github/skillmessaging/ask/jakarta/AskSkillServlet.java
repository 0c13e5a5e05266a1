package io.github.skillmessaging.ask.jakarta;

import com.amazon.ask.AlexaSkill;
import io.github.skillmessaging.ask.internal.Bodies;
import io.github.skillmessaging.ask.internal.SkillRuns;
import io.github.skillmessaging.verify.VerifiedRequest;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs an ASK SDK skill ({@code Skills.standard()...build()} or any {@code AlexaSkill}) on a
 * Jakarta Servlet container, as ASK's {@code SkillServlet} does on {@code javax.servlet}.
 *
 * <p>It does not verify requests itself: map an {@link AlexaRequestFilter} on the same path. It
 * refuses (HTTP 400) any request that did not pass that filter, so a missing filter mapping fails
 * closed instead of running the skill on unverified requests. A request no skill handles is
 * answered HTTP 500, as ASK's servlet does.
 *
 * <p>Handlers get the request's {@link VerifiedRequest} as {@code handlerInput.getContext()} (on
 * Lambda that is the Lambda {@code Context}), e.g. for duplicate detection with
 * {@code verified.firstSeenBy(replayGuard)}.
 */
public class AskSkillServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = System.getLogger("io.github.skillmessaging.ask");

    private final transient AlexaSkill<?, ?> skill;

    /** Runs {@code skill}. */
    public AskSkillServlet(AlexaSkill<?, ?> skill) {
        this.skill = Objects.requireNonNull(skill, "skill");
    }

    /** Hands the verified bytes to the skill and writes its response. */
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<VerifiedRequest> verified = AlexaRequestFilter.verifiedRequest(request);
        if (verified.isEmpty()) {
            LOG.log(
                    Level.ERROR,
                    "Refused a request that no AlexaRequestFilter verified: map one on this servlet's path");
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        byte[] body = Bodies.readAtMost(request.getInputStream(), request.getContentLengthLong());
        if (body == null) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        Optional<byte[]> answer = SkillRuns.answer(skill, body, verified.get());
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

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        throw new NotSerializableException("AskSkillServlet is not serializable");
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        throw new NotSerializableException("AskSkillServlet is not serializable");
    }
}
