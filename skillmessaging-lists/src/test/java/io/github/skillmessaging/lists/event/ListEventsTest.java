package io.github.skillmessaging.lists.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.skillmessaging.internal.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListEventsTest {
    private static final String LIST_ID = "YW16bjEuYWNjb3VudC5BRVhBTVBMRS1TSE9QUElOR19JVEVN";

    /** A whole envelope as Alexa sends it; the tests hand its {@code request} to the readers. */
    private static JsonNode request(String type, String body) throws Exception {
        String envelope = "{\"version\":\"1.0\",\"context\":{\"System\":{"
                + "\"application\":{\"applicationId\":\"amzn1.ask.skill.1\"},"
                + "\"user\":{\"userId\":\"amzn1.ask.account.1\"},"
                + "\"apiEndpoint\":\"https://api.eu.amazonalexa.com\",\"apiAccessToken\":\"tok\"}},"
                + "\"request\":{\"type\":\"" + type + "\",\"requestId\":\"amzn1.echo-api.request.1\","
                + "\"timestamp\":\"2017-07-19T23:24:12Z\",\"locale\":\"de-DE\","
                + "\"eventCreationTime\":\"2017-07-19T23:24:10Z\",\"eventPublishingTime\":\"2017-07-19T23:24:11Z\","
                + "\"body\":" + body + "}}";
        return Json.mapper().readTree(envelope).get("request");
    }

    private static String itemsBody() {
        return "{\"listId\":\"" + LIST_ID + "\",\"listItemIds\":[\"item-1\",\"item-2\"]}";
    }

    private static String listBody() {
        return "{\"listId\":\"" + LIST_ID + "\"}";
    }

    private static void assertCommonFields(ListEvent event, String type) {
        assertThat(event.type()).isEqualTo(type);
        assertThat(event.requestId()).isEqualTo("amzn1.echo-api.request.1");
        assertThat(event.timestamp()).contains(Instant.parse("2017-07-19T23:24:12Z"));
        assertThat(event.locale()).contains("de-DE");
        assertThat(event.eventCreationTime()).contains(Instant.parse("2017-07-19T23:24:10Z"));
        assertThat(event.eventPublishingTime()).contains(Instant.parse("2017-07-19T23:24:11Z"));
        assertThat(event.listId()).isEqualTo(LIST_ID);
    }

    @Test
    void itemsCreated_isReadWithItsListAndItemIds() throws Exception {
        ListItemsCreatedEvent event = ListItemsCreatedEvent.fromJson(request(ListItemsCreatedEvent.TYPE, itemsBody()));

        assertCommonFields(event, "AlexaHouseholdListEvent.ItemsCreated");
        assertThat(event.listItemIds()).containsExactly("item-1", "item-2");
    }

    @Test
    void itemsUpdated_isReadWithItsListAndItemIds() throws Exception {
        ListItemsUpdatedEvent event = ListItemsUpdatedEvent.fromJson(request(ListItemsUpdatedEvent.TYPE, itemsBody()));

        assertCommonFields(event, "AlexaHouseholdListEvent.ItemsUpdated");
        assertThat(event.listItemIds()).containsExactly("item-1", "item-2");
    }

    @Test
    void itemsDeleted_isReadWithItsListAndItemIds() throws Exception {
        ListItemsDeletedEvent event = ListItemsDeletedEvent.fromJson(request(ListItemsDeletedEvent.TYPE, itemsBody()));

        assertCommonFields(event, "AlexaHouseholdListEvent.ItemsDeleted");
        assertThat(event.listItemIds()).containsExactly("item-1", "item-2");
    }

    @Test
    void listCreated_isReadWithItsListId() throws Exception {
        assertCommonFields(ListCreatedEvent.fromJson(request(ListCreatedEvent.TYPE, listBody())),
                "AlexaHouseholdListEvent.ListCreated");
    }

    @Test
    void listUpdated_isReadWithItsListId() throws Exception {
        assertCommonFields(ListUpdatedEvent.fromJson(request(ListUpdatedEvent.TYPE, listBody())),
                "AlexaHouseholdListEvent.ListUpdated");
    }

    @Test
    void listDeleted_isReadWithItsListId() throws Exception {
        assertCommonFields(ListDeletedEvent.fromJson(request(ListDeletedEvent.TYPE, listBody())),
                "AlexaHouseholdListEvent.ListDeleted");
    }

    @Test
    void theFactory_picksTheRecordByType() throws Exception {
        assertThat(ListEvents.fromJson(request("AlexaHouseholdListEvent.ItemsCreated", itemsBody())))
                .isInstanceOf(ListItemsCreatedEvent.class);
        assertThat(ListEvents.fromJson(request("AlexaHouseholdListEvent.ItemsUpdated", itemsBody())))
                .isInstanceOf(ListItemsUpdatedEvent.class);
        assertThat(ListEvents.fromJson(request("AlexaHouseholdListEvent.ItemsDeleted", itemsBody())))
                .isInstanceOf(ListItemsDeletedEvent.class);
        assertThat(ListEvents.fromJson(request("AlexaHouseholdListEvent.ListCreated", listBody())))
                .isInstanceOf(ListCreatedEvent.class);
        assertThat(ListEvents.fromJson(request("AlexaHouseholdListEvent.ListUpdated", listBody())))
                .isInstanceOf(ListUpdatedEvent.class);
        ListEvent deleted = ListEvents.fromJson(request("AlexaHouseholdListEvent.ListDeleted", listBody()));
        assertThat(deleted).isInstanceOf(ListDeletedEvent.class);
        assertThat(ListEvents.types()).hasSize(6).allMatch(ListEvents::isListEvent);
    }

    @Test
    void anItemsEventWithoutItemIds_hasAnEmptyList() throws Exception {
        ListItemsEvent event = (ListItemsEvent) ListEvents.fromJson(request(ListItemsDeletedEvent.TYPE, listBody()));

        assertThat(event.listItemIds()).isEmpty();
    }

    @Test
    void optionalFields_mayBeAbsent() throws Exception {
        JsonNode request = Json.mapper().readTree("{\"type\":\"AlexaHouseholdListEvent.ListCreated\","
                + "\"requestId\":\"r\",\"eventCreationTime\":\"Wed Jul 19 23:24:10 UTC 2017\",\"body\":{\"listId\":\"L\"}}");

        ListEvent event = ListEvents.fromJson(request);

        assertThat(event.locale()).isEmpty();
        assertThat(event.timestamp()).isEmpty();
        assertThat(event.eventPublishingTime()).isEmpty();
        assertThat(event.eventCreationTime()).contains(Instant.parse("2017-07-19T23:24:10Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AlexaSkillEvent.SkillEnabled", "IntentRequest", ""})
    void otherRequestTypes_areRefused(String type) throws Exception {
        assertThat(ListEvents.isListEvent(type)).isFalse();
        JsonNode request = request(type, listBody());
        assertThatThrownBy(() -> ListEvents.fromJson(request)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReaderGivenAnotherType_refusesIt() throws Exception {
        JsonNode request = request(ListCreatedEvent.TYPE, listBody());

        assertThatThrownBy(() -> ListDeletedEvent.fromJson(request)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ListCreated");
    }

    @Test
    void anEventWithoutListId_isRefusedNamingTheField() throws Exception {
        JsonNode request = request(ListCreatedEvent.TYPE, "{}");

        assertThatThrownBy(() -> ListEvents.fromJson(request)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("listId");
    }

    @Test
    void eventsAreValues() throws Exception {
        assertThat(ListEvents.fromJson(request(ListItemsCreatedEvent.TYPE, itemsBody())))
                .isEqualTo(ListEvents.fromJson(request(ListItemsCreatedEvent.TYPE, itemsBody())));
    }
}
