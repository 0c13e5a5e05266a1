package io.github.skillmessaging.docs.snippets.transporturlconnection;

// tag::transport-url-connection[]
import io.github.skillmessaging.SkillMessaging;
import io.github.skillmessaging.http.UrlConnectionTransport;

public class BlockingTransport {
    static SkillMessaging build(String clientId, String clientSecret, UrlConnectionTransport transport) {
        // UrlConnectionTransport.create(32): blocking HttpURLConnection on 32 threads; close it yourself
        return SkillMessaging.builder()
                .clientId(clientId)
                .clientSecret(clientSecret)
                .transport(transport)
                .build();
    }
}
// end::transport-url-connection[]
