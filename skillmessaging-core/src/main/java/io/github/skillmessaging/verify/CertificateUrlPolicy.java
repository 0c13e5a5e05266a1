package io.github.skillmessaging.verify;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * Which {@code SignatureCertChainUrl} values a {@link RequestVerifier} accepts, and the normalized
 * URL it downloads and caches. Checked before anything is downloaded.
 *
 * <p>Only two policies exist, on purpose:
 * <ul>
 *   <li>{@link #amazon()}, the default and the only one for production: Amazon's rules;</li>
 *   <li>{@link #loopbackForTesting()}: for a local Alexa emulator (the testkit) that serves its
 *       own chain on {@code http://127.0.0.1}. Never use it in production: pair it with the
 *       emulator's own trust anchors, in tests only.</li>
 * </ul>
 *
 * <p>Both policies reject URLs that are not absolute hierarchical URIs, that carry user info, a
 * query or a fragment, an empty port, or a path with percent-encoded {@code .}, {@code /},
 * {@code \}, {@code %} or NUL (which a server or proxy could decode into a traversal after the
 * check). The path is then normalized ({@code .} and {@code ..} segments removed) before the
 * prefix check.
 */
public final class CertificateUrlPolicy {
    /** The host Amazon's certificate chains are served from (compared case-insensitively). */
    public static final String AMAZON_HOST = "s3.amazonaws.com";
    /** The path prefix Amazon's certificate chains live under (compared case-sensitively, after normalization). */
    public static final String AMAZON_PATH_PREFIX = "/echo.api/";

    private static final int MAX_URL_CHARS = 2048;
    private static final List<String> FORBIDDEN_ESCAPES = List.of("%2e", "%2f", "%5c", "%25", "%00");
    private static final CertificateUrlPolicy AMAZON = new CertificateUrlPolicy(false);
    private static final CertificateUrlPolicy LOOPBACK = new CertificateUrlPolicy(true);

    private final boolean loopback;

    private CertificateUrlPolicy(boolean loopback) {
        this.loopback = loopback;
    }

    /**
     * Amazon's rules: scheme {@code https} and host {@code s3.amazonaws.com} (both
     * case-insensitive), port absent or 443, and a normalized path starting with
     * {@code /echo.api/} (case-sensitive).
     */
    public static CertificateUrlPolicy amazon() {
        return AMAZON;
    }

    /**
     * <b>For tests only.</b> Accepts {@code http} or {@code https} URLs on a loopback host
     * ({@code localhost}, {@code 127.0.0.0/8} or {@code [::1]}), any port and any path, so a local
     * Alexa emulator can serve its own certificate chain. Use with that emulator's trust anchors
     * ({@link RequestVerifier.Builder#trustAnchors}); it can never accept a chain from a remote host.
     */
    public static CertificateUrlPolicy loopbackForTesting() {
        return LOOPBACK;
    }

    /** True for {@link #loopbackForTesting()}. */
    public boolean isForTestingOnly() {
        return loopback;
    }

    /**
     * Checks {@code url} against this policy and returns its normalized form: lower-case scheme
     * and host, no default port, {@code .} and {@code ..} resolved.
     *
     * @throws RequestVerificationException with rule {@link VerificationRule#CERT_URL} when the
     *     URL breaks the policy
     */
    public URI normalize(String url) {
        if (url == null || url.isBlank()) {
            throw reject("the URL is empty");
        }
        String trimmed = url.trim();
        if (trimmed.length() > MAX_URL_CHARS) {
            throw reject("the URL is longer than " + MAX_URL_CHARS + " characters");
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw reject("the URL is not a valid URI");
        }
        String shown = shorten(uri.toString());
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getRawAuthority() == null) {
            throw reject("not an absolute hierarchical URL: " + shown);
        }
        if (uri.getRawUserInfo() != null) {
            throw reject("user info is not allowed: " + shown);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw reject("a query or fragment is not allowed: " + shown);
        }
        String host = uri.getHost();
        if (host == null || uri.getRawAuthority().endsWith(":")) {
            throw reject("the host or port is malformed: " + shown);
        }
        String rawPath = uri.getRawPath();
        if (rawPath == null || !rawPath.startsWith("/")) {
            throw reject("the path is missing: " + shown);
        }
        String lowerPath = rawPath.toLowerCase(Locale.ROOT);
        for (String escape : FORBIDDEN_ESCAPES) {
            if (lowerPath.contains(escape)) {
                throw reject("the path contains the percent-encoded character " + escape + ": " + shown);
            }
        }
        String path = uri.normalize().getRawPath();
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String lowerHost = host.toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        return loopback
                ? checkLoopback(scheme, lowerHost, port, path, shown)
                : checkAmazon(scheme, lowerHost, port, path, shown);
    }

    private static URI checkAmazon(String scheme, String host, int port, String path, String shown) {
        if (!scheme.equals("https")) {
            throw reject("the scheme must be https: " + shown);
        }
        if (!host.equals(AMAZON_HOST)) {
            throw reject("the host must be " + AMAZON_HOST + ": " + shown);
        }
        if (port != -1 && port != 443) {
            throw reject("the port must be absent or 443: " + shown);
        }
        if (!path.startsWith(AMAZON_PATH_PREFIX)) {
            throw reject("the normalized path must start with " + AMAZON_PATH_PREFIX + ": " + shown);
        }
        return URI.create("https://" + AMAZON_HOST + path);
    }

    private static URI checkLoopback(String scheme, String host, int port, String path, String shown) {
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw reject("the scheme must be http or https: " + shown);
        }
        if (!isLoopback(host)) {
            throw reject("the host must be a loopback address (test policy): " + shown);
        }
        if (!path.startsWith("/")) {
            throw reject("the normalized path escapes the root: " + shown);
        }
        return URI.create(scheme + "://" + host + (port == -1 ? "" : ":" + port) + path);
    }

    /** {@code localhost}, a dotted-quad in 127.0.0.0/8 or {@code [::1]}; never resolves a name. */
    static boolean isLoopback(String host) {
        if (host.equals("localhost") || host.equals("[::1]") || host.equals("[0:0:0:0:0:0:0:1]")) {
            return true;
        }
        String[] octets = host.split("\\.", -1);
        if (octets.length != 4 || !octets[0].equals("127")) {
            return false;
        }
        for (String octet : octets) {
            if (octet.isEmpty()
                    || octet.length() > 3
                    || !octet.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    private static String shorten(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }

    private static RequestVerificationException reject(String why) {
        return new RequestVerificationException(VerificationRule.CERT_URL, "certificate chain URL rejected: " + why);
    }

    @Override
    public String toString() {
        return loopback ? "CertificateUrlPolicy[loopbackForTesting]" : "CertificateUrlPolicy[amazon]";
    }
}
