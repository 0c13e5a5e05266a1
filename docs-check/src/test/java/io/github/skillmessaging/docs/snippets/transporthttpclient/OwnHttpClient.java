package io.github.skillmessaging.docs.snippets.transporthttpclient;

// tag::transport-http-client[]
import io.github.skillmessaging.SkillMessaging;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

public class OwnHttpClient {
    static SkillMessaging build(String clientId, String clientSecret) {
        ExecutorService callbacks = Executors.newFixedThreadPool(4); // where the futures complete
        HttpClient httpClient = HttpClient.newBuilder()
                .proxy(ProxySelector.of(new InetSocketAddress("proxy.internal", 3128)))
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(callbacks)
                .build();
        return SkillMessaging.builder()
                .clientId(clientId)
                .clientSecret(clientSecret)
                .httpClient(httpClient) // yours: the client never closes it
                .build();
    }
}
// end::transport-http-client[]
