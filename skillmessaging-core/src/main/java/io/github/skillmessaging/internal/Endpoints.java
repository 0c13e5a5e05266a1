package io.github.skillmessaging.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/** Checks base URLs that come from configuration or from Alexa requests. */
public final class Endpoints {
    private Endpoints() {}

    /**
     * Parses an API base URL such as {@code https://api.eu.amazonalexa.com}: absolute, {@code https}
     * (or {@code http} to a loopback host only, for local tests), a host, no query, fragment or
     * user info. A trailing slash is dropped.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static URI baseUrl(String endpoint, String what) {
        if (endpoint == null || endpoint.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        URI uri;
        try {
            uri = new URI(endpoint.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(what + " is not a valid URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw new IllegalArgumentException(what + " must be an absolute URL with a host, was " + endpoint);
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(what + " must not have user info, a query or a fragment: " + endpoint);
        }
        if (scheme.equals("http")) {
            if (!isLoopback(uri.getHost())) {
                throw new IllegalArgumentException(
                        what + " must use https (http is allowed only to loopback hosts): " + endpoint);
            }
        } else if (!scheme.equals("https")) {
            throw new IllegalArgumentException(what + " must use https, was " + endpoint);
        }
        String s = uri.toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return URI.create(s);
    }

    private static boolean isLoopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false; // never resolve names here
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
