package io.github.skillmessaging.request;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.skillmessaging.error.RequestParseException;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes {@link RequestConverter#parse}: whatever the body, it returns a {@link SkillRequest} or
 * throws {@link RequestParseException}, nothing else.
 *
 * <p>In a normal build ({@code ./mvnw verify}) Jazzer runs only the seed inputs in
 * {@code src/test/resources/io/github/skillmessaging/request/RequestConverterFuzzTestInputs/<method>/}
 * as regression tests. To fuzz for real (Linux, macOS or Windows on x86_64/arm64), run e.g. for
 * ten minutes:
 *
 * <pre>
 * JAZZER_FUZZ=1 ./mvnw -pl skillmessaging-core test -Dtest=RequestConverterFuzzTest \
 *     -Djazzer.max_duration=10m
 * </pre>
 *
 * Jazzer keeps the inputs it generates in {@code .cifuzz-corpus/} (git-ignored) and writes any
 * crashing input into the inputs directory above, where it becomes a regression test.
 */
class RequestConverterFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void parseReturnsASkillRequestOrThrowsRequestParseException(byte[] body) {
        if (body == null) {
            return;
        }
        checkOutcome(() -> RequestConverter.parse(body));
        checkOutcome(() -> RequestConverter.parse(new String(body, StandardCharsets.UTF_8)));
    }

    private static void checkOutcome(java.util.function.Supplier<SkillRequest> parse) {
        SkillRequest skillRequest;
        try {
            skillRequest = parse.get();
        } catch (RequestParseException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            return;
        }
        assertThat(skillRequest).isNotNull();
        assertThat(skillRequest.request()).isNotNull();
        assertThat(skillRequest.request().type()).isNotNull();
        assertThat(skillRequest.userId()).isNotNull();
        assertThat(skillRequest.toString()).isNotNull();
    }
}
