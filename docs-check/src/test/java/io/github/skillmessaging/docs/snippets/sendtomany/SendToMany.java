package io.github.skillmessaging.docs.snippets.sendtomany;

// tag::send-to-many[]
import io.github.skillmessaging.Message;
import io.github.skillmessaging.Recipient;
import io.github.skillmessaging.SendResult;
import io.github.skillmessaging.SkillMessaging;
import java.util.List;
import java.util.Map;

public class SendToMany {
    static void notifyAll(SkillMessaging messaging, List<Recipient> recipients) {
        Message message = new Message(Map.of("reason", "catalog-updated"));
        List<SendResult> results = messaging.sendToAll(recipients, message); // or sendToAllAsync
        for (SendResult result : results) {
            if (result.isAccepted()) {
                System.out.println(
                        result.recipient().userId() + ": " + result.messageId().orElse(""));
            } else if (result.mayHaveBeenDelivered()) {
                // An attempt got no answer: Alexa may have queued it. Resend only if a duplicate is fine.
                System.err.println(result.recipient().userId() + " may have been delivered");
            } else {
                RuntimeException failure = result.failure().orElseThrow(); // certainly not delivered
                System.err.println(result.recipient().userId() + " failed: " + failure.getMessage());
            }
        }
    }
}
// end::send-to-many[]
