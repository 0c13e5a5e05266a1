package io.github.skillmessaging.benchmarks.coldstart;

import io.github.skillmessaging.Message;
import io.github.skillmessaging.SkillMessaging;
import io.github.skillmessaging.http.UrlConnectionTransport;
import io.github.skillmessaging.request.MessageReceivedRequest;
import io.github.skillmessaging.request.RequestConverter;
import io.github.skillmessaging.request.SkillRequest;
import io.github.skillmessaging.response.SkillResponse;
import java.nio.charset.StandardCharsets;

/**
 * One cold start of this library, as a skill's first invocation does it: parse one
 * MessageReceived request, write the acknowledgement, send one skill message (one LWA token
 * request, one POST). Arguments: base URL of the loopback LWA + Skill Messaging stand-in, then
 * optionally {@code url-connection} to send on the opt-in {@link UrlConnectionTransport} instead of
 * the default {@code JdkHttpTransport}.
 */
public final class OursColdStart {
    private OursColdStart() {}

    public static void main(String[] args) {
        long main = System.nanoTime();
        try {
            String base = args[0];
            boolean urlConnection = args.length > 1 && args[1].equals("url-connection");

            SkillRequest request = RequestConverter.parse(Fixture.REQUEST);
            MessageReceivedRequest received = request.requestAs(MessageReceivedRequest.class)
                    .orElseThrow(() -> new IllegalStateException("not a MessageReceivedRequest: " + request.request()));
            Fixture.require(Fixture.USER_ID.equals(request.userId()), "userId");
            Fixture.require("42".equals(received.message().get("listItemId")), "message");
            long parsed = System.nanoTime();

            byte[] body = SkillResponse.empty().toBytes();
            Fixture.require(
                    Fixture.ACK.equals(new String(body, StandardCharsets.UTF_8)),
                    "response " + new String(body, StandardCharsets.UTF_8));
            long responded = System.nanoTime();

            SkillMessaging.Builder builder = SkillMessaging.builder()
                    .clientId("bench-client")
                    .clientSecret("bench-secret")
                    .tokenBaseAddress(base)
                    .defaultEndpoint(base);
            if (urlConnection) {
                builder.transport(UrlConnectionTransport.create(1));
            }
            SkillMessaging messaging = builder.build();
            // send() returns only on 2xx (202 from the stand-in); anything else throws.
            String messageId = messaging.send(request.userId(), new Message(Fixture.DATA, 3600));
            Fixture.require(messageId != null, "message id");
            long sent = System.nanoTime();

            Fixture.report(main, parsed, responded, sent);
        } catch (Throwable t) {
            t.printStackTrace();
            Fixture.fail(t.toString());
        }
        System.exit(0); // as AskColdStart must (non-daemon threads), so both end the same way
    }
}
