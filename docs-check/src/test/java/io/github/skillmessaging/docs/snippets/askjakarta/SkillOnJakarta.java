package io.github.skillmessaging.docs.snippets.askjakarta;

// tag::ask-jakarta[]
import com.amazon.ask.Skill;
import io.github.skillmessaging.ask.jakarta.AlexaRequestFilter;
import io.github.skillmessaging.ask.jakarta.AskSkillServlet;
import io.github.skillmessaging.verify.RequestVerifier;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContext;
import java.util.EnumSet;

public class SkillOnJakarta {
    /** From a ServletContextListener, a ServletContainerInitializer or your framework's registration. */
    static void register(ServletContext context, Skill skill) {
        RequestVerifier verifier = RequestVerifier.builder()
                .allowedApplicationIds("amzn1.ask.skill.1234")
                .build();
        context.addFilter("alexa-verification", new AlexaRequestFilter(verifier)) // 400 before any servlet runs
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/alexa");
        context.addServlet("alexa-skill", new AskSkillServlet(skill)) // ASK's Skill, jakarta.servlet
                .addMapping("/alexa");
    }
}
// end::ask-jakarta[]
