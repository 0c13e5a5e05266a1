package io.github.skillmessaging.benchmarks.coldstart;

import com.amazon.ask.model.RequestEnvelope;
import com.amazon.ask.model.Response;
import com.amazon.ask.model.ResponseEnvelope;
import com.amazon.ask.model.interfaces.messaging.MessageReceivedRequest;
import com.amazon.ask.model.services.ApiResponse;
import com.amazon.ask.model.services.DefaultApiConfiguration;
import com.amazon.ask.model.services.DefaultAuthenticationConfiguration;
import com.amazon.ask.model.services.lwa.LwaClient;
import com.amazon.ask.model.services.skillMessaging.SendSkillMessagingRequest;
import com.amazon.ask.model.services.skillMessaging.SkillMessagingServiceClient;
import com.amazon.ask.services.ApacheHttpApiClient;
import com.amazon.ask.util.JacksonSerializer;
import org.apache.http.impl.client.HttpClients;

/**
 * One cold start of Amazon's ASK SDK for Java (Apache HttpClient), doing what {@link OursColdStart}
 * does: parse one MessageReceived request, write the acknowledgement, send one skill message (one
 * LWA token request, one POST). Argument: base URL of the loopback LWA + Skill Messaging stand-in.
 */
public final class AskColdStart {
    private AskColdStart() {}

    public static void main(String[] args) {
        long main = System.nanoTime();
        try {
            String base = args[0];

            JacksonSerializer serializer = new JacksonSerializer();
            RequestEnvelope envelope = serializer.deserialize(Fixture.REQUEST, RequestEnvelope.class);
            Fixture.require(
                    envelope.getRequest() instanceof MessageReceivedRequest,
                    "not a MessageReceivedRequest: " + envelope.getRequest());
            MessageReceivedRequest received = (MessageReceivedRequest) envelope.getRequest();
            Fixture.require(
                    Fixture.USER_ID.equals(
                            envelope.getContext().getSystem().getUser().getUserId()),
                    "userId");
            Fixture.require("42".equals(received.getMessage().get("listItemId")), "message");
            long parsed = System.nanoTime();

            ResponseEnvelope response = ResponseEnvelope.builder()
                    .withVersion("1.0")
                    .withResponse(Response.builder().build())
                    .build();
            String body = serializer.serialize(response);
            // ASK writes {"version":"1.0","sessionAttributes":{},"response":{}}: the same acknowledgement.
            Fixture.require(
                    body.startsWith("{\"version\":\"1.0\"") && body.contains("\"response\":{}"), "response " + body);
            long responded = System.nanoTime();

            // As Contenders.askClient builds it, with a pool of one.
            ApacheHttpApiClient http = ApacheHttpApiClient.custom()
                    .withHttpClient(HttpClients.custom()
                            .setMaxConnTotal(1)
                            .setMaxConnPerRoute(1)
                            .build())
                    .build();
            LwaClient lwa = LwaClient.builder()
                    .withApiConfiguration(DefaultApiConfiguration.builder()
                            .withApiClient(http)
                            .withSerializer(serializer)
                            .withApiEndpoint(base)
                            .build())
                    .withAuthenticationConfiguration(DefaultAuthenticationConfiguration.builder()
                            .withClientId("bench-client")
                            .withClientSecret("bench-secret")
                            .build())
                    .build();
            SkillMessagingServiceClient client = new SkillMessagingServiceClient(
                    DefaultApiConfiguration.builder()
                            .withApiClient(http)
                            .withSerializer(serializer)
                            .withApiEndpoint(base)
                            .build(),
                    lwa);
            SendSkillMessagingRequest message = SendSkillMessagingRequest.builder()
                    .withData(Fixture.DATA)
                    .withExpiresAfterSeconds(3600L)
                    .build();
            ApiResponse<Void> answer = client.callSendSkillMessage(
                    envelope.getContext().getSystem().getUser().getUserId(), message);
            Fixture.require(answer.getStatusCode() == 202, "status " + answer.getStatusCode());
            long sent = System.nanoTime();

            Fixture.report(main, parsed, responded, sent);
        } catch (Throwable t) {
            t.printStackTrace();
            Fixture.fail(t.toString());
        }
        System.exit(0); // Apache HttpClient's pool and the ASK SDK keep non-daemon threads
    }
}
