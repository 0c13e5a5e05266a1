package io.github.skillmessaging.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultListsTest {
    private static ListMetadata list(String id) {
        return ListMetadata.fromJson(
                "{\"listId\": \"" + id + "\", \"name\": \"n\", \"state\": \"active\", \"version\": 1}");
    }

    @Test
    void theShoppingListId_decodesToAValueEndingInShoppingItem() {
        assertThat(DefaultLists.isShoppingList(ListApiTestSupport.SHOPPING_ID)).isTrue();
        assertThat(DefaultLists.isToDoList(ListApiTestSupport.SHOPPING_ID)).isFalse();
        assertThat(list(ListApiTestSupport.SHOPPING_ID).isDefaultShoppingList()).isTrue();
    }

    @Test
    void theToDoListId_decodesToAValueEndingInTask() {
        assertThat(DefaultLists.isToDoList(ListApiTestSupport.TODO_ID)).isTrue();
        assertThat(DefaultLists.isShoppingList(ListApiTestSupport.TODO_ID)).isFalse();
        assertThat(list(ListApiTestSupport.TODO_ID).isDefaultToDoList()).isTrue();
    }

    @Test
    void idsWithoutPaddingOrInTheUrlSafeAlphabet_areDecodedToo() {
        String unpadded = java.util.Base64.getEncoder()
                .withoutPadding()
                .encodeToString("amzn1.account.X?>-TASK".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String urlSafe = java.util.Base64.getUrlEncoder()
                .encodeToString("amzn1.account.?>?>-SHOPPING_ITEM".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(DefaultLists.isToDoList(unpadded)).isTrue();
        assertThat(urlSafe).containsAnyOf("-", "_");
        assertThat(DefaultLists.isShoppingList(urlSafe)).isTrue();
    }

    @Test
    void idsThatAreNotBase64_neverThrowAndAreComparedAsTheyAre() {
        assertThat(DefaultLists.isShoppingList("not base64 at all!")).isFalse();
        assertThat(DefaultLists.isToDoList("%%%")).isFalse();
        assertThat(DefaultLists.isToDoList("")).isFalse();
        assertThat(DefaultLists.isToDoList(null)).isFalse();
        assertThat(DefaultLists.isShoppingList("local!-SHOPPING_ITEM")).isTrue();
    }

    @Test
    void customListIds_areNotDefaultLists() {
        assertThat(DefaultLists.isShoppingList(ListApiTestSupport.CUSTOM_ID)).isFalse();
        assertThat(DefaultLists.isToDoList(ListApiTestSupport.CUSTOM_ID)).isFalse();
    }

    @Test
    void findShoppingListAndFindToDoList_pickTheDefaultListsFromMetadata() {
        List<ListMetadata> lists = List.of(
                list(ListApiTestSupport.CUSTOM_ID),
                list(ListApiTestSupport.TODO_ID),
                list(ListApiTestSupport.SHOPPING_ID));

        assertThat(DefaultLists.findShoppingList(lists))
                .map(ListMetadata::listId)
                .contains(ListApiTestSupport.SHOPPING_ID);
        assertThat(DefaultLists.findToDoList(lists)).map(ListMetadata::listId).contains(ListApiTestSupport.TODO_ID);
        assertThat(DefaultLists.findToDoList(List.of())).isEmpty();
    }

    @Test
    void findItemByValue_matchesTrimmedIgnoringCaseAndReturnsTheFirst() {
        AlexaList list = AlexaList.fromJson("{\"listId\": \"L\", \"state\": \"active\", \"items\": ["
                + item("0", "eggs") + ", " + item("1", "  Milk ") + ", " + item("2", "milk") + "]}");
        ListItem milk = list.items().get(1);

        assertThat(list.findItemByValue("MILK")).contains(milk);
        assertThat(list.findItemByValue(" milk  ")).contains(milk);
        assertThat(list.findItemByValue("oat milk")).isEmpty();
    }

    private static String item(String id, String value) {
        return "{\"id\": \"" + id + "\", \"version\": 1, \"value\": \"" + value + "\", \"status\": \"active\"}";
    }
}
