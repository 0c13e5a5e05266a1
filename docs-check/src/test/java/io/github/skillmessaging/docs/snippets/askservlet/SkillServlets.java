package io.github.skillmessaging.docs.snippets.askservlet;

// tag::ask-servlet[]
import com.amazon.ask.Skill;
import io.github.skillmessaging.ask.servlet.VerifyingSkillServlet;
import io.github.skillmessaging.verify.RequestVerifier;
import javax.servlet.http.HttpServlet;

public class SkillServlets {
    /** Was: new SkillServlet(skill). Register it as you registered ASK's servlet. */
    static HttpServlet skillServlet(Skill skill) {
        RequestVerifier verifier = RequestVerifier.builder()
                .allowedApplicationIds("amzn1.ask.skill.1234") // optional skill-id allow-list
                .build(); // build once: certificate cache, thread-safe
        return new VerifyingSkillServlet(skill, verifier);
    }
}
// end::ask-servlet[]
