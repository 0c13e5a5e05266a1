package io.github.skillmessaging.request;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/** A request made by a test converter, tagged with which converter made it. */
record TaggedRequest(RequestHeader header, String tag) implements Request {

    /** Handles exact types. */
    static class ExactConverter implements RequestTypeConverter {
        private final Set<String> types;
        private final String tag;

        ExactConverter(String tag, String... types) {
            this.types = Set.of(types);
            this.tag = tag;
        }

        @Override
        public Set<String> requestTypes() {
            return types;
        }

        @Override
        public Request convert(JsonNode request) {
            return new TaggedRequest(RequestFields.header(request), tag);
        }
    }

    /** Another class handling exact types (a distinct registration). */
    static final class OtherExactConverter extends ExactConverter {
        OtherExactConverter(String tag, String... types) {
            super(tag, types);
        }
    }

    /** Handles a prefix. */
    static class PrefixConverter implements RequestTypeConverter {
        private final String prefix;
        private final String tag;

        PrefixConverter(String tag, String prefix) {
            this.prefix = prefix;
            this.tag = tag;
        }

        @Override
        public Set<String> requestTypes() {
            return Set.of();
        }

        @Override
        public Set<String> requestTypePrefixes() {
            return Set.of(prefix);
        }

        @Override
        public Request convert(JsonNode request) {
            return new TaggedRequest(RequestFields.header(request), tag);
        }
    }
}
