package io.github.skillmessaging.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The HTTP/1.1 response parser of {@link NioTransport}, fed whole and one byte at a time. */
class Http1CodecTest {

    static Http1Codec.ResponseParser parse(String raw, boolean byteByByte) throws ProtocolException {
        Http1Codec.ResponseParser parser = new Http1Codec.ResponseParser(false, 1024, 1024);
        byte[] bytes = raw.getBytes(StandardCharsets.ISO_8859_1);
        if (byteByByte) {
            for (int i = 0; i < bytes.length && !parser.isDone(); i++) {
                parser.feed(ByteBuffer.wrap(bytes, i, 1));
            }
        } else {
            parser.feed(ByteBuffer.wrap(bytes));
        }
        return parser;
    }

    @Test
    void chunkedBodiesParseTheSameWhateverTheSplit() throws Exception {
        String raw = "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"
                .replace("gzip, ", "") + "4\r\nWiki\r\n6;name=v\r\npedia \r\nE\r\nin \r\n\r\nchunks.\r\n0\r\nT: 1\r\n\r\n";
        for (boolean split : new boolean[] {false, true}) {
            Http1Codec.ResponseParser p = parse(raw, split);
            assertThat(p.isDone()).isTrue();
            assertThat(p.keepAlive()).isTrue();
            assertThat(p.response().bodyAsString()).isEqualTo("Wikipedia in \r\n\r\nchunks.");
        }
    }

    @Test
    void leavesBytesAfterTheResponseUnread() throws Exception {
        Http1Codec.ResponseParser parser = new Http1Codec.ResponseParser(false, 1024, 1024);
        ByteBuffer in = ByteBuffer.wrap("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokEXTRA".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(parser.feed(in)).isTrue();
        assertThat(in.remaining()).isEqualTo(5);
    }

    @Test
    void keepAliveFollowsTheVersionAndTheConnectionHeader() throws Exception {
        assertThat(parse("HTTP/1.1 204 No Content\r\n\r\n", false).keepAlive()).isTrue();
        assertThat(parse("HTTP/1.1 200 OK\r\nConnection: Close\r\nContent-Length: 0\r\n\r\n", true).keepAlive()).isFalse();
        assertThat(parse("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n", false).keepAlive()).isFalse();
        assertThat(parse("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n", false).keepAlive())
                .isTrue();
    }

    @Test
    void aBodyWithoutLengthEndsWithTheConnection() throws Exception {
        Http1Codec.ResponseParser p = parse("HTTP/1.1 500 Oops\r\n\r\npartial", true);
        assertThat(p.isDone()).isFalse();
        assertThat(p.endOfStream()).isTrue();
        assertThat(p.keepAlive()).isFalse();
        assertThat(p.response().statusCode()).isEqualTo(500);
        assertThat(p.response().bodyAsString()).isEqualTo("partial");
    }

    @Test
    void aResponseCutShortIsAnError() throws Exception {
        Http1Codec.ResponseParser p = parse("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", false);
        assertThatThrownBy(p::endOfStream).isInstanceOf(java.io.EOFException.class).hasMessageContaining("middle");
    }

    @Test
    void refusesMalformedOrHugeResponses() {
        assertThatThrownBy(() -> parse("HTTP/1.1 2x0 OK\r\n\r\n", false)).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> parse("HTTP/1.1 200 OK\r\nContent-Length: 1, 2\r\n\r\n", false))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("Content-Length");
        assertThatThrownBy(() -> parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n", false))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("Transfer-Encoding");
        assertThatThrownBy(() -> parse("HTTP/1.1 200 OK\r\nX: " + "a".repeat(2000) + "\r\n\r\n", true))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("head larger");
        assertThatThrownBy(() -> parse("HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n", false))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("body larger");
        assertThatThrownBy(() -> parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", false))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("chunk size");
    }

    @Test
    void encodesHostWithoutTheDefaultPort() throws Exception {
        HttpTransport.Request r = new HttpTransport.Request("GET", java.net.URI.create("https://api.amazonalexa.com:443/v1"),
                java.util.Map.of("Content-Length", "99", "Host", "evil"), null, java.time.Duration.ofSeconds(1));
        assertThat(new String(Http1Codec.encode(r), StandardCharsets.ISO_8859_1))
                .isEqualTo("GET /v1 HTTP/1.1\r\nHost: api.amazonalexa.com\r\n\r\n");
    }
}
