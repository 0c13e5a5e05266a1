package io.github.skillmessaging.docs.snippets.askuser;

// tag::ask-user-context[]
import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.dispatcher.request.handler.RequestHandler;
import com.amazon.ask.model.Response;
import com.amazon.ask.model.events.skillevents.SkillEnabledRequest;
import com.amazon.ask.request.Predicates;
import io.github.skillmessaging.ask.AskUserContext;
import java.util.Optional;

public class SkillEnabledHandler implements RequestHandler {
    @Override
    public boolean canHandle(HandlerInput input) {
        return input.matches(Predicates.requestType(SkillEnabledRequest.class));
    }

    @Override
    public Optional<Response> handle(HandlerInput input) {
        AskUserContext user = AskUserContext.of(input); // userId, apiEndpoint, apiAccessToken; names what is missing
        // Store these two to send skill messages later; never store the token.
        System.out.println("store " + user.userId() + " with " + user.apiEndpoint());
        return input.getResponseBuilder().build();
    }
}
// end::ask-user-context[]
