package io.github.skillmessaging.transport.nio;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.skillmessaging.http.HttpTransport;
import java.io.EOFException;
import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Fuzzes the HTTP/1.1 response parser of {@link NioTransport}: whatever a server sends, the
 * parser completes a response or throws {@link ProtocolException} (or {@link EOFException} at the
 * end of the stream), never anything else, and the answer does not depend on how the bytes were
 * split across reads. The first byte of an input also picks where it is split. A normal build runs the seeds in
 * {@code src/test/resources/io/github/skillmessaging/transport/nio/Http1ResponseParserFuzzTestInputs/}; fuzz
 * for real with {@code JAZZER_FUZZ=1 ./mvnw -pl skillmessaging-transport-nio test -Dtest=Http1ResponseParserFuzzTest}.
 */
class Http1ResponseParserFuzzTest {
    private static final int MAX_BODY = 4096;

    @FuzzTest(maxDuration = "5m")
    void parsesOrRefusesTheSameWayWhateverTheSplit(byte[] input) {
        if (input == null || input.length == 0) {
            return;
        }
        int split = (input[0] & 0xff) % input.length;
        String whole = outcome(input, new int[] {input.length});
        String twoReads = outcome(input, new int[] {split, input.length - split});
        assertThat(twoReads).isEqualTo(whole);
    }

    /** The parse's result as text: status and body, or the kind of refusal. */
    private static String outcome(byte[] input, int[] reads) {
        Http1Codec.ResponseParser parser = new Http1Codec.ResponseParser(false, 1024, MAX_BODY);
        int offset = 0;
        try {
            for (int length : reads) {
                ByteBuffer chunk = ByteBuffer.wrap(input, offset, length);
                offset += length;
                if (parser.feed(chunk)) {
                    return describe(parser);
                }
            }
            return parser.endOfStream() ? describe(parser) : "incomplete";
        } catch (ProtocolException e) {
            assertThat(e.getMessage()).isNotBlank();
            return "refused";
        } catch (EOFException e) {
            return "cut short";
        }
    }

    private static String describe(Http1Codec.ResponseParser parser) {
        HttpTransport.Response response = parser.response();
        assertThat(response.statusCode()).isBetween(100, 999);
        assertThat(response.body().length).isLessThanOrEqualTo(MAX_BODY);
        return response.statusCode() + " " + Arrays.hashCode(response.body()) + " " + parser.keepAlive();
    }
}
