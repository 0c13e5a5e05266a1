package io.github.skillmessaging.transport.nio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.skillmessaging.http.HttpTransport;
import java.net.ProtocolException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
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
    void eachRequestCarriesItsOwnHeadersWhetherItSharesAnotherRequestsMapOrNot() throws Exception {
        HttpTransport.Request first = new HttpTransport.Request(
                "POST", URI.create("http://h/a"), Map.of("Authorization", "Bearer one"), new byte[] {1}, D);
        HttpTransport.Request sharing =
                new HttpTransport.Request("POST", URI.create("http://h/b"), first.headers(), new byte[] {2, 3}, D);
        HttpTransport.Request other = new HttpTransport.Request(
                "POST", URI.create("http://h/c"), Map.of("Authorization", "Bearer two"), null, D);
        HttpTransport.Request equalButNew = new HttpTransport.Request(
                "POST", URI.create("http://h/d"), Map.of("Authorization", "Bearer one"), null, D);
        assertThat(sharing.headers()).as("shared, not copied").isSameAs(first.headers());
        assertThat(text(first)).contains("\r\nAuthorization: Bearer one\r\nContent-Length: 1\r\n\r\n");
        assertThat(text(sharing))
                .startsWith("POST /b ")
                .contains("\r\nAuthorization: Bearer one\r\nContent-Length: 2\r\n");
        assertThat(text(other))
                .startsWith("POST /c ")
                .contains("\r\nAuthorization: Bearer two\r\n")
                .doesNotContain("one");
        assertThat(text(sharing)).contains("Bearer one").doesNotContain("two");
        assertThat(text(equalButNew)).contains("\r\nAuthorization: Bearer one\r\n");
        assertThatThrownBy(() -> Http1Codec.encode(
                        new HttpTransport.Request("POST", URI.create("http://h/e"), Map.of("X-Bad", "a\nb"), null, D)))
                .as("checked whether or not the last headers were fine")
                .isInstanceOf(ProtocolException.class);
    }

    private static final java.time.Duration D = java.time.Duration.ofSeconds(1);

    private static String text(HttpTransport.Request request) throws ProtocolException {
        return new String(Http1Codec.encode(request), StandardCharsets.ISO_8859_1);
    }

    @Test
    void chunkedBodiesParseTheSameWhateverTheSplit() throws Exception {
        String raw = "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n".replace("gzip, ", "")
                + "4\r\nWiki\r\n6;name=v\r\npedia \r\nE\r\nin \r\n\r\nchunks.\r\n0\r\nT: 1\r\n\r\n";
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
        ByteBuffer in = ByteBuffer.wrap(
                "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokEXTRA".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(parser.feed(in)).isTrue();
        assertThat(in.remaining()).isEqualTo(5);
    }

    @Test
    void keepAliveFollowsTheVersionAndTheConnectionHeader() throws Exception {
        assertThat(parse("HTTP/1.1 204 No Content\r\n\r\n", false).keepAlive()).isTrue();
        assertThat(parse("HTTP/1.1 200 OK\r\nConnection: Close\r\nContent-Length: 0\r\n\r\n", true)
                        .keepAlive())
                .isFalse();
        assertThat(parse("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n", false).keepAlive())
                .isFalse();
        assertThat(parse("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n", false)
                        .keepAlive())
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
        assertThatThrownBy(p::endOfStream)
                .isInstanceOf(java.io.EOFException.class)
                .hasMessageContaining("middle");
    }

    @Test
    void refusesMalformedOrHugeResponses() {
        assertThatThrownBy(() -> parse("HTTP/1.1 2x0 OK\r\n\r\n", false)).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> parse("HTTP/1.1 200 OK\r\nContent-Length: 1, 2\r\n\r\n", false))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("Content-Length");
        assertThatThrownBy(() -> parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n", false))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("Transfer-Encoding");
        assertThatThrownBy(() -> parse("HTTP/1.1 200 OK\r\nX: " + "a".repeat(2000) + "\r\n\r\n", true))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("head larger");
        assertThatThrownBy(() -> parse("HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n", false))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("body larger");
        assertThatThrownBy(() -> parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", false))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("chunk size");
    }

    @Test
    void encodesHostWithoutTheDefaultPort() throws Exception {
        HttpTransport.Request r = new HttpTransport.Request(
                "GET",
                java.net.URI.create("https://api.amazonalexa.com:443/v1"),
                java.util.Map.of("Content-Length", "99", "Host", "evil"),
                null,
                java.time.Duration.ofSeconds(1));
        assertThat(new String(Http1Codec.encode(r), StandardCharsets.ISO_8859_1))
                .isEqualTo("GET /v1 HTTP/1.1\r\nHost: api.amazonalexa.com\r\n\r\n");
    }

    @Test
    void headerNamesAreLowerCasedAndNamesAndValuesTrimmed() throws Exception {
        for (boolean split : new boolean[] {false, true}) {
            Http1Codec.ResponseParser p = parse(
                    "HTTP/1.1 202 Accepted\r\nX-Amzn-RequestId:  id-1 \t\r\n"
                            + "X-Custom-Thing: \t a b\r\nSet-Cookie: one\r\nset-cookie: two\r\nX-Empty:\r\n"
                            + "Content-Length: 0\r\n\r\n",
                    split);
            HttpTransport.Response r = p.response();
            assertThat(r.statusCode()).isEqualTo(202);
            assertThat(r.headers().keySet())
                    .containsExactly("content-length", "set-cookie", "x-amzn-requestid", "x-custom-thing", "x-empty");
            assertThat(r.header("x-amzn-requestid")).hasValue("id-1");
            assertThat(r.headers().get("X-Custom-Thing")).containsExactly("a b");
            assertThat(r.headers().get("set-cookie")).containsExactly("one", "two");
            assertThat(r.headers().get("x-empty")).containsExactly("");
            assertThat(r.body()).isEmpty();
        }
    }

    @Test
    void readsStatusLinesWithAndWithoutReasonAndRefusesOthers() throws Exception {
        assertThat(parse("HTTP/1.1 404\r\nContent-Length: 0\r\n\r\n", true)
                        .response()
                        .statusCode())
                .isEqualTo(404);
        assertThat(parse("HTTP/1.1 503 \r\nContent-Length: 0\r\n\r\n", false)
                        .response()
                        .statusCode())
                .isEqualTo(503);
        assertThat(parse("HTTP/1.1 200 A reason, with spaces\r\nContent-Length: 0\r\n\r\n", false)
                        .isDone())
                .isTrue();
        for (String bad : new String[] {
            "HTTP/1.1  200 OK",
            "HTTP/1.1 2000 OK",
            "HTTP/1.1 20 OK",
            "HTTP/2 200 OK",
            "HTTP/1.1",
            "HTTP/1.1 +20 OK",
            "HTTP/1.1 099 OK",
            " HTTP/1.1 200 OK",
            "ICY 200 OK"
        }) {
            assertThatThrownBy(() -> parse(bad + "\r\n\r\n", false)).as(bad).isInstanceOf(ProtocolException.class);
        }
    }

    @Test
    void theHeadersOfAnInterimResponseAreDropped() throws Exception {
        HttpTransport.Response r = parse(
                        "HTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n"
                                + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok",
                        true)
                .response();
        assertThat(r.headers()).containsOnlyKeys("content-length");
        assertThat(r.bodyAsString()).isEqualTo("ok");
    }

    @Test
    void encodesMethodPathQueryPortHeadersAndBodyExactly() throws Exception {
        java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("Authorization", "Bearer t");
        headers.put("Connection", "upgrade");
        headers.put("Content-Type", "application/json");
        HttpTransport.Request r = new HttpTransport.Request(
                "POST",
                java.net.URI.create("http://127.0.0.1:8080/v1/skillmessages/users/amzn1.ask.account.A%2FB?x=1&y=%20"),
                headers,
                "{\"a\":\"é\"}".getBytes(StandardCharsets.UTF_8),
                java.time.Duration.ofSeconds(1));
        assertThat(new String(Http1Codec.encode(r), StandardCharsets.ISO_8859_1))
                .isEqualTo(
                        "POST /v1/skillmessages/users/amzn1.ask.account.A%2FB?x=1&y=%20 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n"
                                + "Authorization: Bearer t\r\nContent-Type: application/json\r\nContent-Length: 10\r\n\r\n"
                                + new String(
                                        "{\"a\":\"é\"}".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
        HttpTransport.Request emptyPost = new HttpTransport.Request(
                "DELETE", java.net.URI.create("https://h"), java.util.Map.of(), null, java.time.Duration.ofSeconds(1));
        assertThat(new String(Http1Codec.encode(emptyPost), StandardCharsets.ISO_8859_1))
                .isEqualTo("DELETE / HTTP/1.1\r\nHost: h\r\n\r\n");
    }

    @Test
    void aParsedResponseIsEqualToOneBuiltFromTheSameHeaders() throws Exception {
        HttpTransport.Response parsed = parse(
                        "HTTP/1.1 202 Accepted\r\nX-Amzn-RequestId: m1\r\nContent-Length: 2\r\n\r\nok", false)
                .response();
        HttpTransport.Response built = new HttpTransport.Response(
                202,
                Map.of("content-length", List.of("2"), "X-AMZN-REQUESTID", List.of("m1")),
                "ok".getBytes(StandardCharsets.UTF_8));
        assertThat(parsed).isEqualTo(built).hasSameHashCodeAs(built);
        assertThat(new HttpTransport.Response(202, parsed.headers(), parsed.body()))
                .isEqualTo(parsed);
    }
    /** Refused whole and one byte at a time, with a message naming {@code what}. */
    private static void assertRefused(String raw, String what) {
        for (boolean split : new boolean[] {false, true}) {
            assertThatThrownBy(() -> parse(raw, split))
                    .as(raw)
                    .isInstanceOf(ProtocolException.class)
                    .hasMessageContaining(what);
        }
    }

    @Test
    void contentLengthIsDigitsOnlyOrAListOfEqualDigits() throws Exception {
        for (String bad : new String[] {
            "+2", "-0", "1 2", "0x2", "2;", "", "1,,1", "1, 2", "2,", " , ", "\u000b2", "99999999999999999999"
        }) {
            assertRefused("HTTP/1.1 200 OK\r\nContent-Length: " + bad + "\r\n\r\nab", "Content-Length");
        }
        assertRefused("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nab", "Content-Length");
        for (String good : new String[] {"2", "02", "2, 2", "2,2 ,\t2"}) {
            assertThat(parse("HTTP/1.1 200 OK\r\nContent-Length: " + good + "\r\n\r\nab", true)
                            .response()
                            .bodyAsString())
                    .as(good)
                    .isEqualTo("ab");
        }
        assertThat(parse("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\nab", false)
                        .isDone())
                .isTrue();
    }

    @Test
    void chunkSizesAreHexDigitsOnly() throws Exception {
        for (String bad : new String[] {"+2", "-0", " 2", "2 2", "0x2", "", "g", "1 ", "12345678901234567"}) {
            assertRefused(
                    "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + bad + "\r\nab\r\n0\r\n\r\n",
                    "chunk size");
        }
        for (String good : new String[] {"2", "02", "2;name=value", "2 ; a", "2\t;a=\"b\""}) {
            assertThat(parse(
                                    "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + good
                                            + "\r\nab\r\n0\r\n\r\n",
                                    true)
                            .response()
                            .bodyAsString())
                    .as(good)
                    .isEqualTo("ab");
        }
    }

    @Test
    void headerNamesAreTokensWithNoWhitespaceBeforeTheColon() {
        for (String bad :
                new String[] {"X-A : 1", "X-A\t: 1", "X A: 1", "\u0001: 1", "X(A): 1", ": 1", "X-\u00e9: 1"}) {
            assertRefused("HTTP/1.1 200 OK\r\n" + bad + "\r\nContent-Length: 0\r\n\r\n", "header");
        }
    }

    @Test
    void headerValuesWithControlCharactersOtherThanTabAreRefused() throws Exception {
        for (String bad : new String[] {"\u0000", "\u007f", "\r", "\u0001", "\u001b", "\u000b"}) {
            assertRefused("HTTP/1.1 200 OK\r\nX-A: a" + bad + "b\r\nContent-Length: 0\r\n\r\n", "X-A");
            assertRefused("HTTP/1.1 200 OK\r\nX-A: ab" + bad + "\r\nContent-Length: 0\r\n\r\n", "X-A");
        }
        HttpTransport.Response r = parse("HTTP/1.1 200 OK\r\nX-A: a\tb \u00e9\u00ff\r\nContent-Length: 0\r\n\r\n", true)
                .response();
        assertThat(r.header("x-a")).hasValue("a\tb \u00e9\u00ff");
    }

    @Test
    void contentLengthTogetherWithChunkedIsRefused() {
        assertRefused(
                "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nab\r\n0\r\n\r\n",
                "Content-Length");
        assertRefused(
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 2\r\n\r\n2\r\nab\r\n0\r\n\r\n",
                "Content-Length");
    }

    @Test
    void transferCodingsOtherThanChunkedAloneAreRefused() throws Exception {
        for (String bad : new String[] {
            "xchunked",
            "chunkedx",
            "gzip, chunked",
            "chunked, chunked",
            "identity",
            "gzip",
            "chunked;q=1",
            "chunked,",
            ""
        }) {
            assertRefused("HTTP/1.1 200 OK\r\nTransfer-Encoding: " + bad + "\r\n\r\n0\r\n\r\n", "Transfer-Encoding");
        }
        assertRefused(
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
                "Transfer-Encoding");
        for (String good : new String[] {"chunked", "Chunked", "CHUNKED "}) {
            assertThat(parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: " + good + "\r\n\r\n2\r\nab\r\n0\r\n\r\n", true)
                            .response()
                            .bodyAsString())
                    .isEqualTo("ab");
        }
    }

    @Test
    void pathsAndQueriesArePercentEncodedInUtf8ExactlyAsJavaNetHttpWritesThem() throws Exception {
        // the expected request targets are what java.net.http 17 wrote for the same URIs
        Map<URI, String> expected = new java.util.LinkedHashMap<>();
        expected.put(
                URI.create("http://h/caf\u00e9/\u20ac?q=\u00fc&r=%C3%A9"), "/caf%C3%A9/%E2%82%AC?q=%C3%BC&r=%C3%A9");
        expected.put(
                new URI("http", null, "h", -1, "/a b/\u00e9/e\u0301", "q=x y&z=\u00e9", null),
                "/a%20b/%C3%A9/%C3%A9?q=x%20y&z=%C3%A9");
        expected.put(URI.create("http://h/e\u0301x?\ud83d\ude00"), "/%C3%A9x?%F0%9F%98%80");
        expected.put(
                new URI("http", null, "h", -1, "/\u0007ctl\u007f/\u00a0nbsp", "a=\u2028", null),
                "/%07ctl%7F/%C2%A0nbsp?a=%E2%80%A8");
        expected.put(URI.create("http://h"), "/");
        expected.put(URI.create("http://h?x"), "/?x");
        expected.put(URI.create("http://h/p?a=1#fragment-not-sent"), "/p?a=1");
        for (Map.Entry<URI, String> e : expected.entrySet()) {
            HttpTransport.Request r =
                    new HttpTransport.Request("GET", e.getKey(), Map.of(), null, java.time.Duration.ofSeconds(1));
            String head = new String(Http1Codec.encode(r), StandardCharsets.ISO_8859_1);
            assertThat(head).as(e.getKey().toString()).startsWith("GET " + e.getValue() + " HTTP/1.1\r\n");
        }
    }

    @Test
    void aMalformedHeaderLineIsRefusedWithoutEchoingWhatMayBeASecret() {
        for (String line :
                new String[] {"Set-Cookie session=s3cr3t", "X-Token s3cr3t: x", "Authorization\tBearer s3cr3t:"}) {
            assertThatThrownBy(() -> parse("HTTP/1.1 200 OK\r\n" + line + "\r\nContent-Length: 0\r\n\r\n", false))
                    .isInstanceOf(ProtocolException.class)
                    .message()
                    .doesNotContain("s3cr3t");
        }
    }
}
