package io.github.skillmessaging.ask;

import com.amazon.ask.Skill;
import com.amazon.ask.servlet.AskServlets;
import com.amazon.ask.servlet.ServletConstants;
import com.amazon.ask.servlet.SkillServlet;
import io.github.skillmessaging.ask.jakarta.AlexaRequestFilter;
import io.github.skillmessaging.ask.jakarta.AskSkillServlet;
import io.github.skillmessaging.ask.servlet.RequestVerifierAdapter;
import io.github.skillmessaging.ask.servlet.VerifyingSkillServlet;
import io.github.skillmessaging.verify.RequestVerifier;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.util.EnumSet;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;

/**
 * A real Jetty 12 on loopback hosting one ASK skill four ways:
 * <ul>
 * <li>{@code /jakarta/skill}: ee10 (jakarta.servlet 6), {@link AlexaRequestFilter} in front of {@link AskSkillServlet};
 * <li>{@code /javax/verifying}: ee8 (javax.servlet 4), {@link VerifyingSkillServlet};
 * <li>{@code /javax/adapter}: ee8, ASK's own {@code SkillServlet} running {@link RequestVerifierAdapter} as its verifier;
 * <li>{@code /javax/ask-default}: ee8, {@code new SkillServlet(skill)}: ASK's default verifiers, with its signature
 * check switched off by ASK's system property (it accepts only Amazon's certificate URL and the JDK's roots, so it
 * cannot check the sandbox's signatures), leaving ASK's default timestamp verifier.
 * </ul>
 */
final class SkillContainer implements AutoCloseable {
    static final String JAKARTA = "/jakarta/skill";
    static final String VERIFYING = "/javax/verifying";
    static final String ADAPTER = "/javax/adapter";
    static final String ASK_DEFAULT = "/javax/ask-default";
    /** ee10, behind the filter: answers with the bytes it read and the verified request id. */
    static final String ECHO = "/jakarta/echo";
    /** ee10, {@link AskSkillServlet} with no filter mapped. */
    static final String UNFILTERED = "/bare/skill";

    private final Server server;
    private final URI base;

    SkillContainer(Skill skill, RequestVerifier verifier) throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);

        var jakarta = new org.eclipse.jetty.ee10.servlet.ServletContextHandler("/jakarta");
        jakarta.addFilter(
                new org.eclipse.jetty.ee10.servlet.FilterHolder(new AlexaRequestFilter(verifier)),
                "/*",
                EnumSet.of(DispatcherType.REQUEST));
        jakarta.addServlet(new org.eclipse.jetty.ee10.servlet.ServletHolder(new AskSkillServlet(skill)), "/skill");
        jakarta.addServlet(new org.eclipse.jetty.ee10.servlet.ServletHolder(new Echo()), "/echo");
        var bare = new org.eclipse.jetty.ee10.servlet.ServletContextHandler("/bare");
        bare.addServlet(new org.eclipse.jetty.ee10.servlet.ServletHolder(new AskSkillServlet(skill)), "/skill");

        var javax = new org.eclipse.jetty.ee8.servlet.ServletContextHandler();
        javax.setContextPath("/javax");
        javax.addServlet(
                new org.eclipse.jetty.ee8.servlet.ServletHolder(new VerifyingSkillServlet(skill, verifier)),
                "/verifying");
        javax.addServlet(
                new org.eclipse.jetty.ee8.servlet.ServletHolder(
                        AskServlets.withVerifiers(skill, new RequestVerifierAdapter(verifier))),
                "/adapter");
        javax.addServlet(new org.eclipse.jetty.ee8.servlet.ServletHolder(askDefault(skill)), "/ask-default");

        server.setHandler(new ContextHandlerCollection(jakarta, bare, javax.getCoreContextHandler()));
        server.start();
        base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    private static SkillServlet askDefault(Skill skill) {
        String property = ServletConstants.DISABLE_REQUEST_SIGNATURE_CHECK_SYSTEM_PROPERTY;
        System.setProperty(property, "true"); // read once, by the constructor
        try {
            return new SkillServlet(skill);
        } finally {
            System.clearProperty(property);
        }
    }

    /** What a servlet behind {@link AlexaRequestFilter} reads: the exact bytes, and the verification. */
    static final class Echo extends jakarta.servlet.http.HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doPost(
                jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response)
                throws java.io.IOException {
            byte[] body = request.getInputStream().readAllBytes();
            response.setHeader(
                    "Verified-Request-Id",
                    AlexaRequestFilter.verifiedRequest(request)
                            .map(v -> v.requestId())
                            .orElse("none"));
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }

    URI uri(String path) {
        return base.resolve(path);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
