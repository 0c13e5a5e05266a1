package io.github.skillmessaging.lists.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.skillmessaging.error.RequestParseException;
import io.github.skillmessaging.request.Request;
import io.github.skillmessaging.request.RequestConverter;
import io.github.skillmessaging.request.SkillRequest;
import io.github.skillmessaging.request.UnknownRequest;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ListEventConverterTest {
    static final String LIST_ID = "YW16bjEuYWNjb3VudC5BRVhBTVBMRS1TSE9QUElOR19JVEVN";

    /** A whole envelope shaped as Amazon documents list events. */
    static String envelope(String type, String body) {
        return "{\"version\":\"1.0\",\"context\":{\"System\":{"
                + "\"application\":{\"applicationId\":\"amzn1.ask.skill.1\"},"
                + "\"user\":{\"userId\":\"amzn1.ask.account.1\"},"
                + "\"apiEndpoint\":\"https://api.eu.amazonalexa.com\",\"apiAccessToken\":\"tok\"}},"
                + "\"request\":{\"type\":\"" + type + "\",\"requestId\":\"amzn1.echo-api.request.1\","
                + "\"timestamp\":\"2017-07-19T23:24:12Z\",\"locale\":\"de-DE\","
                + "\"eventCreationTime\":\"2017-07-19T23:24:10Z\",\"eventPublishingTime\":\"2017-07-19T23:24:11Z\","
                + "\"body\":" + body + "}}";
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
        assertThat(request).isExactlyInstanceOf(recordType);
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
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void anIsolatedParserWithTheConverterAddedReadsEachEvent(String type, Class<?> recordType, String body) {
        RequestConverter isolated = RequestConverter.builder().discoverConverters(false).add(new ListEventConverter())
                .build();
        assertEvent(isolated.convert(envelope(type, body)).request(), type, recordType);
    }

    @Test
    void withoutTheConverterAListEventIsAnUnknownRequest() {
        RequestConverter bare = RequestConverter.builder().discoverConverters(false).build();
        Request request = bare.convert(envelope(ListItemsCreatedEvent.TYPE, itemsBody())).request();
        assertThat(request).isInstanceOf(UnknownRequest.class);
        assertThat(request.type()).isEqualTo(ListItemsCreatedEvent.TYPE);
    }

    @Test
    void anItemsEventWithoutItemIdsHasAnEmptyList() {
        ListItemsDeletedEvent event = (ListItemsDeletedEvent) RequestConverter.parse(
                envelope(ListItemsDeletedEvent.TYPE, listBody())).request();
        assertThat(event.listItemIds()).isEmpty();
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
    void anEventWithoutAListIdIsAParseErrorNamingTheField() {
        assertThatThrownBy(() -> RequestConverter.parse(envelope(ListUpdatedEvent.TYPE, "{}")))
                .isInstanceOf(RequestParseException.class).hasMessageContaining("request.body.listId");
    }

    @Test
    void registeringTheConverterAgainIsHarmless() {
        RequestConverter.register(new ListEventConverter());
        RequestConverter.register(new ListEventConverter());
        assertEvent(RequestConverter.parse(envelope(ListItemsCreatedEvent.TYPE, itemsBody())).request(),
                ListItemsCreatedEvent.TYPE, ListItemsCreatedEvent.class);
    }

    @Test
    void eventsAreValues() {
        Request a = RequestConverter.parse(envelope(ListDeletedEvent.TYPE, listBody())).request();
        Request b = RequestConverter.parse(envelope(ListDeletedEvent.TYPE, listBody())).request();
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    }
}
