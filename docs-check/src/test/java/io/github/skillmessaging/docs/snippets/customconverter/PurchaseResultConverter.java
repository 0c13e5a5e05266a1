package io.github.skillmessaging.docs.snippets.customconverter;

// tag::custom-converter[]
import com.fasterxml.jackson.databind.JsonNode;
import io.github.skillmessaging.request.Request;
import io.github.skillmessaging.request.RequestConverter;
import io.github.skillmessaging.request.RequestFields;
import io.github.skillmessaging.request.RequestHeader;
import io.github.skillmessaging.request.RequestTypeConverter;
import io.github.skillmessaging.request.SkillRequest;
import java.util.Set;

public final class PurchaseResultConverter implements RequestTypeConverter {
    /** Your request type: a record implementing Request. */
    public record PurchaseResult(RequestHeader header, String name) implements Request {}

    @Override
    public Set<String> requestTypes() {
        return Set.of("Connections.Response");
    }

    @Override
    public Request convert(JsonNode request) {
        return new PurchaseResult(
                RequestFields.header(request),
                RequestFields.text(request, "name").orElse(""));
    }

    static SkillRequest parse(byte[] body) {
        RequestConverter.register(new PurchaseResultConverter()); // global, like the .NET RequestConverters.Add(...)
        RequestConverter mine = RequestConverter.builder() // or a registry of your own
                .add(new PurchaseResultConverter())
                .discoverConverters(false) // built-ins only, no ServiceLoader
                .build();
        return mine.convert(body);
    }
}
// end::custom-converter[]
