package io.github.skillmessaging.docs.snippets.newfields;

// tag::unmodelled-fields[]
import com.fasterxml.jackson.databind.JsonNode;
import io.github.skillmessaging.lists.ListItem;
import io.github.skillmessaging.request.RequestConverter;
import io.github.skillmessaging.request.SkillRequest;
import java.util.Optional;

public class NewFields {
    /** context.System.person (sent when Alexa recognised the speaker), which this SDK does not model. */
    public static Optional<String> personId(byte[] body) {
        SkillRequest request = RequestConverter.parse(body);
        JsonNode personId = request.system().json().path("person").path("personId");
        return personId.isTextual() ? Optional.of(personId.asText()) : Optional.empty();
    }

    /** Any field of the request object, e.g. one Amazon added after this SDK version. */
    public static Optional<String> requestField(SkillRequest request, String field) {
        JsonNode value = request.request().json().path(field);
        return value.isValueNode() ? Optional.of(value.asText()) : Optional.empty();
    }

    /** The same for a list item read with ListManagementClient. */
    public static Optional<String> itemField(ListItem item, String field) {
        JsonNode value = item.json().path(field);
        return value.isValueNode() ? Optional.of(value.asText()) : Optional.empty();
    }
}
// end::unmodelled-fields[]
