package io.github.skillmessaging;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The Alexa API regions and their base URLs.
 *
 * <p>Prefer the {@code apiEndpoint} that arrives in each user's requests and events (store it next
 * to the user id) over a fixed region: it is always the right one for that user. For the Far East
 * Amazon's Skill Messaging page names {@code https://api.fe.amazon.com}, while requests carry
 * {@code https://api.fe.amazonalexa.com}; this enum uses the latter, the value Alexa itself hands
 * to skills, and {@link #fromEndpoint} recognises both.
 */
public enum AlexaRegion {
    /** North America: {@code https://api.amazonalexa.com}. */
    NORTH_AMERICA("https://api.amazonalexa.com"),
    /** Europe and India: {@code https://api.eu.amazonalexa.com}. */
    EUROPE("https://api.eu.amazonalexa.com"),
    /** Far East (Japan, Australia, New Zealand): {@code https://api.fe.amazonalexa.com}. */
    FAR_EAST("https://api.fe.amazonalexa.com");

    private final URI endpoint;

    AlexaRegion(String endpoint) {
        this.endpoint = URI.create(endpoint);
    }

    /** The API base URL, without a trailing slash. */
    public URI endpoint() {
        return endpoint;
    }

    /** The region whose base URL has the host of {@code apiEndpoint}, if any. */
    public static Optional<AlexaRegion> fromEndpoint(String apiEndpoint) {
        if (apiEndpoint == null) {
            return Optional.empty();
        }
        String host;
        try {
            host = URI.create(apiEndpoint.trim()).getHost();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (host == null) {
            return Optional.empty();
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.equals("api.fe.amazon.com")) {
            return Optional.of(FAR_EAST);
        }
        for (AlexaRegion region : values()) {
            if (region.endpoint.getHost().equals(host)) {
                return Optional.of(region);
            }
        }
        return Optional.empty();
    }
}
