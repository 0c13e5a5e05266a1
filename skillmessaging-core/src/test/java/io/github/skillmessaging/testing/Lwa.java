package io.github.skillmessaging.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;

/** WireMock stubs of Login-With-Amazon. */
public final class Lwa {
    public static final String TOKEN_PATH = "/auth/o2/token";

    private Lwa() {}

    /** A 200 token answer with {@code token}, valid for {@code expiresIn} seconds. */
    public static MappingBuilder tokenStub(String token, long expiresIn) {
        return post(urlEqualTo(TOKEN_PATH))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("X-Amzn-RequestId", "lwa-req-1")
                        .withBody("{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\",\"expires_in\":"
                                + expiresIn + ",\"scope\":\"alexa:skill_messaging\"}"));
    }
}
