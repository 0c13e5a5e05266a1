package io.github.skillmessaging.request;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * Turns the {@code request} object of one or more request types into a typed {@link Request}.
 * Register one with {@link RequestConverter#register} or, to have it found on the class path,
 * list its class in {@code META-INF/services/io.github.skillmessaging.request.RequestTypeConverter}
 * (it then needs a public no-argument constructor).
 *
 * <p>Which converter handles a type: one that names the type in {@link #requestTypes()} (exact)
 * always wins over one whose {@link #requestTypePrefixes()} match it (catch-all), whatever the
 * registration order. Among exact matches, the most recently registered converter wins; among
 * prefix matches, the longest prefix, then the most recently registered. Both sets are read once,
 * at registration. Registering a converter of the same class with the same sets again replaces the
 * earlier one in place.
 */
public interface RequestTypeConverter {
    /** The request types this converter handles, compared exactly, e.g. {@code Messaging.MessageReceived}. */
    Set<String> requestTypes();

    /**
     * Prefixes of request types this converter handles when no converter names the type exactly,
     * e.g. {@code AlexaHouseholdListEvent.}. None by default.
     */
    default Set<String> requestTypePrefixes() {
        return Set.of();
    }

    /**
     * Converts the {@code request} object. Read the common fields with
     * {@link RequestFields#header(JsonNode)}. Throw
     * {@link io.github.skillmessaging.error.RequestParseException} for a request that cannot be
     * read, with a message that names fields but never quotes values; any other exception is
     * wrapped in one by {@link RequestConverter}.
     *
     * @param request the {@code request} object (do not modify it); its {@code type} is a string
     * @return the typed request, never {@code null}
     */
    Request convert(JsonNode request);
}
