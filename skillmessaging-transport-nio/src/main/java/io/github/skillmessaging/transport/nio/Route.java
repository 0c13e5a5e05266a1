package io.github.skillmessaging.transport.nio;

import java.net.URI;
import java.util.Locale;

/** Scheme, host and port: connections are reused within one route. */
record Route(boolean tls, String host, int port) {
    static Route of(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("only http and https URIs are supported");
        }
        String host = uri.getHost();
        if (host == null) {
            throw new IllegalArgumentException("the URI has no host");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        boolean tls = scheme.equals("https");
        return new Route(tls, host, uri.getPort() == -1 ? (tls ? 443 : 80) : uri.getPort());
    }

    @Override
    public String toString() {
        return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    }
}
