package io.github.skillmessaging.request;

import static io.github.skillmessaging.request.Requests.envelope;
import static io.github.skillmessaging.request.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.skillmessaging.error.RequestParseException;
import io.github.skillmessaging.request.TaggedRequest.ExactConverter;
import io.github.skillmessaging.request.TaggedRequest.OtherExactConverter;
import io.github.skillmessaging.request.TaggedRequest.PrefixConverter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RequestConverterRegistryTest {

    private static String ofType(String type) {
        return envelope(request(type, ""));
    }

    private static String tagOf(RequestConverter converter, String type) {
        Request request = converter.convert(ofType(type)).request();
        return request instanceof TaggedRequest tagged
                ? tagged.tag()
                : request.getClass().getSimpleName();
    }

    private static RequestConverter isolated() {
        return RequestConverter.builder().discoverConverters(false).build();
    }

    @Test
    void globalRegistration_isUsedByStaticParse() {
        assertThat(RequestConverter.parse(ofType("Test.Global.Registered")).request())
                .isInstanceOf(UnknownRequest.class);

        RequestConverter.register(new ExactConverter("global", "Test.Global.Registered"));

        assertThat(RequestConverter.parse(ofType("Test.Global.Registered")).request())
                .isEqualTo(new TaggedRequest(
                        RequestConverter.parse(ofType("Test.Global.Registered"))
                                .request()
                                .header(),
                        "global"));
        assertThat(RequestConverter.defaultConverter().converterFor("Test.Global.Registered"))
                .isPresent();
    }

    @Test
    void instanceRegistries_areIsolatedFromEachOtherAndFromTheGlobalOne() {
        RequestConverter withConverter = RequestConverter.builder()
                .add(new ExactConverter("mine", "Test.Isolated"))
                .build();
        RequestConverter without = RequestConverter.builder().build();

        assertThat(tagOf(withConverter, "Test.Isolated")).isEqualTo("mine");
        assertThat(tagOf(without, "Test.Isolated")).isEqualTo("UnknownRequest");
        assertThat(RequestConverter.parse(ofType("Test.Isolated")).request()).isInstanceOf(UnknownRequest.class);

        withConverter.add(new ExactConverter("mine", "Test.Isolated.Added"));
        assertThat(tagOf(without, "Test.Isolated.Added")).isEqualTo("UnknownRequest");
    }

    @Test
    void builtInConverters_areAlwaysThere_evenWithoutDiscovery() {
        RequestConverter converter = isolated();

        assertThat(converter.convert(Requests.MESSAGE_RECEIVED_AS_DOCUMENTED).request())
                .isInstanceOf(MessageReceivedRequest.class);
        assertThat(converter.convert(ofType("AlexaSkillEvent.SkillEnabled")).request())
                .isInstanceOf(SkillEnabledRequest.class);
        assertThat(converter.convert(ofType("LaunchRequest")).request()).isInstanceOf(LaunchRequest.class);
        assertThat(converter.converters()).hasSize(3);
    }

    @Test
    void convertersListedInMetaInfServices_areDiscovered() {
        assertThat(tagOf(RequestConverter.defaultConverter(), "Test.Discovered.Anything"))
                .isEqualTo("discovered");
        assertThat(tagOf(RequestConverter.builder().build(), "Test.Discovered.Other"))
                .isEqualTo("discovered");
        assertThat(RequestConverter.builder().build().converters())
                .hasAtLeastOneElementOfType(DiscoveredTestRequestTypeConverter.class);
    }

    @Test
    void discoveryCanBeTurnedOff() {
        assertThat(tagOf(isolated(), "Test.Discovered.Anything")).isEqualTo("UnknownRequest");
    }

    @Test
    void discoveryUsesTheGivenClassLoader() {
        ClassLoader seesNothing = new ClassLoader(null) {};

        RequestConverter converter =
                RequestConverter.builder().classLoader(seesNothing).build();

        assertThat(tagOf(converter, "Test.Discovered.Anything")).isEqualTo("UnknownRequest");
    }

    @Test
    void registrationAfterFirstUse_isSeenByTheNextParse() {
        RequestConverter converter = isolated();
        assertThat(tagOf(converter, "Test.Late")).isEqualTo("UnknownRequest");
        assertThat(tagOf(converter, "Test.Late")).isEqualTo("UnknownRequest");

        converter.add(new ExactConverter("late", "Test.Late"));

        assertThat(tagOf(converter, "Test.Late")).isEqualTo("late");
    }

    @Test
    void exactType_winsOverPrefix_whicheverIsRegisteredFirst() {
        RequestConverter exactFirst = isolated()
                .add(new ExactConverter("exact", "Test.Family.One"))
                .add(new PrefixConverter("prefix", "Test.Family."));
        RequestConverter prefixFirst = isolated()
                .add(new PrefixConverter("prefix", "Test.Family."))
                .add(new ExactConverter("exact", "Test.Family.One"));

        assertThat(tagOf(exactFirst, "Test.Family.One")).isEqualTo("exact");
        assertThat(tagOf(prefixFirst, "Test.Family.One")).isEqualTo("exact");
        assertThat(tagOf(exactFirst, "Test.Family.Two")).isEqualTo("prefix");
        assertThat(tagOf(prefixFirst, "Test.Family.Two")).isEqualTo("prefix");
    }

    @Test
    void builtInExactTypes_winOverAPrefixCatchAll() {
        RequestConverter converter = isolated().add(new PrefixConverter("all", ""));

        assertThat(converter.convert(Requests.MESSAGE_RECEIVED_AS_DOCUMENTED).request())
                .isInstanceOf(MessageReceivedRequest.class);
        assertThat(tagOf(converter, "Anything.Else")).isEqualTo("all");
    }

    @Test
    void longestPrefix_wins_thenTheLaterRegistration() {
        RequestConverter converter = isolated()
                .add(new PrefixConverter("long", "Test.Family.Sub."))
                .add(new PrefixConverter("short", "Test.Family."));

        assertThat(tagOf(converter, "Test.Family.Sub.X")).isEqualTo("long");
        assertThat(tagOf(converter, "Test.Family.X")).isEqualTo("short");

        converter.add(new PrefixConverter("short-again", "Test.Family."));
        // Same class, same prefix: replaces "short" in place.
        assertThat(tagOf(converter, "Test.Family.X")).isEqualTo("short-again");
    }

    @Test
    void duplicateExactType_laterRegistrationOfAnotherConverterWins() {
        RequestConverter converter = isolated()
                .add(new ExactConverter("first", "Test.Dup"))
                .add(new OtherExactConverter("second", "Test.Dup"));

        assertThat(tagOf(converter, "Test.Dup")).isEqualTo("second");
    }

    @Test
    void registeringTheSameConverterAgain_replacesItInPlace_keepingPrecedence() {
        RequestConverter converter = isolated()
                .add(new ExactConverter("first", "Test.Dup"))
                .add(new OtherExactConverter("second", "Test.Dup"));
        int size = converter.converters().size();

        converter.add(new ExactConverter("first-again", "Test.Dup"));

        assertThat(converter.converters()).hasSize(size);
        assertThat(tagOf(converter, "Test.Dup")).isEqualTo("second");
    }

    @Test
    void oneConverterClass_withDifferentTypes_isRegisteredOncePerTypeSet() {
        RequestConverter converter =
                isolated().add(new ExactConverter("a", "Test.A")).add(new ExactConverter("b", "Test.B"));

        assertThat(tagOf(converter, "Test.A")).isEqualTo("a");
        assertThat(tagOf(converter, "Test.B")).isEqualTo("b");
    }

    @Test
    void reRegisteringMessageReceivedConverter_asInTheDotNetSetup_isHarmless() {
        int size = RequestConverter.defaultConverter().converters().size();

        for (int i = 0; i < 1000; i++) {
            RequestConverter.register(new MessageReceivedRequestTypeConverter());
        }

        assertThat(RequestConverter.defaultConverter().converters()).hasSize(size);
        assertThat(RequestConverter.parse(Requests.MESSAGE_RECEIVED_AS_DOCUMENTED)
                        .request())
                .isInstanceOf(MessageReceivedRequest.class);
    }

    @Test
    void aLaterConverterForABuiltInType_replacesTheBuiltInBehaviour() {
        RequestConverter converter = isolated().add(new ExactConverter("custom", MessageReceivedRequest.TYPE));

        assertThat(tagOf(converter, MessageReceivedRequest.TYPE)).isEqualTo("custom");
    }

    @Test
    void converterThatThrows_isReportedAsRequestParseException_withoutItsMessage() {
        RequestConverter converter = isolated().add(new ExactConverter("x", "Test.Throws") {
            @Override
            public Request convert(JsonNode request) {
                throw new IllegalArgumentException(
                        "bad value " + request.path("secret").asText());
            }
        });
        String json = envelope(request("Test.Throws", "\"secret\": \"SECRET-VALUE\""));

        RequestParseException e = catchThrowableOfType(RequestParseException.class, () -> converter.convert(json));

        assertThat(e.getMessage())
                .contains("failed with java.lang.IllegalArgumentException")
                .doesNotContain("SECRET");
        assertThat(e.getCause().getMessage()).doesNotContain("SECRET");
        assertThat(e.getCause().getStackTrace()).isNotEmpty();
    }

    @Test
    void converterThatReturnsNull_isReportedAsRequestParseException() {
        RequestConverter converter = isolated().add(new ExactConverter("x", "Test.Null") {
            @Override
            public Request convert(JsonNode request) {
                return null;
            }
        });

        RequestParseException e =
                catchThrowableOfType(RequestParseException.class, () -> converter.convert(ofType("Test.Null")));

        assertThat(e.getMessage()).endsWith("returned null");
    }

    @Test
    void declaredTypes_areReadOnceAtRegistration() {
        Set<String> types = new java.util.HashSet<>(Set.of("Test.Snapshot"));
        RequestConverter converter = isolated().add(new ExactConverter("snap", "unused") {
            @Override
            public Set<String> requestTypes() {
                return types;
            }
        });
        types.add("Test.AddedLater");

        assertThat(tagOf(converter, "Test.Snapshot")).isEqualTo("snap");
        assertThat(tagOf(converter, "Test.AddedLater")).isEqualTo("UnknownRequest");
    }

    @Test
    void concurrentRegistrationAndParsing_loseNothing() throws Exception {
        RequestConverter converter = isolated();
        int threads = 8;
        int perThread = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        String type = "Test.Concurrent." + thread + "." + i;
                        converter.add(new ExactConverter(type, type));
                        assertThat(tagOf(converter, type)).isEqualTo(type);
                        assertThat(converter
                                        .convert(Requests.MESSAGE_RECEIVED_AS_DOCUMENTED)
                                        .request())
                                .isInstanceOf(MessageReceivedRequest.class);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(converter.converters()).hasSize(3 + threads * perThread);
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < perThread; i++) {
                String type = "Test.Concurrent." + t + "." + i;
                assertThat(tagOf(converter, type)).isEqualTo(type);
            }
        }
    }
}
