package io.github.skillmessaging.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.skillmessaging.http.HttpTransport;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ListManagementClientCancellationTest {
    @Test
    void cancellingAnAsyncCall_stopsItsRetries() {
        List<HttpTransport.Request> sent = new CopyOnWriteArrayList<>();
        HttpTransport failing = request -> {
            sent.add(request);
            return CompletableFuture.completedFuture(new HttpTransport.Response(503, Map.of(), new byte[0]));
        };
        CompletableFuture<Void> sleep = new CompletableFuture<>();
        ListManagementClient client = ListManagementClient.builder()
                .apiEndpoint("https://api.amazonalexa.com")
                .apiAccessToken("tok")
                .transport(failing)
                .sleeper(delay -> sleep)
                .build();

        CompletableFuture<List<ListMetadata>> call = client.getListsMetadataAsync();
        assertThat(sent).hasSize(1);
        call.cancel(true);
        sleep.complete(null);

        assertThat(call).isCancelled();
        assertThat(sent).hasSize(1);
    }

    @Test
    void aTokenWithControlCharacters_isRefusedWithoutQuotingIt() {
        assertThatThrownBy(() -> ListManagementClient.create("https://api.amazonalexa.com", "secret\r\nX-Evil: 1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("secret")
                .hasMessageContaining("control characters");
    }

    @Test
    void blankIdsAndValues_areRefusedBeforeAnythingIsSent() {
        List<HttpTransport.Request> sent = new CopyOnWriteArrayList<>();
        ListManagementClient client = ListManagementClient.builder()
                .apiEndpoint("https://api.amazonalexa.com")
                .apiAccessToken("tok")
                .transport(request -> {
                    sent.add(request);
                    return new CompletableFuture<>();
                })
                .build();

        assertThatThrownBy(() -> client.getItemAsync(" ", "i"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("listId");
        assertThatThrownBy(() -> client.deleteItem("L", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("itemId");
        assertThatThrownBy(() -> client.createItem("L", " ", ItemStatus.ACTIVE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("value");
        assertThatThrownBy(() -> client.createList("")).isInstanceOf(IllegalArgumentException.class);
        assertThat(sent).isEmpty();
    }
}
