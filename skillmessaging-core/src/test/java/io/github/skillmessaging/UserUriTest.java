package io.github.skillmessaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.skillmessaging.internal.Endpoints;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The address of a user's messages: the same URI however the endpoint looks, made the quick way or not. */
class UserUriTest {

    @Test
    void isTheEndpointFollowedByThePathOfTheUsersMessages() {
        for (String endpoint : new String[] {
            "https://api.amazonalexa.com",
            "https://api.eu.amazonalexa.com/",
            "http://127.0.0.1:18090",
            "http://[::1]:8080",
            "http://localhost:8080/alexa",
            "http://localhost:8080//alexa"
        }) {
            URI base = Endpoints.baseUrl(endpoint, "endpoint");
            URI made = SkillMessageClient.userUri(base, "amzn1.ask.account.AB/C+D=");
            URI expected = URI.create(base + "/v1/skillmessages/users/amzn1.ask.account.AB%2FC%2BD%3D");
            assertThat(made).as(endpoint).isEqualTo(expected);
            assertThat(made.toString()).as(endpoint).isEqualTo(expected.toString());
            assertThat(made.getRawPath()).as(endpoint).isEqualTo(expected.getRawPath());
            assertThat(made.getHost()).as(endpoint).isEqualTo(expected.getHost());
            assertThat(made.getPort()).as(endpoint).isEqualTo(expected.getPort());
        }
    }
}
