package io.github.skillmessaging.request;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * Registered only through src/test/resources/META-INF/services, to prove ServiceLoader discovery
 * (as the lists module registers its list-event converters).
 */
public final class DiscoveredTestRequestTypeConverter implements RequestTypeConverter {
    static final String PREFIX = "Test.Discovered.";

    @Override
    public Set<String> requestTypes() {
        return Set.of();
    }

    @Override
    public Set<String> requestTypePrefixes() {
        return Set.of(PREFIX);
    }

    @Override
    public Request convert(JsonNode request) {
        return new TaggedRequest(RequestFields.header(request), "discovered");
    }
}
