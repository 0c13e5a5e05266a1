package io.github.skillmessaging.transport.nio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.skillmessaging.http.HttpTransport;
import java.net.ProtocolException;
import java.util.List;
import java.util.Map;
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

    @Test
    void headerNamesAreLowerCasedAndNamesAndValuesTrimmed() throws Exception {
        for (boolean split : new boolean[] {false, true}) {
            Http1Codec.ResponseParser p = parse("HTTP/1.1 202 Accepted\r\nX-Amzn-RequestId:  id-1 \t\r\n"
                    + "X-Custom-Thing \t: a b\r\nSet-Cookie: one\r\nset-cookie: two\r\nX-Empty:\r\n"
                    + "\u0001: control\r\nContent-Length: 0\r\n\r\n", split);
            HttpTransport.Response r = p.response();
            assertThat(r.statusCode()).isEqualTo(202);
            assertThat(r.headers().keySet()).containsExactly("", "content-length", "set-cookie", "x-amzn-requestid",
                    "x-custom-thing", "x-empty");
            assertThat(r.header("x-amzn-requestid")).hasValue("id-1");
            assertThat(r.headers().get("X-Custom-Thing")).containsExactly("a b");
            assertThat(r.headers().get("set-cookie")).containsExactly("one", "two");
            assertThat(r.headers().get("x-empty")).containsExactly("");
            assertThat(r.body()).isEmpty();
        }
    }

    @Test
    void readsStatusLinesWithAndWithoutReasonAndRefusesOthers() throws Exception {
        assertThat(parse("HTTP/1.1 404\r\nContent-Length: 0\r\n\r\n", true).response().statusCode()).isEqualTo(404);
        assertThat(parse("HTTP/1.1 503 \r\nContent-Length: 0\r\n\r\n", false).response().statusCode()).isEqualTo(503);
        assertThat(parse("HTTP/1.1 200 A reason, with spaces\r\nContent-Length: 0\r\n\r\n", false).isDone()).isTrue();
        for (String bad : new String[] {"HTTP/1.1  200 OK", "HTTP/1.1 2000 OK", "HTTP/1.1 20 OK", "HTTP/2 200 OK",
                "HTTP/1.1", "HTTP/1.1 +20 OK", "HTTP/1.1 099 OK", " HTTP/1.1 200 OK", "ICY 200 OK"}) {
            assertThatThrownBy(() -> parse(bad + "\r\n\r\n", false)).as(bad).isInstanceOf(ProtocolException.class);
        }
    }

    @Test
    void theHeadersOfAnInterimResponseAreDropped() throws Exception {
        HttpTransport.Response r = parse("HTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", true).response();
        assertThat(r.headers()).containsOnlyKeys("content-length");
        assertThat(r.bodyAsString()).isEqualTo("ok");
    }

    @Test
    void encodesMethodPathQueryPortHeadersAndBodyExactly() throws Exception {
        java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("Authorization", "Bearer t");
        headers.put("Connection", "upgrade");
        headers.put("Content-Type", "application/json");
        HttpTransport.Request r = new HttpTransport.Request("POST",
                java.net.URI.create("http://127.0.0.1:8080/v1/skillmessages/users/amzn1.ask.account.A%2FB?x=1&y=%20"),
                headers, "{\"a\":\"é\"}".getBytes(StandardCharsets.UTF_8), java.time.Duration.ofSeconds(1));
        assertThat(new String(Http1Codec.encode(r), StandardCharsets.ISO_8859_1)).isEqualTo(
                "POST /v1/skillmessages/users/amzn1.ask.account.A%2FB?x=1&y=%20 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n"
                        + "Authorization: Bearer t\r\nContent-Type: application/json\r\nContent-Length: 10\r\n\r\n"
                        + new String("{\"a\":\"é\"}".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
        HttpTransport.Request emptyPost = new HttpTransport.Request("DELETE", java.net.URI.create("https://h"),
                java.util.Map.of(), null, java.time.Duration.ofSeconds(1));
        assertThat(new String(Http1Codec.encode(emptyPost), StandardCharsets.ISO_8859_1))
                .isEqualTo("DELETE / HTTP/1.1\r\nHost: h\r\n\r\n");
    }

    @Test
    void aParsedResponseIsEqualToOneBuiltFromTheSameHeaders() throws Exception {
        HttpTransport.Response parsed = parse(
                "HTTP/1.1 202 Accepted\r\nX-Amzn-RequestId: m1\r\nContent-Length: 2\r\n\r\nok", false).response();
        HttpTransport.Response built = new HttpTransport.Response(202,
                Map.of("content-length", List.of("2"), "X-AMZN-REQUESTID", List.of("m1")),
                "ok".getBytes(StandardCharsets.UTF_8));
        assertThat(parsed).isEqualTo(built).hasSameHashCodeAs(built);
        assertThat(new HttpTransport.Response(202, parsed.headers(), parsed.body())).isEqualTo(parsed);
    }
}
