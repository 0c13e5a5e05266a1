package io.github.skillmessaging.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request and response values every transport passes: immutable, whatever the caller does. */
class HttpTransportRecordsTest {

    @Test
    void aResponseCopiesTheCallersHeadersAndBodyAndLooksNamesUpCaseInsensitively() {
        Map<String, List<String>> headers = new HashMap<>();
        List<String> ids = new ArrayList<>(List.of("id-1"));
        headers.put("X-Amzn-RequestId", ids);
        headers.put("x-amzn-requestid", List.of("id-2"));
        headers.put("Retry-After", null);
        headers.put(null, List.of("no name"));
        byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
        HttpTransport.Response response = new HttpTransport.Response(200, headers, body);

        ids.add("added later");
        headers.put("Late", List.of("x"));
        body[0] = 'X';

        assertThat(response.headers()).hasSize(1);
        assertThat(response.headers().get("X-AMZN-REQUESTID")).containsExactlyInAnyOrder("id-1", "id-2");
        assertThat(response.header("x-amzn-requestid")).isPresent();
        assertThat(response.bodyAsString()).isEqualTo("ok");
        assertThatThrownBy(() -> response.headers().put("New", List.of("x")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> response.headers().get("x-amzn-requestid").add("x"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> response.headers().entrySet().iterator().next().setValue(List.of()))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aRequestCopiesHeadersAndBodyAndWithTimeoutCopiesOnlyForANewTimeout() {
        Map<String, String> headers = new HashMap<>(Map.of("Accept", "application/json"));
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        HttpTransport.Request request =
                new HttpTransport.Request("POST", URI.create("https://h/x"), headers, body, Duration.ofSeconds(10));
        headers.put("Authorization", "Bearer later");
        body[0] = 'X';
        assertThat(request.headers()).containsOnlyKeys("Accept");
        assertThat(request.body()).isEqualTo("{}".getBytes(StandardCharsets.UTF_8));

        assertThat(request.withTimeout(Duration.ofSeconds(10))).isSameAs(request);
        HttpTransport.Request shorter = request.withTimeout(Duration.ofSeconds(2));
        assertThat(shorter.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(shorter)
                .isEqualTo(new HttpTransport.Request(
                        "POST",
                        URI.create("https://h/x"),
                        Map.of("Accept", "application/json"),
                        "{}".getBytes(StandardCharsets.UTF_8),
                        Duration.ofSeconds(2)));
    }
}
