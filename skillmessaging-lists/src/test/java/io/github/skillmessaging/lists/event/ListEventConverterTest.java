package io.github.skillmessaging.lists.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.skillmessaging.error.RequestParseException;
import io.github.skillmessaging.internal.Json;
import io.github.skillmessaging.request.EventRequest;
import io.github.skillmessaging.request.Request;
import io.github.skillmessaging.request.RequestConverter;
import io.github.skillmessaging.request.SkillRequest;
import io.github.skillmessaging.request.UnknownRequest;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ListEventConverterTest {
    static final String LIST_ID = "YW16bjEuYWNjb3VudC5BRVhBTVBMRS1TSE9QUElOR19JVEVN";

    /** A whole envelope shaped as Amazon documents list events. */
    static String envelope(String type, String body) {
        return withRequestFields(
                type,
                ",\"requestId\":\"amzn1.echo-api.request.1\","
                        + "\"timestamp\":\"2017-07-19T23:24:12Z\",\"locale\":\"de-DE\","
                        + "\"eventCreationTime\":\"2017-07-19T23:24:10Z\",\"eventPublishingTime\":\"2017-07-19T23:24:11Z\","
                        + "\"body\":" + body);
    }

    /** An envelope whose {@code request} holds {@code type} and then exactly {@code requestFields}. */
    static String withRequestFields(String type, String requestFields) {
        return "{\"version\":\"1.0\",\"context\":{\"System\":{"
                + "\"application\":{\"applicationId\":\"amzn1.ask.skill.1\"},"
                + "\"user\":{\"userId\":\"amzn1.ask.account.1\"},"
                + "\"apiEndpoint\":\"https://api.eu.amazonalexa.com\",\"apiAccessToken\":\"tok\"}},"
                + "\"request\":{\"type\":\"" + type + "\"" + requestFields + "}}";
    }

    static String itemsBody() {
        return "{\"listId\":\"" + LIST_ID + "\",\"listItemIds\":[\"item-1\",\"item-2\"]}";
    }

    static String listBody() {
        return "{\"listId\":\"" + LIST_ID + "\"}";
    }

    static Stream<Arguments> events() {
        return Stream.of(
                Arguments.of(ListItemsCreatedEvent.TYPE, ListItemsCreatedEvent.class, itemsBody()),
                Arguments.of(ListItemsUpdatedEvent.TYPE, ListItemsUpdatedEvent.class, itemsBody()),
                Arguments.of(ListItemsDeletedEvent.TYPE, ListItemsDeletedEvent.class, itemsBody()),
                Arguments.of(ListCreatedEvent.TYPE, ListCreatedEvent.class, listBody()),
                Arguments.of(ListUpdatedEvent.TYPE, ListUpdatedEvent.class, listBody()),
                Arguments.of(ListDeletedEvent.TYPE, ListDeletedEvent.class, listBody()));
    }

    private static void assertEvent(Request request, String type, Class<?> recordType) {
        assertThat(request).isExactlyInstanceOf(recordType).isInstanceOf(EventRequest.class);
        ListEvent event = (ListEvent) request;
        assertThat(event.type()).isEqualTo(type);
        assertThat(event.requestId()).isEqualTo("amzn1.echo-api.request.1");
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2017-07-19T23:24:12Z"));
        assertThat(event.locale()).contains("de-DE");
        assertThat(event.eventCreationTime()).contains(Instant.parse("2017-07-19T23:24:10Z"));
        assertThat(event.eventPublishingTime()).contains(Instant.parse("2017-07-19T23:24:11Z"));
        assertThat(event.listId()).isEqualTo(LIST_ID);
        if (event instanceof ListItemsEvent items) {
            assertThat(items.listItemIds()).containsExactly("item-1", "item-2");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void theGlobalParserFindsTheConverterThroughServiceLoader(String type, Class<?> recordType, String body) {
        SkillRequest parsed = RequestConverter.parse(envelope(type, body));
        assertEvent(parsed.request(), type, recordType);
        assertThat(parsed.context().system().user().userId()).isEqualTo("amzn1.ask.account.1");
        assertThat(parsed.userId()).isEqualTo("amzn1.ask.account.1");
    }

    /**
     * A fresh registry that discovers converters (the default) finds this module's through
     * {@code META-INF/services}, independently of anything registered on the global one.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void aNewDiscoveringRegistryFindsTheConverterThroughServiceLoader(String type, Class<?> recordType, String body) {
        RequestConverter discovering = RequestConverter.builder().build();

        assertThat(discovering.converterFor(type)).get().isInstanceOf(ListEventConverter.class);
        assertThat(discovering.converters())
                .filteredOn(c -> c instanceof ListEventConverter)
                .hasSize(1);
        assertEvent(discovering.convert(envelope(type, body)).request(), type, recordType);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void anIsolatedParserWithTheConverterAddedReadsEachEvent(String type, Class<?> recordType, String body) {
        RequestConverter isolated = RequestConverter.builder()
                .discoverConverters(false)
                .add(new ListEventConverter())
                .build();
        assertEvent(isolated.convert(envelope(type, body)).request(), type, recordType);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void withoutTheConverterAListEventIsAnUnknownRequest(String type, Class<?> recordType, String body) {
        RequestConverter bare =
                RequestConverter.builder().discoverConverters(false).build();

        assertThat(bare.converterFor(type)).isEmpty();
        Request request = bare.convert(envelope(type, body)).request();
        assertThat(request).isInstanceOf(UnknownRequest.class).isNotInstanceOf(recordType);
        assertThat(request.type()).isEqualTo(type);
    }

    @Test
    void theConverterDeclaresExactlyTheSixTypesAndNoPrefix() {
        assertThat(new ListEventConverter().requestTypes())
                .containsExactlyInAnyOrder(
                        "AlexaHouseholdListEvent.ItemsCreated", "AlexaHouseholdListEvent.ItemsUpdated",
                        "AlexaHouseholdListEvent.ItemsDeleted", "AlexaHouseholdListEvent.ListCreated",
                        "AlexaHouseholdListEvent.ListUpdated", "AlexaHouseholdListEvent.ListDeleted");
        assertThat(new ListEventConverter().requestTypePrefixes()).isEmpty();
    }

    @Test
    void anUnknownHouseholdListEventTypeIsAnUnknownRequest() {
        Request request = RequestConverter.parse(envelope("AlexaHouseholdListEvent.Other", listBody()))
                .request();

        assertThat(request).isInstanceOf(UnknownRequest.class);
        assertThat(request.type()).isEqualTo("AlexaHouseholdListEvent.Other");
    }

    @ParameterizedTest
    @ValueSource(strings = {"AlexaSkillEvent.SkillEnabled", "IntentRequest", "AlexaHouseholdListEvent.Other"})
    void callingTheConverterDirectlyWithAnotherTypeIsRefused(String type) throws Exception {
        JsonNode request = Json.mapper().readTree(envelope(type, listBody())).get("request");

        assertThatThrownBy(() -> new ListEventConverter().convert(request))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a household list event");
    }

    @Test
    void anItemsEventWithoutItemIdsHasAnEmptyList() {
        ListItemsDeletedEvent event =
                (ListItemsDeletedEvent) RequestConverter.parse(envelope(ListItemsDeletedEvent.TYPE, listBody()))
                        .request();
        assertThat(event.listItemIds()).isEmpty();
    }

    @Test
    void listItemIdsAreUnmodifiable() {
        ListItemsEvent event =
                (ListItemsEvent) RequestConverter.parse(envelope(ListItemsCreatedEvent.TYPE, itemsBody()))
                        .request();

        assertThatThrownBy(() -> event.listItemIds().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void eventTimesMayBeAbsentOrUnreadable() {
        String json = envelope(ListCreatedEvent.TYPE, listBody())
                .replace("\"eventCreationTime\":\"2017-07-19T23:24:10Z\"", "\"eventCreationTime\":\"soon\"")
                .replace(",\"eventPublishingTime\":\"2017-07-19T23:24:11Z\"", "");
        ListCreatedEvent event = (ListCreatedEvent) RequestConverter.parse(json).request();
        assertThat(event.eventCreationTime()).isEmpty();
        assertThat(event.eventPublishingTime()).isEmpty();
    }

    @Test
    void optionalFieldsMayBeAbsent_timesMayBeEpochMillis_andUnknownFieldsAreIgnored() {
        String json = withRequestFields(
                ListCreatedEvent.TYPE,
                ",\"requestId\":\"r\",\"timestamp\":1500506652000,"
                        + "\"eventCreationTime\":\"1500506650000\",\"eventPublishingTime\":\"not a time\","
                        + "\"body\":{\"listId\":\"L\",\"extra\":true},\"extra\":{}");

        ListEvent event = (ListEvent) RequestConverter.parse(json).request();

        assertThat(event.locale()).isEmpty();
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2017-07-19T23:24:12Z"));
        assertThat(event.eventCreationTime()).contains(Instant.parse("2017-07-19T23:24:10Z"));
        assertThat(event.eventPublishingTime()).isEmpty();
        assertThat(event.listId()).isEqualTo("L");
    }

    @Test
    void anIsoTimeWithoutOffsetIsUtc_andOffsetsAreApplied() {
        String json = withRequestFields(
                ListUpdatedEvent.TYPE,
                ",\"requestId\":\"r\","
                        + "\"timestamp\":\"2017-07-19T23:24:12\",\"eventCreationTime\":\"2017-07-19T23:24:10.5+02:00\","
                        + "\"body\":{\"listId\":\"L\"}");

        ListEvent event = (ListEvent) RequestConverter.parse(json).request();

        assertThat(event.timestamp()).isEqualTo(Instant.parse("2017-07-19T23:24:12Z"));
        assertThat(event.eventCreationTime()).contains(Instant.parse("2017-07-19T21:24:10.5Z"));
    }

    @Test
    void anEventWithoutAListIdIsAParseErrorNamingTheField() {
        assertThatThrownBy(() -> RequestConverter.parse(envelope(ListUpdatedEvent.TYPE, "{}")))
                .isInstanceOf(RequestParseException.class)
                .hasMessageContaining("request.body.listId");
    }

    static Stream<Arguments> brokenEvents() {
        String time = ",\"timestamp\":\"2017-07-19T23:24:12Z\"";
        String id = ",\"requestId\":\"secret-id\"";
        return Stream.of(
                Arguments.of(time + ",\"body\":{\"listId\":\"secret-list\"}", "request.requestId is missing"),
                Arguments.of(id + ",\"body\":{\"listId\":\"secret-list\"}", "request.timestamp is missing"),
                Arguments.of(
                        id + ",\"timestamp\":\"secret-time\",\"body\":{\"listId\":\"secret-list\"}",
                        "request.timestamp is neither"),
                Arguments.of(
                        id + time + ",\"body\":{\"listItemIds\":[\"secret-item\"]}", "request.body.listId is missing"),
                Arguments.of(id + time, "request.body.listId is missing"),
                Arguments.of(id + time + ",\"body\":\"secret-body\"", "request.body.listId is missing"),
                Arguments.of(id + time + ",\"body\":{\"listId\":null}", "request.body.listId is missing"),
                Arguments.of(id + time + ",\"body\":{\"listId\":42}", "request.body.listId is not a string"),
                Arguments.of(
                        id + time + ",\"body\":{\"listId\":{\"secret\":1}}", "request.body.listId is not a string"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("brokenEvents")
    void aBrokenEventFailsNamingTheFieldButNoValue(String fields, String message) {
        String json = withRequestFields(ListItemsCreatedEvent.TYPE, fields);

        assertThatThrownBy(() -> RequestConverter.parse(json))
                .isInstanceOf(RequestParseException.class)
                .hasMessageContaining(message)
                .hasMessageNotContaining("secret");
    }

    @Test
    void registeringTheConverterAgainReplacesItInPlace() {
        int before = RequestConverter.defaultConverter().converters().size();

        RequestConverter.register(new ListEventConverter());
        RequestConverter.register(new ListEventConverter());

        assertThat(RequestConverter.defaultConverter().converters())
                .hasSize(before)
                .filteredOn(c -> c instanceof ListEventConverter)
                .hasSize(1);
        assertEvent(
                RequestConverter.parse(envelope(ListItemsCreatedEvent.TYPE, itemsBody()))
                        .request(),
                ListItemsCreatedEvent.TYPE,
                ListItemsCreatedEvent.class);
    }

    @ParameterizedTest
    @MethodSource("events")
    void everyEvent_givesItsRequestObject_withFieldsTheSdkDoesNotModel(String type, Class<?> eventType, String body) {
        Request event = RequestConverter.parse(envelope(type, body.replace("{", "{\"newField\":\"x\",")))
                .request();

        assertThat(event).isExactlyInstanceOf(eventType);
        assertThat(event.json().path("body").path("newField").asText()).isEqualTo("x");
        assertThat(event.json().path("type").asText()).isEqualTo(type);
    }

    @Test
    void eventsAreValues() {
        Request a = RequestConverter.parse(envelope(ListItemsCreatedEvent.TYPE, itemsBody()))
                .request();
        Request b = RequestConverter.parse(envelope(ListItemsCreatedEvent.TYPE, itemsBody()))
                .request();
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.toString())
                .isEqualTo("ListItemsCreatedEvent[header=" + a.header()
                        + ", eventCreationTime=Optional[2017-07-19T23:24:10Z]"
                        + ", eventPublishingTime=Optional[2017-07-19T23:24:11Z], listId=" + LIST_ID
                        + ", listItemIds=[item-1, item-2]]");
        assertThat(RequestConverter.parse(envelope(ListDeletedEvent.TYPE, listBody()))
                        .request())
                .isNotEqualTo(RequestConverter.parse(envelope(ListUpdatedEvent.TYPE, listBody()))
                        .request());
    }

    @Test
    void requestAsRoutesOnTheInterfaces() {
        SkillRequest parsed = RequestConverter.parse(envelope(ListItemsUpdatedEvent.TYPE, itemsBody()));

        assertThat(parsed.requestAs(ListItemsEvent.class))
                .get()
                .extracting(ListItemsEvent::listId)
                .isEqualTo(LIST_ID);
        assertThat(parsed.requestAs(ListEvent.class)).isPresent();
        assertThat(parsed.requestAs(ListCreatedEvent.class)).isEmpty();
    }
}
