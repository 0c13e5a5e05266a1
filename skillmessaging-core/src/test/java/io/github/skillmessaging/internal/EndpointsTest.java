package io.github.skillmessaging.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://api.amazonalexa.com",
                "https://api.eu.amazonalexa.com/",
                "http://127.0.0.1:8080",
                "http://localhost:9000/",
                "http://[::1]:8443",
                "https://api.fe.amazonalexa.com//"
            })
    void acceptsHttpsAndLoopbackHttp(String url) {
        assertThat(Endpoints.baseUrl(url, "apiEndpoint").toString()).doesNotEndWith("/");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://api.amazonalexa.com",
                "ftp://api.amazonalexa.com",
                "api.amazonalexa.com",
                "https://user:pw@api.amazonalexa.com",
                "https://api.amazonalexa.com?x=1",
                "https://api.amazonalexa.com#f",
                "http://10.0.0.1",
                "http://localhost.evil.com",
                " ",
                "https://exa mple.com"
            })
    void rejectsAnythingElse(String url) {
        assertThatThrownBy(() -> Endpoints.baseUrl(url, "apiEndpoint"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("apiEndpoint");
    }

    @org.junit.jupiter.api.Test
    void pathSegmentsEncodeEverythingButUnreservedCharacters() {
        assertThat(Requests.pathSegment("amzn1.ask.account.AB/c+d=e f~_-"))
                .isEqualTo("amzn1.ask.account.AB%2Fc%2Bd%3De%20f~_-");
        assertThat(Requests.pathSegment("é")).isEqualTo("%C3%A9");
        assertThat(Requests.pathSegment("amzn1.ask.account.AFX-Az09_~")).isEqualTo("amzn1.ask.account.AFX-Az09_~");
        assertThat(Requests.pathSegment("a%b")).isEqualTo("a%25b");
    }
}
