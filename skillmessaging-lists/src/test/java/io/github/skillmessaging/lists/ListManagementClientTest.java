package io.github.skillmessaging.lists;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ListManagementClientTest extends ListApiTestSupport {
    private static final String LISTS = "/v2/householdlists/";
    private static final Instant JUL_19 = Instant.parse("2017-07-19T23:24:10Z");

    private static MappingBuilder authorized(MappingBuilder m) {
        return m.withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Accept", equalTo("application/json"));
    }

    private static RequestPatternBuilder withBody(RequestPatternBuilder r) {
        return r.withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Content-Type", equalTo("application/json"));
    }

    private static RequestPatternBuilder withoutBody(RequestPatternBuilder r) {
        return r.withHeader("Authorization", equalTo("Bearer " + TOKEN)).withHeader("Content-Type", absent());
    }

    // ---- get lists metadata ----

    @Test
    void getListsMetadata_getsTheHouseholdListsWithTheBearerToken() {
        wm.stubFor(authorized(get(urlEqualTo(LISTS)))
                .willReturn(okJson("{\"lists\":["
                        + metadataJson(SHOPPING_ID, "Alexa shopping list", "active", 1) + ","
                        + metadataJson(TODO_ID, "Alexa to-do list", "archived", 2) + "]}")));

        List<ListMetadata> lists = client().getListsMetadata();

        assertThat(lists).hasSize(2);
        ListMetadata shopping = lists.get(0);
        assertThat(shopping.listId()).isEqualTo(SHOPPING_ID);
        assertThat(shopping.name()).isEqualTo("Alexa shopping list");
        assertThat(shopping.state()).isEqualTo(ListState.ACTIVE);
        assertThat(shopping.version()).isEqualTo(1);
        assertThat(shopping.statusMap())
                .extracting(ListStatusLink::href, ListStatusLink::status)
                .containsExactly(
                        tuple("/v2/householdlists/" + SHOPPING_ID + "/active", ItemStatus.ACTIVE),
                        tuple("/v2/householdlists/" + SHOPPING_ID + "/completed", ItemStatus.COMPLETED));
        assertThat(lists.get(1).state()).isEqualTo(ListState.ARCHIVED);
        wm.verify(1, withoutBody(getRequestedFor(urlEqualTo(LISTS))));
    }

    @Test
    void getListsMetadataAsync_completesWithTheSameLists() {
        wm.stubFor(authorized(get(urlEqualTo(LISTS)))
                .willReturn(
                        okJson("{\"lists\":[" + metadataJson(SHOPPING_ID, "Alexa shopping list", "active", 1) + "]}")));

        assertThat(client().getListsMetadataAsync().join())
                .extracting(ListMetadata::listId)
                .containsExactly(SHOPPING_ID);
    }

    @Test
    void getListsMetadata_ofAnEmptyHousehold_isAnEmptyList() {
        wm.stubFor(get(urlEqualTo(LISTS)).willReturn(okJson("{}")));

        assertThat(client().getListsMetadata()).isEmpty();
    }

    // ---- create list ----

    @Test
    void createList_postsNameAndActiveStateAndReadsTheCreatedList() {
        wm.stubFor(authorized(post(urlEqualTo(LISTS)))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(metadataJson(CUSTOM_ID, "Party", "active", 1))));

        ListMetadata created = client().createList("Party");

        assertThat(created.listId()).isEqualTo(CUSTOM_ID);
        assertThat(created.name()).isEqualTo("Party");
        assertThat(created.version()).isEqualTo(1);
        wm.verify(
                1,
                withBody(postRequestedFor(urlEqualTo(LISTS)))
                        .withRequestBody(equalToJson("{\"name\":\"Party\",\"state\":\"active\"}")));
    }

    @Test
    void createListAsync_postsTheSameRequest() {
        wm.stubFor(post(urlEqualTo(LISTS))
                .willReturn(aResponse().withStatus(201).withBody(metadataJson(CUSTOM_ID, "Party", "active", 1))));

        assertThat(client().createListAsync("Party").join().listId()).isEqualTo(CUSTOM_ID);
        wm.verify(
                1,
                withBody(postRequestedFor(urlEqualTo(LISTS)))
                        .withRequestBody(equalToJson("{\"name\":\"Party\",\"state\":\"active\"}")));
    }

    // ---- get list ----

    @Test
    void getList_getsOnePageOfItemsOfAStatusUnderTheEncodedListId() {
        wm.stubFor(authorized(get(urlEqualTo(LISTS + CUSTOM_ID_PATH + "/completed")))
                .willReturn(okJson(listJson(
                        CUSTOM_ID,
                        itemJson("i1", "milk", "completed", 2) + "," + itemJson("i2", "eggs", "completed", 1),
                        "v2/householdlists/" + CUSTOM_ID_PATH + "/completed?nextToken=abc"))));

        AlexaList list = client().getList(CUSTOM_ID, ItemStatus.COMPLETED);

        assertThat(list.listId()).isEqualTo(CUSTOM_ID);
        assertThat(list.name()).isEqualTo("Groceries");
        assertThat(list.state()).isEqualTo(ListState.ACTIVE);
        assertThat(list.version()).isEqualTo(3);
        assertThat(list.items()).extracting(ListItem::value).containsExactly("milk", "eggs");
        assertThat(list.nextLink()).contains("v2/householdlists/" + CUSTOM_ID_PATH + "/completed?nextToken=abc");
        assertThat(list.hasNextPage()).isTrue();
        ListItem milk = list.items().get(0);
        assertThat(milk.id()).isEqualTo("i1");
        assertThat(milk.version()).isEqualTo(2);
        assertThat(milk.status()).isEqualTo(ItemStatus.COMPLETED);
        assertThat(milk.createdTime()).contains(JUL_19);
        assertThat(milk.updatedTime()).contains(Instant.parse("2017-07-20T08:00:00Z"));
        assertThat(milk.href()).contains("/v2/householdlists/" + CUSTOM_ID_PATH + "/items/i1");
        wm.verify(1, withoutBody(getRequestedFor(urlEqualTo(LISTS + CUSTOM_ID_PATH + "/completed"))));
    }

    @Test
    void getListAsync_withoutLinks_hasNoNextPage() {
        wm.stubFor(get(urlEqualTo(LISTS + SHOPPING_ID + "/active"))
                .willReturn(okJson("{\"listId\":\"" + SHOPPING_ID + "\",\"name\":\"Shopping\",\"state\":\"active\","
                        + "\"version\":1,\"items\":[]}")));

        AlexaList list = client().getListAsync(SHOPPING_ID, ItemStatus.ACTIVE).join();

        assertThat(list.items()).isEmpty();
        assertThat(list.nextLink()).isEmpty();
        assertThat(list.hasNextPage()).isFalse();
    }

    // ---- update list ----

    @Test
    void updateList_putsNameStateAndVersionAndReadsTheUpdatedList() {
        wm.stubFor(authorized(put(urlEqualTo(LISTS + CUSTOM_ID_PATH)))
                .willReturn(okJson(metadataJson(CUSTOM_ID, "Old party", "archived", 5))));

        ListMetadata updated = client().updateList(CUSTOM_ID, "Old party", ListState.ARCHIVED, 4);

        assertThat(updated.state()).isEqualTo(ListState.ARCHIVED);
        assertThat(updated.version()).isEqualTo(5);
        wm.verify(
                1,
                withBody(putRequestedFor(urlEqualTo(LISTS + CUSTOM_ID_PATH)))
                        .withRequestBody(equalToJson("{\"name\":\"Old party\",\"state\":\"archived\",\"version\":4}")));
    }

    @Test
    void updateListAsync_putsTheSameRequest() {
        wm.stubFor(
                put(urlEqualTo(LISTS + CUSTOM_ID_PATH)).willReturn(okJson(metadataJson(CUSTOM_ID, "P", "active", 2))));

        assertThat(client().updateListAsync(CUSTOM_ID, "P", ListState.ACTIVE, 1)
                        .join()
                        .version())
                .isEqualTo(2);
        wm.verify(
                1,
                withBody(putRequestedFor(urlEqualTo(LISTS + CUSTOM_ID_PATH)))
                        .withRequestBody(equalToJson("{\"name\":\"P\",\"state\":\"active\",\"version\":1}")));
    }

    // ---- delete list ----

    @Test
    void deleteList_sendsDeleteToTheEncodedListId() {
        wm.stubFor(authorized(delete(urlEqualTo(LISTS + CUSTOM_ID_PATH))).willReturn(ok()));

        client().deleteList(CUSTOM_ID);

        wm.verify(1, withoutBody(deleteRequestedFor(urlEqualTo(LISTS + CUSTOM_ID_PATH))));
    }

    @Test
    void deleteListAsync_completesWhenAmazonAnswers200() {
        wm.stubFor(delete(urlEqualTo(LISTS + CUSTOM_ID_PATH)).willReturn(ok()));

        assertThat(client().deleteListAsync(CUSTOM_ID).join()).isNull();
        wm.verify(1, deleteRequestedFor(urlEqualTo(LISTS + CUSTOM_ID_PATH)));
    }

    // ---- create item ----

    @Test
    void createItem_postsValueAndStatusAndReadsTheCreatedItem() {
        wm.stubFor(authorized(post(urlEqualTo(LISTS + CUSTOM_ID_PATH + "/items")))
                .willReturn(aResponse().withStatus(201).withBody(itemJson("i9", "oat milk", "active", 1))));

        ListItem item = client().createItem(CUSTOM_ID, "oat milk", ItemStatus.ACTIVE);

        assertThat(item.id()).isEqualTo("i9");
        assertThat(item.value()).isEqualTo("oat milk");
        assertThat(item.status()).isEqualTo(ItemStatus.ACTIVE);
        assertThat(item.version()).isEqualTo(1);
        wm.verify(
                1,
                withBody(postRequestedFor(urlEqualTo(LISTS + CUSTOM_ID_PATH + "/items")))
                        .withRequestBody(equalToJson("{\"value\":\"oat milk\",\"status\":\"active\"}")));
    }

    @Test
    void createItemAsync_postsTheSameRequest() {
        wm.stubFor(post(urlEqualTo(LISTS + CUSTOM_ID_PATH + "/items"))
                .willReturn(aResponse().withStatus(201).withBody(itemJson("i9", "done thing", "completed", 1))));

        assertThat(client().createItemAsync(CUSTOM_ID, "done thing", ItemStatus.COMPLETED)
                        .join()
                        .status())
                .isEqualTo(ItemStatus.COMPLETED);
        wm.verify(
                1,
                withBody(postRequestedFor(urlEqualTo(LISTS + CUSTOM_ID_PATH + "/items")))
                        .withRequestBody(equalToJson("{\"value\":\"done thing\",\"status\":\"completed\"}")));
    }

    // ---- get item ----

    @Test
    void getItem_getsTheItemUnderEncodedListAndItemIds() {
        wm.stubFor(authorized(get(urlEqualTo(LISTS + CUSTOM_ID_PATH + "/items/" + ITEM_ID_PATH)))
                .willReturn(okJson(itemJson(ITEM_ID, "milk", "active", 7))));

        ListItem item = client().getItem(CUSTOM_ID, ITEM_ID);

        assertThat(item.id()).isEqualTo(ITEM_ID);
        assertThat(item.version()).isEqualTo(7);
        wm.verify(1, withoutBody(getRequestedFor(urlEqualTo(LISTS + CUSTOM_ID_PATH + "/items/" + ITEM_ID_PATH))));
    }

    @Test
    void getItemAsync_readsTheSameItem() {
        wm.stubFor(get(urlEqualTo(LISTS + CUSTOM_ID_PATH + "/items/" + ITEM_ID_PATH))
                .willReturn(okJson(itemJson(ITEM_ID, "milk", "active", 7))));

        assertThat(client().getItemAsync(CUSTOM_ID, ITEM_ID).join().value()).isEqualTo("milk");
    }

    // ---- update item ----

    @Test
    void updateItem_putsValueStatusAndVersionAndReadsTheUpdatedItem() {
        wm.stubFor(authorized(put(urlEqualTo(LISTS + CUSTOM_ID_PATH + "/items/" + ITEM_ID_PATH)))
                .willReturn(okJson(itemJson(ITEM_ID, "milk", "completed", 8))));

        ListItem item = client().updateItem(CUSTOM_ID, ITEM_ID, "milk", ItemStatus.COMPLETED, 7);

        assertThat(item.status()).isEqualTo(ItemStatus.COMPLETED);
        assertThat(item.version()).isEqualTo(8);
        wm.verify(
                1,
                withBody(putRequestedFor(urlEqualTo(LISTS + CUSTOM_ID_PATH + "/items/" + ITEM_ID_PATH)))
                        .withRequestBody(equalToJson("{\"value\":\"milk\",\"status\":\"completed\",\"version\":7}")));
    }

    @Test
    void updateItemAsync_putsTheSameRequest() {
        wm.stubFor(put(urlEqualTo(LISTS + CUSTOM_ID_PATH + "/items/" + ITEM_ID_PATH))
                .willReturn(okJson(itemJson(ITEM_ID, "milk", "active", 9))));

        assertThat(client().updateItemAsync(CUSTOM_ID, ITEM_ID, "milk", ItemStatus.ACTIVE, 8)
                        .join()
                        .version())
                .isEqualTo(9);
        wm.verify(
                1,
                withBody(putRequestedFor(urlEqualTo(LISTS + CUSTOM_ID_PATH + "/items/" + ITEM_ID_PATH)))
                        .withRequestBody(equalToJson("{\"value\":\"milk\",\"status\":\"active\",\"version\":8}")));
    }

    // ---- delete item ----

    @Test
    void deleteItem_sendsDeleteToTheEncodedItem() {
        wm.stubFor(authorized(delete(urlEqualTo(LISTS + CUSTOM_ID_PATH + "/items/" + ITEM_ID_PATH)))
                .willReturn(ok()));

        client().deleteItem(CUSTOM_ID, ITEM_ID);

        wm.verify(1, withoutBody(deleteRequestedFor(urlEqualTo(LISTS + CUSTOM_ID_PATH + "/items/" + ITEM_ID_PATH))));
    }

    @Test
    void deleteItemAsync_completesOn204() {
        wm.stubFor(delete(urlEqualTo(LISTS + CUSTOM_ID_PATH + "/items/" + ITEM_ID_PATH))
                .willReturn(aResponse().withStatus(204)));

        assertThat(client().deleteItemAsync(CUSTOM_ID, ITEM_ID).join()).isNull();
    }

    // ---- unknown values round trip ----

    @Test
    void unknownItemStatusAndListState_areKeptAndSentBackAsTheyCame() {
        wm.stubFor(get(urlEqualTo(LISTS + CUSTOM_ID_PATH + "/items/i1"))
                .willReturn(okJson("{\"id\":\"i1\",\"version\":1,\"value\":\"milk\",\"status\":\"snoozed\"}")));
        wm.stubFor(put(urlEqualTo(LISTS + CUSTOM_ID_PATH + "/items/i1"))
                .willReturn(okJson("{\"id\":\"i1\",\"version\":2,\"value\":\"milk\",\"status\":\"snoozed\"}")));
        wm.stubFor(
                put(urlEqualTo(LISTS + CUSTOM_ID_PATH)).willReturn(okJson(metadataJson(CUSTOM_ID, "P", "shared", 2))));
        ListManagementClient client = client();

        ListItem item = client.getItem(CUSTOM_ID, "i1");
        assertThat(item.status().isKnown()).isFalse();
        assertThat(item.status().value()).isEqualTo("snoozed");
        client.updateItem(CUSTOM_ID, "i1", item.value(), item.status(), item.version());
        ListMetadata list = client.updateList(CUSTOM_ID, "P", ListState.of("shared"), 1);

        assertThat(list.state()).isEqualTo(ListState.of("shared"));
        assertThat(list.state().isKnown()).isFalse();
        wm.verify(putRequestedFor(urlEqualTo(LISTS + CUSTOM_ID_PATH + "/items/i1"))
                .withRequestBody(equalToJson("{\"value\":\"milk\",\"status\":\"snoozed\",\"version\":1}")));
        wm.verify(putRequestedFor(urlEqualTo(LISTS + CUSTOM_ID_PATH))
                .withRequestBody(equalToJson("{\"name\":\"P\",\"state\":\"shared\",\"version\":1}")));
    }

    @Test
    void anItemWithoutTimesOrHref_hasEmptyOptionals() {
        wm.stubFor(
                get(urlEqualTo(LISTS + "L/items/i1"))
                        .willReturn(
                                okJson(
                                        "{\"id\":\"i1\",\"value\":\"milk\",\"status\":\"active\",\"createdTime\":\"next tuesday\",\"extra\":{}}")));

        ListItem item = client().getItem("L", "i1");

        assertThat(item.createdTime()).isEmpty();
        assertThat(item.updatedTime()).isEmpty();
        assertThat(item.href()).isEmpty();
        assertThat(item.version()).isZero();
    }

    // ---- endpoints ----

    @Test
    void theGivenEndpointIsUsedVerbatim_forExampleTheEuropeanOne() {
        ListManagementClient eu = ListManagementClient.create("https://api.eu.amazonalexa.com", TOKEN);

        assertThat(eu.apiEndpoint()).hasToString("https://api.eu.amazonalexa.com");
        assertThat(eu.resolveNextLink("/v2/householdlists/abc/active?nextToken=x"))
                .hasToString("https://api.eu.amazonalexa.com/v2/householdlists/abc/active?nextToken=x");
    }

    @Test
    void anEndpointWithAPathPrefix_keepsThePrefixForEveryCall() {
        wm.stubFor(get(urlEqualTo("/alexa" + LISTS)).willReturn(okJson("{\"lists\":[]}")));

        ListManagementClient prefixed = ListManagementClient.builder()
                .apiEndpoint(endpoint() + "/alexa/")
                .apiAccessToken(TOKEN)
                .build();

        assertThat(prefixed.getListsMetadata()).isEmpty();
        wm.verify(1, getRequestedFor(urlEqualTo("/alexa" + LISTS)));
    }

    @Test
    void anEndpointThatIsNotHttps_isRefused() {
        assertThatThrownBy(() -> ListManagementClient.create("http://api.amazonalexa.com", TOKEN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https");
    }

    @Test
    void theBuilder_namesEveryMissingSetting() {
        assertThatThrownBy(() -> ListManagementClient.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("apiEndpoint")
                .hasMessageContaining("apiAccessToken");
    }

    @Test
    void aBlankToken_isRefused() {
        assertThatThrownBy(() -> ListManagementClient.create("https://api.amazonalexa.com", " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("apiAccessToken");
    }

    @Test
    void toString_showsTheEndpointButNeverTheToken() {
        ListManagementClient.Builder builder = ListManagementClient.builder()
                .apiEndpoint("https://api.amazonalexa.com")
                .apiAccessToken(TOKEN);

        assertThat(builder.build().toString())
                .contains("api.amazonalexa.com")
                .doesNotContain(TOKEN)
                .doesNotContain("secret");
        assertThat(builder.toString()).doesNotContain(TOKEN).doesNotContain("secret");
    }

    // ---- helpers ----

    @Test
    void findShoppingListAndFindToDoList_recogniseTheDefaultListsByTheirIds() {
        wm.stubFor(get(urlEqualTo(LISTS))
                .willReturn(okJson("{\"lists\":["
                        + metadataJson(CUSTOM_ID, "Einkaufsliste?", "active", 1) + ","
                        + metadataJson(TODO_ID, "Aufgaben", "active", 1) + ","
                        + metadataJson(SHOPPING_ID, "Einkaufsliste", "active", 1) + "]}")));
        ListManagementClient client = client();

        assertThat(client.findShoppingList()).map(ListMetadata::listId).contains(SHOPPING_ID);
        assertThat(client.findToDoListAsync().join()).map(ListMetadata::listId).contains(TODO_ID);
    }

    @Test
    void findShoppingList_isEmptyWhenTheUserHasNone() {
        wm.stubFor(get(urlEqualTo(LISTS))
                .willReturn(okJson("{\"lists\":[" + metadataJson(CUSTOM_ID, "X", "active", 1) + "]}")));

        assertThat(client().findShoppingList()).isEqualTo(Optional.empty());
    }

    @Test
    void aResponseThatIsNotJson_failsWithAClearError() {
        wm.stubFor(get(urlEqualTo(LISTS)).willReturn(ok("<html>")));

        assertThatThrownBy(() -> client().getListsMetadata())
                .isInstanceOf(io.github.skillmessaging.error.SkillMessagingException.class)
                .hasMessageContaining("get lists metadata")
                .hasMessageContaining("unexpected response");
    }

    @Test
    void anItemWithoutId_failsWithAClearError() {
        wm.stubFor(
                get(urlEqualTo(LISTS + "L/items/i1")).willReturn(okJson("{\"value\":\"milk\",\"status\":\"active\"}")));

        assertThatThrownBy(() -> client().getItem("L", "i1"))
                .isInstanceOf(io.github.skillmessaging.error.SkillMessagingException.class)
                .hasMessageContaining("\"id\"");
    }
}
