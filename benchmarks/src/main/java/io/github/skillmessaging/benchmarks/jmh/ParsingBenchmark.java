package io.github.skillmessaging.benchmarks.jmh;

import com.amazon.ask.model.RequestEnvelope;
import com.amazon.ask.model.interfaces.messaging.MessageReceivedRequest;
import com.amazon.ask.model.services.listManagement.ListItemsCreatedEventRequest;
import com.amazon.ask.util.JacksonSerializer;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.skillmessaging.lists.event.ListEventConverter;
import io.github.skillmessaging.lists.event.ListItemsCreatedEvent;
import io.github.skillmessaging.request.RequestConverter;
import io.github.skillmessaging.request.SkillRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Issue #8, item 4: reading a skill request from the body text into typed objects. Every
 * contender gets the same {@link String} (the ASK SDK's deserializer takes only text) and
 * returns its full typed model, envelope and request.
 *
 * <ul>
 *   <li>{@code library*}: {@link RequestConverter#convert(String)}, with the lists module's
 *       {@link ListEventConverter} registered explicitly (no class-path scan involved);</li>
 *   <li>{@code jackson*} (the baseline): {@code ObjectMapper.readValue} into hand-written records,
 *       {@link PlainJacksonModel};</li>
 *   <li>{@code askSdk*}: Amazon's {@code new JacksonSerializer().deserialize(json, RequestEnvelope.class)}.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ParsingBenchmark {
    private RequestConverter converter;
    private JacksonSerializer askSerializer;
    private String messageReceived;
    private String itemsCreated;

    @Setup
    public void setUp() throws JsonProcessingException {
        converter = RequestConverter.builder()
                .discoverConverters(false)
                .add(new ListEventConverter())
                .build();
        askSerializer = new JacksonSerializer();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        messageReceived = RequestBodies.messageReceived(now);
        itemsCreated = RequestBodies.itemsCreated(now);
        check(
                libraryMessageReceived().request() instanceof io.github.skillmessaging.request.MessageReceivedRequest m
                        && m.message().size() == 2,
                "library, MessageReceived");
        check(
                libraryItemsCreated().request() instanceof ListItemsCreatedEvent e
                        && e.listItemIds().size() == 2,
                "library, ItemsCreated");
        check(
                jacksonMessageReceived().request() instanceof PlainJacksonModel.MessageReceived m
                        && m.message().size() == 2
                        && m.timestamp().equals(now),
                "Jackson, MessageReceived");
        check(
                jacksonItemsCreated().request() instanceof PlainJacksonModel.ItemsCreated e
                        && e.body().listItemIds().size() == 2,
                "Jackson, ItemsCreated");
        check(
                askSdkMessageReceived().getRequest() instanceof MessageReceivedRequest m
                        && m.getMessage().size() == 2,
                "ASK SDK, MessageReceived");
        check(
                askSdkItemsCreated().getRequest() instanceof ListItemsCreatedEventRequest e
                        && e.getBody().getListItemIds().size() == 2,
                "ASK SDK, ItemsCreated");
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("parsing benchmark: " + what + " did not read the request as expected");
        }
    }

    @Benchmark
    public SkillRequest libraryMessageReceived() {
        return converter.convert(messageReceived);
    }

    @Benchmark
    public SkillRequest libraryItemsCreated() {
        return converter.convert(itemsCreated);
    }

    @Benchmark
    public PlainJacksonModel.Envelope jacksonMessageReceived() throws JsonProcessingException {
        return PlainJacksonModel.MAPPER.readValue(messageReceived, PlainJacksonModel.Envelope.class);
    }

    @Benchmark
    public PlainJacksonModel.Envelope jacksonItemsCreated() throws JsonProcessingException {
        return PlainJacksonModel.MAPPER.readValue(itemsCreated, PlainJacksonModel.Envelope.class);
    }

    @Benchmark
    public RequestEnvelope askSdkMessageReceived() {
        return askSerializer.deserialize(messageReceived, RequestEnvelope.class);
    }

    @Benchmark
    public RequestEnvelope askSdkItemsCreated() {
        return askSerializer.deserialize(itemsCreated, RequestEnvelope.class);
    }
}
