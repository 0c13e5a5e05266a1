package io.github.skillmessaging.examples.sync;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The sync's client of the provider's REST API. Any non-2xx answer is a {@link ProviderException}. */
public final class ProviderClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ProviderClient(URI base) {
        this.base = base;
    }

    /** The provider failed or refused a call; the sync answers Alexa 500 so the request comes again. */
    public static final class ProviderException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ProviderException(String message) {
            super(message);
        }
    }

    public List<ProviderItem> items(String account) {
        return JSON.convertValue(call("GET", path(account), null, 200), new TypeReference<List<ProviderItem>>() {});
    }

    public ProviderItem create(String account, String value, boolean completed) {
        return JSON.convertValue(
                call("POST", path(account), Map.of("value", value, "completed", completed), 201), ProviderItem.class);
    }

    public ProviderItem update(String account, ProviderItem current, String value, boolean completed) {
        return JSON.convertValue(
                call(
                        "PUT",
                        path(account) + "/" + encode(current.id()),
                        Map.of("value", value, "completed", completed, "version", current.version()),
                        200),
                ProviderItem.class);
    }

    /** Deletes; an item already gone counts as deleted. */
    public void delete(String account, String id) {
        try {
            call("DELETE", path(account) + "/" + encode(id), null, 204);
        } catch (ProviderException e) {
            if (!e.getMessage().contains("HTTP 404")) {
                throw e;
            }
        }
    }

    private String path(String account) {
        return "/accounts/" + encode(account) + "/items";
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private Object call(String method, String path, Object body, int expected) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != expected) {
                throw new ProviderException(
                        "provider answered HTTP " + response.statusCode() + " to " + method + " " + path);
            }
            return response.body().length == 0 ? null : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new ProviderException("provider unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException("interrupted");
        }
    }
}
