package io.github.skillmessaging.lists;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.skillmessaging.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A WireMock server standing in for the List Management API, and Amazon-shaped fixtures. */
abstract class ListApiTestSupport {
    static final String TOKEN = "Atc|secret-api-access-token";

    /** Base64 of {@code amzn1.account.AEXAMPLE-SHOPPING_ITEM}. */
    static final String SHOPPING_ID = "YW16bjEuYWNjb3VudC5BRVhBTVBMRS1TSE9QUElOR19JVEVN";
    /** Base64 of {@code amzn1.account.AEXAMPLE-TASK}. */
    static final String TODO_ID = "YW16bjEuYWNjb3VudC5BRVhBTVBMRS1UQVNL";
    /** A custom list id with {@code /}, {@code +} and {@code =}. */
    static final String CUSTOM_ID = "YW16bjEu+YWNjb3VudC5BRVhBTVBMRS1jdXN0b20/Pg==";
    /** {@link #CUSTOM_ID} as a path segment. */
    static final String CUSTOM_ID_PATH = "YW16bjEu%2BYWNjb3VudC5BRVhBTVBMRS1jdXN0b20%2FPg%3D%3D";

    static final String ITEM_ID = "item/1+2=";
    static final String ITEM_ID_PATH = "item%2F1%2B2%3D";

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    final Sleeper recordingSleeper = delay -> {
        sleeps.add(delay);
        return CompletableFuture.completedFuture(null);
    };

    String endpoint() {
        return "http://localhost:" + wm.getPort();
    }

    ListManagementClient client() {
        return ListManagementClient.builder()
                .apiEndpoint(endpoint())
                .apiAccessToken(TOKEN)
                .sleeper(recordingSleeper)
                .build();
    }

    static String itemJson(String id, String value, String status, int version) {
        return "{\"id\":\"" + id + "\",\"version\":" + version + ",\"value\":\"" + value + "\",\"status\":\"" + status
                + "\",\"createdTime\":\"Wed Jul 19 23:24:10 UTC 2017\",\"updatedTime\":\"2017-07-20T08:00:00.000Z\","
                + "\"href\":\"/v2/householdlists/" + CUSTOM_ID_PATH + "/items/" + id + "\"}";
    }

    static String listJson(String listId, String itemsJson, String next) {
        return "{\"listId\":\"" + listId + "\",\"name\":\"Groceries\",\"state\":\"active\",\"version\":3,"
                + "\"items\":[" + itemsJson + "],\"links\":" + (next == null ? "{}" : "{\"next\":\"" + next + "\"}")
                + "}";
    }

    static String metadataJson(String listId, String name, String state, int version) {
        return "{\"listId\":\"" + listId + "\",\"name\":\"" + name + "\",\"state\":\"" + state + "\",\"version\":"
                + version + ",\"statusMap\":[{\"href\":\"/v2/householdlists/" + listId
                + "/active\",\"status\":\"active\"},"
                + "{\"href\":\"/v2/householdlists/" + listId + "/completed\",\"status\":\"completed\"}]}";
    }
}
