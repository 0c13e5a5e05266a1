package io.github.skillmessaging.docs.snippets.dotnetconverter;

// tag::dotnet-converter[]
import io.github.skillmessaging.request.MessageReceivedRequest;
import io.github.skillmessaging.request.MessageReceivedRequestTypeConverter;
import io.github.skillmessaging.request.RequestConverter;
import io.github.skillmessaging.request.SkillRequest;

public class SeedConverterRegistration {
    static String item(String json) {
        // .NET: RequestConverter.RequestConverters.Add(new MessageReceivedRequestTypeConverter());
        RequestConverter.register(new MessageReceivedRequestTypeConverter()); // harmless: built in already
        SkillRequest request = RequestConverter.parse(json);
        if (request.request() instanceof MessageReceivedRequest message) {
            return message.message().get("Key");
        }
        return null;
    }
}
// end::dotnet-converter[]
