package io.github.skillmessaging.docs.snippets.listsbuilder;

// tag::lists-builder[]
import io.github.skillmessaging.RetryPolicy;
import io.github.skillmessaging.lists.ListManagementClient;
import java.time.Duration;

public class ListsClientSettings {
    static ListManagementClient client(String apiEndpoint, String apiAccessToken) {
        return ListManagementClient.builder()
                .apiEndpoint(apiEndpoint)
                .apiAccessToken(apiAccessToken)
                .retryPolicy(RetryPolicy.builder().maxAttempts(2).build())
                .attemptTimeout(Duration.ofSeconds(5))
                .build();
    }
}
// end::lists-builder[]
