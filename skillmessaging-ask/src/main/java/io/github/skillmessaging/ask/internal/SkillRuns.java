package io.github.skillmessaging.ask.internal;

import com.amazon.ask.AlexaSkill;
import com.amazon.ask.request.impl.BaseSkillRequest;
import com.amazon.ask.response.SkillResponse;
import java.io.ByteArrayOutputStream;
import java.lang.System.Logger.Level;
import java.util.Optional;

/** Runs an ASK skill on verified request bytes, for the javax and the jakarta servlet alike. */
public final class SkillRuns {
    private static final System.Logger LOG = System.getLogger("io.github.skillmessaging.ask");

    private SkillRuns() {}

    /**
     * The bytes of the skill's answer to {@code body} (empty bytes for an empty response), or
     * empty when the skill failed or no handler took the request (logged; answer 500).
     */
    public static Optional<byte[]> answer(AlexaSkill<?, ?> skill, byte[] body, Object context) {
        SkillResponse<?> response;
        try {
            response = skill.execute(new BaseSkillRequest(body), context);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "The skill failed to handle a verified request", e);
            return Optional.empty();
        }
        if (response == null) {
            LOG.log(Level.ERROR, "No skill handles the request (is the skill id right?)");
            return Optional.empty();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (response.isPresent()) {
            response.writeTo(bytes);
        }
        return Optional.of(bytes.toByteArray());
    }
}
