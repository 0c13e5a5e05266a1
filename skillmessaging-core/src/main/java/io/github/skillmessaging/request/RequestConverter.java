package io.github.skillmessaging.request;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.skillmessaging.error.RequestParseException;
import io.github.skillmessaging.internal.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads the JSON Alexa sends to a skill into a {@link SkillRequest}, choosing the {@link Request}
 * type through a registry of {@link RequestTypeConverter}s.
 *
 * <p>Two ways to use it:
 * <ul>
 *   <li>the global default, as in the .NET library: {@link #parse(String)} and
 *       {@link #register(RequestTypeConverter)};</li>
 *   <li>an instance with its own registry, for tests or several skills in one JVM:
 *       {@code RequestConverter.builder().add(converter).build().convert(json)}. (Java forbids a
 *       static and an instance method with one signature, hence {@code convert} and {@code add}
 *       on instances.)</li>
 * </ul>
 *
 * <p>Every registry holds, in this order: the built-in converters (messages, skill events,
 * launch, intent, session end), the converters found by {@link ServiceLoader} (unless turned off
 * in the builder), then those added. Converters may be added at any time, also after parsing
 * started, from any thread; the next parse sees them. Precedence is described in
 * {@link RequestTypeConverter}: exact types win over prefixes; otherwise the most recently
 * registered converter wins. Adding a converter of a class already registered with the same
 * declared types and prefixes replaces that one in place (its precedence is kept), so
 * registering the same converter again — e.g.
 * {@code register(new MessageReceivedRequestTypeConverter())} on every invocation — is harmless
 * and does not grow the registry. A type no converter handles becomes an {@link UnknownRequest}.
 *
 * <p>Thread-safe.
 */
public final class RequestConverter {
    private static final System.Logger LOG = System.getLogger(RequestConverter.class.getName());

    private final AtomicReference<Registry> registry;

    private RequestConverter(List<RequestTypeConverter> converters) {
        Registry initial = Registry.EMPTY;
        for (RequestTypeConverter converter : converters) {
            initial = initial.with(Registration.of(converter));
        }
        this.registry = new AtomicReference<>(initial);
    }

    /** A builder of a converter with its own registry. */
    public static Builder builder() {
        return new Builder();
    }

    /** The global converter behind {@link #parse} and {@link #register}; created on first use. */
    public static RequestConverter defaultConverter() {
        return DefaultHolder.INSTANCE;
    }

    /** Adds {@code converter} to the global registry (see the class comment for precedence). */
    public static void register(RequestTypeConverter converter) {
        defaultConverter().add(converter);
    }

    /**
     * Reads a request with the global registry.
     *
     * @throws RequestParseException when {@code json} is not a skill request
     */
    public static SkillRequest parse(String json) {
        return defaultConverter().convert(json);
    }

    /**
     * Reads a request (UTF-8 JSON, e.g. the raw body that was verified) with the global registry.
     *
     * @throws RequestParseException when {@code json} is not a skill request
     */
    public static SkillRequest parse(byte[] json) {
        return defaultConverter().convert(json);
    }

    /** Adds {@code converter} to this registry (see the class comment for precedence); returns this. */
    public RequestConverter add(RequestTypeConverter converter) {
        Registration registration = Registration.of(converter);
        registry.updateAndGet(current -> current.with(registration));
        return this;
    }

    /** The registered converters in registration order (a snapshot). */
    public List<RequestTypeConverter> converters() {
        return registry.get().converters();
    }

    /** The converter that would handle {@code requestType}, if any. */
    public Optional<RequestTypeConverter> converterFor(String requestType) {
        return Optional.ofNullable(registry.get().find(requestType));
    }

    /**
     * Reads a request.
     *
     * @throws RequestParseException when {@code json} is not a skill request
     */
    public SkillRequest convert(String json) {
        Objects.requireNonNull(json, "json");
        JsonNode root;
        try {
            root = Json.readTree(json);
        } catch (IOException e) {
            throw notJson(e);
        }
        return toSkillRequest(root);
    }

    /**
     * Reads a request from UTF-8 JSON bytes.
     *
     * @throws RequestParseException when {@code json} is not a skill request
     */
    public SkillRequest convert(byte[] json) {
        Objects.requireNonNull(json, "json");
        JsonNode root;
        try {
            root = Json.readTree(json);
        } catch (IOException e) {
            throw notJson(e);
        }
        return toSkillRequest(root);
    }

    private static RequestParseException notJson(IOException e) {
        // Jackson's own messages may quote the input (e.g. an unrecognized token), so they are
        // never used, except the limit messages, which quote only numbers.
        if (e instanceof StreamConstraintsException limit) {
            return new RequestParseException("Request body exceeds a JSON parser limit: " + limit.getOriginalMessage());
        }
        String where = "";
        if (e instanceof JsonProcessingException processing && processing.getLocation() != null) {
            JsonLocation location = processing.getLocation();
            where = " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        }
        if (e instanceof JsonEOFException) {
            return new RequestParseException("Request body is not valid JSON: it ends too early" + where);
        }
        return new RequestParseException("Request body is not valid JSON" + where);
    }

    private SkillRequest toSkillRequest(JsonNode root) {
        if (root == null || root.isMissingNode()) {
            throw new RequestParseException("Request body is empty");
        }
        if (!root.isObject()) {
            throw new RequestParseException("Request body is not a JSON object");
        }
        JsonNode requestNode = root.get("request");
        if (requestNode == null || requestNode.isNull()) {
            throw new RequestParseException("request is missing");
        }
        if (!requestNode.isObject()) {
            throw new RequestParseException("request is not a JSON object");
        }
        String type = RequestFields.requiredText(requestNode, "type", "request.type");
        String version = RequestFields.requiredText(root, "version", "version");
        JsonNode contextNode = RequestFields.object(root, "context")
                .orElseThrow(() -> new RequestParseException("context.System is missing"));
        Context context = new Context(contextNode);
        Request request = convertRequest(type, requestNode);
        return new SkillRequest(root, version, context, request);
    }

    private Request convertRequest(String type, JsonNode requestNode) {
        RequestTypeConverter converter = registry.get().find(type);
        if (converter == null) {
            return new UnknownRequest(RequestFields.header(requestNode));
        }
        Request request;
        try {
            request = converter.convert(requestNode);
        } catch (RequestParseException e) {
            throw e;
        } catch (RuntimeException e) {
            // The converter's message may quote the request: keep only its class and stack.
            RuntimeException withheld = new RuntimeException(e.getClass().getName() + " (message withheld)");
            withheld.setStackTrace(e.getStackTrace());
            throw new RequestParseException(
                    "Request type converter " + converter.getClass().getName() + " failed with "
                            + e.getClass().getName(),
                    withheld);
        }
        if (request == null) {
            throw new RequestParseException(
                    "Request type converter " + converter.getClass().getName() + " returned null");
        }
        return request;
    }

    /** Builds a {@link RequestConverter} with its own registry. */
    public static final class Builder {
        private final List<RequestTypeConverter> added = new ArrayList<>();
        private boolean discoverConverters = true;
        private ClassLoader classLoader;

        private Builder() {}

        /** Adds a converter after the built-in and discovered ones. */
        public Builder add(RequestTypeConverter converter) {
            added.add(Objects.requireNonNull(converter, "converter"));
            return this;
        }

        /**
         * Whether to add the converters listed in
         * {@code META-INF/services/io.github.skillmessaging.request.RequestTypeConverter} on the
         * class path (default {@code true}; the global converter always does).
         */
        public Builder discoverConverters(boolean discover) {
            this.discoverConverters = discover;
            return this;
        }

        /**
         * The class loader to discover converters with; by default the thread's context class
         * loader, or this library's when there is none.
         */
        public Builder classLoader(ClassLoader loader) {
            this.classLoader = Objects.requireNonNull(loader, "loader");
            return this;
        }

        /** A new converter with the built-in, discovered and added converters. */
        public RequestConverter build() {
            List<RequestTypeConverter> converters = new ArrayList<>();
            converters.add(new MessageReceivedRequestTypeConverter());
            converters.add(new SkillEventRequestTypeConverter());
            converters.add(new CustomSkillRequestTypeConverter());
            if (discoverConverters) {
                converters.addAll(discover(classLoader != null ? classLoader : defaultClassLoader()));
            }
            converters.addAll(added);
            return new RequestConverter(converters);
        }

        private static ClassLoader defaultClassLoader() {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            return context != null ? context : RequestConverter.class.getClassLoader();
        }

        private static List<RequestTypeConverter> discover(ClassLoader loader) {
            List<RequestTypeConverter> found = new ArrayList<>();
            Iterator<RequestTypeConverter> providers =
                    ServiceLoader.load(RequestTypeConverter.class, loader).iterator();
            for (int failures = 0; failures < 100; ) {
                try {
                    if (!providers.hasNext()) {
                        break;
                    }
                    found.add(providers.next());
                } catch (ServiceConfigurationError e) {
                    failures++;
                    LOG.log(
                            System.Logger.Level.WARNING,
                            "Skipping a RequestTypeConverter that cannot be loaded: {0}",
                            e.getMessage());
                }
            }
            return found;
        }
    }

    private static final class DefaultHolder {
        static final RequestConverter INSTANCE = builder().build();
    }

    /** A converter and the types it declared when registered. */
    private record Registration(RequestTypeConverter converter, Set<String> exactTypes, Set<String> prefixes) {
        /** Same class declaring the same types: a repeated registration of one converter. */
        boolean isSameAs(Registration other) {
            return converter.getClass() == other.converter.getClass()
                    && exactTypes.equals(other.exactTypes)
                    && prefixes.equals(other.prefixes);
        }

        static Registration of(RequestTypeConverter converter) {
            Objects.requireNonNull(converter, "converter");
            return new Registration(
                    converter,
                    Set.copyOf(Objects.requireNonNull(converter.requestTypes(), "requestTypes()")),
                    Set.copyOf(Objects.requireNonNull(converter.requestTypePrefixes(), "requestTypePrefixes()")));
        }
    }

    private record PrefixRoute(String prefix, int order, RequestTypeConverter converter) {}

    /** An immutable lookup index, rebuilt on every registration (copy-on-write). */
    private static final class Registry {
        static final Registry EMPTY = new Registry(List.of());

        private final List<Registration> registrations;
        private final Map<String, RequestTypeConverter> exact = new HashMap<>();
        private final List<PrefixRoute> prefixRoutes = new ArrayList<>();

        private Registry(List<Registration> registrations) {
            this.registrations = List.copyOf(registrations);
            for (int order = 0; order < this.registrations.size(); order++) {
                Registration registration = this.registrations.get(order);
                for (String type : registration.exactTypes()) {
                    exact.put(type, registration.converter()); // later registrations win
                }
                for (String prefix : registration.prefixes()) {
                    prefixRoutes.add(new PrefixRoute(prefix, order, registration.converter()));
                }
            }
            prefixRoutes.sort(Comparator.comparingInt(
                            (PrefixRoute route) -> route.prefix().length())
                    .thenComparingInt(PrefixRoute::order)
                    .reversed());
        }

        Registry with(Registration registration) {
            List<Registration> next = new ArrayList<>(registrations);
            int existing = -1;
            for (int i = 0; i < next.size(); i++) {
                if (next.get(i).isSameAs(registration)) {
                    existing = i;
                    break;
                }
            }
            if (existing >= 0) {
                next.set(existing, registration);
            } else {
                next.add(registration);
            }
            return new Registry(next);
        }

        RequestTypeConverter find(String type) {
            RequestTypeConverter converter = exact.get(type);
            if (converter != null) {
                return converter;
            }
            for (PrefixRoute route : prefixRoutes) {
                if (type.startsWith(route.prefix())) {
                    return route.converter();
                }
            }
            return null;
        }

        List<RequestTypeConverter> converters() {
            List<RequestTypeConverter> converters = new ArrayList<>();
            for (Registration registration : registrations) {
                converters.add(registration.converter());
            }
            return List.copyOf(converters);
        }
    }
}
