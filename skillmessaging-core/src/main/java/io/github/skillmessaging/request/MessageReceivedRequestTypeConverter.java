package io.github.skillmessaging.request;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * Converts {@code Messaging.MessageReceived} into {@link MessageReceivedRequest}. Always
 * registered; the class exists under this name for users of the .NET library, whose setup line
 * {@code RequestConverter.register(new MessageReceivedRequestTypeConverter())} is harmless here.
 */
public final class MessageReceivedRequestTypeConverter implements RequestTypeConverter {
    /** The converter; stateless, so one instance can serve any number of registries. */
    public MessageReceivedRequestTypeConverter() {}

    @Override
    public Set<String> requestTypes() {
        return Set.of(MessageReceivedRequest.TYPE);
    }

    @Override
    public Request convert(JsonNode request) {
        return new MessageReceivedRequest(RequestFields.header(request), request);
    }
}
