package io.github.skillmessaging.docs.snippets.skillendpoint;

// tag::skill-endpoint[]
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.skillmessaging.request.IntentRequest;
import io.github.skillmessaging.request.LaunchRequest;
import io.github.skillmessaging.request.MessageReceivedRequest;
import io.github.skillmessaging.request.Request;
import io.github.skillmessaging.request.RequestConverter;
import io.github.skillmessaging.request.SkillDisabledRequest;
import io.github.skillmessaging.request.SkillPermissionAcceptedRequest;
import io.github.skillmessaging.request.SkillRequest;
import io.github.skillmessaging.response.SkillResponse;
import io.github.skillmessaging.verify.InMemoryReplayGuard;
import io.github.skillmessaging.verify.ReplayGuard;
import io.github.skillmessaging.verify.RequestVerificationException;
import io.github.skillmessaging.verify.RequestVerifier;
import io.github.skillmessaging.verify.VerifiedRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;

public class SkillEndpoint {
    private final RequestVerifier verifier = RequestVerifier.builder()
            .allowedApplicationIds("amzn1.ask.skill.1234") // optional skill-id allow-list
            .build(); // build once, share: thread-safe
    private final ReplayGuard replays = InMemoryReplayGuard.create();

    public static void main(String[] args) throws IOException {
        SkillEndpoint endpoint = new SkillEndpoint();
        HttpServer server = HttpServer.create(new InetSocketAddress(8080), 0); // put HTTPS in front
        server.createContext("/alexa", endpoint::handle);
        server.start();
    }

    void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes(); // the exact bytes Alexa signed
        try {
            VerifiedRequest verified = verifier.verify(body, exchange.getRequestHeaders());
            if (!verified.firstSeenBy(replays)) {
                respond(exchange, 200, SkillResponse.empty().toBytes()); // a duplicate: acknowledge, skip
                return;
            }
            respond(exchange, 200, answer(RequestConverter.parse(body)).toBytes());
        } catch (RequestVerificationException e) {
            System.err.println(e.getMessage()); // names the rule; never the body or tokens
            respond(exchange, 400, new byte[0]);
        }
    }

    SkillResponse answer(SkillRequest skillRequest) {
        Request request = skillRequest.request();
        if (request instanceof MessageReceivedRequest message) {
            String item = message.message().get("item"); // the sender's "data"
            String apiEndpoint = skillRequest.system().apiEndpoint().orElseThrow();
            String apiAccessToken = skillRequest.system().apiAccessToken().orElseThrow(); // never store it
            System.out.println("write " + item + " through " + apiEndpoint + " (token of " + apiAccessToken.length()
                    + " chars)"); // see docs/lists.md
            return SkillResponse.empty(); // acknowledge
        } else if (request instanceof SkillPermissionAcceptedRequest accepted) {
            boolean canWrite = accepted.acceptedPermissions().contains("alexa::household:lists:write");
            System.out.println(skillRequest.userId() + " can write lists: " + canWrite);
            return SkillResponse.empty();
        } else if (request instanceof SkillDisabledRequest) {
            return SkillResponse.empty(); // forget the user: re-enabling gives a new userId
        } else if (request instanceof IntentRequest intent) {
            return SkillResponse.speak("You asked for " + intent.intent().name());
        } else if (request instanceof LaunchRequest) {
            return SkillResponse.speak("Welcome.");
        }
        return SkillResponse.empty(); // UnknownRequest and the rest
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
// end::skill-endpoint[]
