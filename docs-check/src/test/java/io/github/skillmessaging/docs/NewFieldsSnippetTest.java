package io.github.skillmessaging.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.skillmessaging.docs.snippets.newfields.NewFields;
import io.github.skillmessaging.lists.ListItem;
import io.github.skillmessaging.request.RequestConverter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The snippet of docs/compatibility.md reads what it says it reads. */
class NewFieldsSnippetTest {
    private static final String BODY = """
            {"version": "1.0",
             "context": {"System": {"user": {"userId": "u"}, "person": {"personId": "amzn1.ask.person.1"}}},
             "request": {"type": "Messaging.MessageReceived", "requestId": "r", "timestamp": "2026-11-25T10:00:00Z",
               "message": {}, "priority": "high"}}
            """;

    @Test
    void theSnippetReadsFieldsTheSdkDoesNotModel() {
        assertThat(NewFields.personId(BODY.getBytes(StandardCharsets.UTF_8))).contains("amzn1.ask.person.1");
        assertThat(NewFields.requestField(RequestConverter.parse(BODY), "priority"))
                .contains("high");
        assertThat(NewFields.requestField(RequestConverter.parse(BODY), "absent"))
                .isEmpty();
        ListItem item = ListItem.fromJson("{\"id\": \"i\", \"status\": \"active\", \"quantity\": 2}");
        assertThat(NewFields.itemField(item, "quantity")).contains("2");
    }
}
