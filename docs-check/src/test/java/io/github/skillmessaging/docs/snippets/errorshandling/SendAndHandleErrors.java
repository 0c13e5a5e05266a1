package io.github.skillmessaging.docs.snippets.errorshandling;

// tag::errors-handling[]
import io.github.skillmessaging.Message;
import io.github.skillmessaging.SkillMessaging;
import io.github.skillmessaging.error.AlexaServiceException;
import io.github.skillmessaging.error.ApiTimeoutException;
import io.github.skillmessaging.error.BadRequestException;
import io.github.skillmessaging.error.NotFoundException;
import io.github.skillmessaging.error.RateLimitException;
import io.github.skillmessaging.error.SkillMessagingException;
import io.github.skillmessaging.error.TokenRequestException;
import io.github.skillmessaging.error.TransportException;

public class SendAndHandleErrors {
    static void send(SkillMessaging messaging, String userId, String apiEndpoint, Message message) {
        try {
            messaging.send(userId, apiEndpoint, message);
        } catch (NotFoundException e) {
            System.err.println("unknown user (skill disabled?): forget " + userId);
        } catch (BadRequestException e) {
            System.err.println(
                    "Alexa refused the message: " + e.serviceMessage().orElse(e.getMessage()));
        } catch (RateLimitException e) {
            System.err.println(
                    "throttled after retries; Retry-After " + e.retryAfter().orElse(null));
        } catch (TokenRequestException e) {
            System.err.println("Login-With-Amazon said " + e.error() + ": check the client id and secret");
        } catch (AlexaServiceException e) {
            System.err.println(
                    "HTTP " + e.statusCode() + ", request id " + e.requestId().orElse("none"));
        } catch (ApiTimeoutException | TransportException e) {
            // No answer. Refused connection: certainly not sent. Otherwise Alexa may have queued it,
            // and sending again may deliver it twice.
            System.err.println("no answer; may have been delivered: " + e.mayHaveBeenDelivered());
        } catch (SkillMessagingException e) {
            System.err.println(e.getMessage()); // never contains the secret or a token
        }
    }
}
// end::errors-handling[]
