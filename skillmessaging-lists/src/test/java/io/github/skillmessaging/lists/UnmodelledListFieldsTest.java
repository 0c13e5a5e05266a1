package io.github.skillmessaging.lists;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.skillmessaging.lists.event.ListCreatedEvent;
import io.github.skillmessaging.lists.event.ListDeletedEvent;
import io.github.skillmessaging.lists.event.ListItemsCreatedEvent;
import io.github.skillmessaging.lists.event.ListItemsDeletedEvent;
import io.github.skillmessaging.lists.event.ListItemsUpdatedEvent;
import io.github.skillmessaging.lists.event.ListUpdatedEvent;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every list model gives the JSON it was read from, so a field Amazon adds can be read today. */
class UnmodelledListFieldsTest extends ListApiTestSupport {
    private static final String ITEM =
            "{\"id\": \"i1\", \"version\": 2, \"value\": \"milk\", \"status\": \"active\"," + " \"quantity\": 3}";

    @Test
    void modelsReadByTheClient_keepTheFieldsTheSdkDoesNotModel() {
        wm.stubFor(get(urlEqualTo("/v2/householdlists/"))
                .willReturn(okJson("{\"lists\": [{\"listId\": \"" + SHOPPING_ID + "\", \"state\": \"active\","
                        + " \"color\": \"green\", \"statusMap\": [{\"href\": \"/a\", \"status\": \"active\","
                        + " \"count\": 4}]}]}")));
        wm.stubFor(get(urlEqualTo("/v2/householdlists/" + SHOPPING_ID + "/active"))
                .willReturn(okJson("{\"listId\": \"" + SHOPPING_ID + "\", \"state\": \"active\", \"owner\": \"me\","
                        + " \"items\": [" + ITEM + "]}")));

        ListMetadata metadata = client().getListsMetadata().get(0);
        AlexaList page = client().getList(SHOPPING_ID, ItemStatus.ACTIVE);

        assertThat(metadata.json().path("color").asText()).isEqualTo("green");
        assertThat(metadata.statusMap().get(0).json().path("count").asInt()).isEqualTo(4);
        assertThat(page.json().path("owner").asText()).isEqualTo("me");
        assertThat(page.items().get(0).json().path("quantity").asInt()).isEqualTo(3);
    }

    @Test
    void fromJson_readsWhatTheClientReads_andJsonIsACopy() {
        ListItem item = ListItem.fromJson(ITEM);

        assertThat(item.id()).isEqualTo("i1");
        assertThat(item.version()).isEqualTo(2);
        assertThat(item.value()).isEqualTo("milk");
        assertThat(item.status()).isEqualTo(ItemStatus.ACTIVE);
        ((ObjectNode) item.json()).put("quantity", 99);
        assertThat(item.json().path("quantity").asInt()).isEqualTo(3);
        assertThat(item).isEqualTo(ListItem.fromJson(ITEM.replace("3}", "5}")));
        assertThat(item).isNotEqualTo(ListItem.fromJson(ITEM.replace("milk", "eggs")));
    }

    @Test
    void fromJson_rejectsWhatTheClientRejects_withoutQuotingTheInput() {
        assertThatThrownBy(() -> ListItem.fromJson("{\"value\": \"secret-milk\", \"status\": \"active\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"id\"");
        assertThatThrownBy(() -> ListMetadata.fromJson("not json secret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> AlexaList.fromJson("[]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ListStatusLink.fromJson("{\"href\": \"/a\"}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void modelsAreFinalClasses_withoutPublicConstructors_andWithJson() {
        for (Class<?> model : List.of(
                ListItem.class,
                AlexaList.class,
                ListMetadata.class,
                ListStatusLink.class,
                ListItemsCreatedEvent.class,
                ListItemsUpdatedEvent.class,
                ListItemsDeletedEvent.class,
                ListCreatedEvent.class,
                ListUpdatedEvent.class,
                ListDeletedEvent.class)) {
            assertThat(model.isRecord()).as(model.getSimpleName()).isFalse();
            assertThat(Modifier.isFinal(model.getModifiers()))
                    .as(model.getSimpleName())
                    .isTrue();
            assertThat(model.getConstructors()).as(model.getSimpleName()).isEmpty();
            assertThat(jsonType(model)).as(model.getSimpleName()).isEqualTo(JsonNode.class);
        }
    }

    private static Class<?> jsonType(Class<?> model) {
        try {
            return model.getMethod("json").getReturnType();
        } catch (NoSuchMethodException e) {
            return Void.class;
        }
    }
}
