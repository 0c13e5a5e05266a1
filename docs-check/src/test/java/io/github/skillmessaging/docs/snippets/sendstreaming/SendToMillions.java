package io.github.skillmessaging.docs.snippets.sendstreaming;

// tag::send-streaming[]
import io.github.skillmessaging.BulkSummary;
import io.github.skillmessaging.Message;
import io.github.skillmessaging.Recipient;
import io.github.skillmessaging.SendResult;
import io.github.skillmessaging.SkillMessaging;
import io.github.skillmessaging.error.BulkSendException;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

public class SendToMillions {
    /** Where the application keeps its users and what happened to each message. */
    interface Users {
        Stream<Recipient> linked(); // e.g. a JDBC cursor: read as the send goes, never all at once

        void record(SendResult result);
    }

    static void notifyEveryone(SkillMessaging messaging, Users users) {
        Message message = new Message(Map.of("reason", "catalog-updated"));
        try (Stream<Recipient> recipients = users.linked()) {
            BulkSummary summary = messaging
                    .bulkSend()
                    .onResult(users::record) // one call at a time, on this thread
                    .onProgress(Duration.ofSeconds(10), progress -> System.out.println(progress))
                    .send(recipients, message);
            System.out.println(summary); // 1000000 sent in 61.2 s (16339.9/s): 999998 accepted, 2 failed (...)
        } catch (BulkSendException e) {
            // record() threw, the cursor failed, or the client was closed: every recipient taken has its result.
            System.err.println("stopped after " + e.summary().total() + " recipients: " + e.getCause());
        }
    }
}
// end::send-streaming[]
