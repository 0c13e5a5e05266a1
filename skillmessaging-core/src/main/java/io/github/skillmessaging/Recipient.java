package io.github.skillmessaging;

import java.util.Objects;

/**
 * Who gets a message: an Alexa user id and the API endpoint of that user's region, as stored
 * from the user's requests and events ({@code context.System.apiEndpoint}).
 *
 * @param userId the Alexa user id ({@code amzn1.ask.account....})
 * @param apiEndpoint the user's API base URL, e.g. {@code https://api.eu.amazonalexa.com}
 */
public record Recipient(String userId, String apiEndpoint) {
    public Recipient {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(apiEndpoint, "apiEndpoint");
    }

    /** A recipient in {@code region}. */
    public static Recipient of(String userId, AlexaRegion region) {
        return new Recipient(userId, region.endpoint().toString());
    }
}
