package io.github.skillmessaging.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The SDK's one JSON configuration. Internal: not part of the public API.
 *
 * <p>Unknown properties are ignored on read (Amazon adds fields without notice), nothing is
 * auto-detected that is not annotated or a record component, and output is compact UTF-8: a
 * character outside the Basic Multilingual Plane (an emoji) is written as its 4 UTF-8 bytes, not
 * as an escaped surrogate pair of 12 bytes ({@link JsonWriteFeature#COMBINE_UNICODE_SURROGATES_IN_UTF8};
 * Jackson pairs a high surrogate with whatever follows it, so callers that must be exact, such as
 * {@code Message}, reject unpaired surrogates first).
 */
public final class Json {
    static {
        JacksonCheck.requireSupportedJackson(); // before any Jackson API newer than the floor is touched
    }

    /**
     * Streaming only: trees are read and written with it, so the usual paths (a request, a
     * response, a message, a token) never build the {@link ObjectMapper}, the costliest part of
     * a cold start (benchmarks, section 6).
     */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {}

    /** The shared, thread-safe mapper, built on first use. Never reconfigure it. */
    public static ObjectMapper mapper() {
        return Mapper.INSTANCE;
    }

    /** A new empty object node (no mapper needed). */
    public static ObjectNode objectNode() {
        return NODES.objectNode();
    }

    /**
     * Reads one JSON value and fails on anything after it. Empty input gives a
     * {@link MissingNode}. Jackson's messages may quote the input: do not show them to users.
     */
    public static JsonNode readTree(byte[] json) throws IOException {
        return readTree(FACTORY.createParser(json));
    }

    /** {@link #readTree(byte[])} for a string. */
    public static JsonNode readTree(String json) throws IOException {
        return readTree(FACTORY.createParser(json));
    }

    private static JsonNode readTree(JsonParser parser) throws IOException {
        try (parser) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return MissingNode.getInstance();
            }
            JsonNode value = value(parser, first);
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                throw new JsonParseException(parser, "Trailing token (of type " + trailing + ") found after value");
            }
            return value;
        }
    }

    private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String name = parser.currentName();
                    object.set(name, value(parser, parser.nextToken()));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    array.add(value(parser, t));
                }
                return array;
            }
            case VALUE_STRING -> {
                return NODES.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(parser.getDoubleValue());
            }
            case VALUE_TRUE -> {
                return NODES.booleanNode(true);
            }
            case VALUE_FALSE -> {
                return NODES.booleanNode(false);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new JsonParseException(parser, "Unexpected token " + token);
        }
    }

    /** Writes a tree as compact UTF-8 JSON, byte for byte as the mapper would. */
    public static byte[] writeTree(JsonNode node) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            write(generator, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(JsonGenerator g, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    g.writeFieldName(field.getKey());
                    write(g, field.getValue());
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode element : node) {
                    write(g, element);
                }
                g.writeEndArray();
            }
            case STRING -> g.writeString(node.textValue());
            case BOOLEAN -> g.writeBoolean(node.booleanValue());
            case NULL -> g.writeNull();
            case NUMBER -> {
                switch (node.numberType()) {
                    case INT -> g.writeNumber(node.intValue());
                    case LONG -> g.writeNumber(node.longValue());
                    case BIG_INTEGER -> g.writeNumber(node.bigIntegerValue());
                    case FLOAT -> g.writeNumber(node.floatValue());
                    case DOUBLE -> g.writeNumber(node.doubleValue());
                    default -> g.writeNumber(node.decimalValue());
                }
            }
            default -> g.writeRawValue(new String(mapper().writeValueAsBytes(node), StandardCharsets.UTF_8));
        }
    }

    /** The mapper for binding records, built only when something binds. */
    private static final class Mapper {
        private static final ObjectMapper INSTANCE = JsonMapper.builder()
                .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(MapperFeature.AUTO_DETECT_GETTERS)
                .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
                .disable(MapperFeature.AUTO_DETECT_SETTERS)
                .build();
    }

    /** Serializes {@code value} to compact UTF-8 JSON. */
    public static byte[] write(Object value) {
        try {
            return value instanceof JsonNode node ? writeTree(node) : mapper().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "Cannot serialize " + value.getClass().getSimpleName() + " to JSON", e);
        }
    }

    /** Reads {@code bytes} as {@code type}; throws {@link IOException} wrapped as unchecked on bad JSON. */
    public static <T> T read(byte[] bytes, Class<T> type) {
        try {
            return mapper().readValue(bytes, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a tree, or returns {@code null} when {@code bytes} is not JSON (used on error bodies). */
    public static JsonNode readTreeOrNull(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        try {
            JsonNode node = readTree(bytes);
            return node.isMissingNode() ? null : node;
        } catch (IOException e) {
            return null;
        }
    }
}
