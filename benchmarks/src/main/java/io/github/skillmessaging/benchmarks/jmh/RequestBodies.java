package io.github.skillmessaging.benchmarks.jmh;

import java.time.Instant;

/**
 * Request bodies as Alexa sends them (shapes from Amazon's documentation, field values made up
 * but of realistic length: the API access token is a JWT of the usual size).
 */
final class RequestBodies {
    /** The usual size of {@code context.System.apiAccessToken}: a signed JWT of about 900 characters. */
    static final String API_ACCESS_TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ."
            + "eyJhdWQiOiJodHRwczovL2FwaS5hbWF6b25hbGV4YS5jb20iLCJpc3MiOiJBbGV4YVNraWxsS2l0Iiwic3ViIjoiYW16bjEuYXNr"
            + "LnNraWxsLjBmMWUyZDNjLTRiNWEtNjk3OC04NzY5LWE1YjRjM2QyZTFmMCIsImV4cCI6MTc5NTYwMjQwMCwiaWF0IjoxNzk1NTk4"
            + "ODAwLCJuYmYiOjE3OTU1OTg4MDAsInByaXZhdGVDbGFpbXMiOnsiY29udGV4dCI6IkFBQUFBQUFBQUFBMnN2S2tHNzRMb3lRSVVY"
            + "RU5Db3ZPUWNvdzZIR2pZa0RmOEl3N2pXbEx0N1VLVDBvVmZDWVZ0TjBBdG5mT2pCbTZoMnRmdXdyTXg5bGp0cFZEY1RwWWFsYVp4"
            + "cXpxNnQ5bkp0aGJ1S0R5b21xQk5NTnJuWlI2TUdpVjM1bTZhd2dOd2V3IiwidXNlcklkIjoiYW16bjEuYXNrLmFjY291bnQuQUZQ"
            + "M1pXUEVNTE1IRkM1WVlUWEpKN0pTUUtYRE1WUTNWNkRKQVpKTzRNU05KUEdaWlRIR0tNNlFKRkY1WkpVUkk3UU1aTlBYRkhWQUNH"
            + "N1dRQ0EyUkJPSEVHNk1OUlZFSkdDRE5BWlZLQUhIRE5BM1lLRlI0RFlSNzVRUFNGWlJUQk0ifX0."
            + "Yx4rE7iVqZlM0s2bN8pQ1wK5cT3fH6jD9gA0uL2yR4eW7oS1vB3nX5mC8kJ6hG9fD2sA4pO7iU1yT3rE5wQ8zX0cV2bN4mL6kJ9h"
            + "G1fD3sA5pO8iU2yT4rE6wQ9zX1cV3bN5mL7kJ0hG2fD4sA6pO9iU3yT5rE7wQ0zX2cV4bN6mL8kJ1hG3fD5sA7pO0iU4yT6rE8w";

    private RequestBodies() {}

    /** A {@code Messaging.MessageReceived} request with a two-entry message. */
    static String messageReceived(Instant timestamp) {
        return """
                {"version":"1.0",\
                "context":{"System":{\
                "application":{"applicationId":"amzn1.ask.skill.0f1e2d3c-4b5a-6978-8769-a5b4c3d2e1f0"},\
                "user":{"userId":"amzn1.ask.account.AFP3ZWPEMLMHFC5YYTXJJ7JSQKXDMVQ3V6DJAZJO4MSNJPGZZTHGKM6QJFF5ZJURI7QMZNPXFHVACG7WQCA2RBOHEG6MNRVEJGCDNAZVKAHHDNA3YKFR4DYR75QPSFZRTBM",\
                "accessToken":"Atza|IwEBIKxv6XcGlZWvZ2tJd6WrYqN8TzVmN3xQ5bL0aH7cR1sK9uF2eD4jP8oM6nB3vS5wT1yU7iG0zX"},\
                "apiEndpoint":"https://api.amazonalexa.com",\
                "apiAccessToken":"%s"}},\
                "request":{"type":"Messaging.MessageReceived",\
                "requestId":"amzn1.echo-api.request.7d2b5c1e-3f4a-4b6c-9d8e-0a1b2c3d4e5f",\
                "timestamp":"%s",\
                "message":{"event":"order-shipped","orderId":"113-4427189-5839402"}}}""".formatted(API_ACCESS_TOKEN, timestamp);
    }

    /** An {@code AlexaHouseholdListEvent.ItemsCreated} event for two items. */
    static String itemsCreated(Instant timestamp) {
        return """
                {"version":"1.0",\
                "context":{"System":{\
                "application":{"applicationId":"amzn1.ask.skill.0f1e2d3c-4b5a-6978-8769-a5b4c3d2e1f0"},\
                "user":{"userId":"amzn1.ask.account.AFP3ZWPEMLMHFC5YYTXJJ7JSQKXDMVQ3V6DJAZJO4MSNJPGZZTHGKM6QJFF5ZJURI7QMZNPXFHVACG7WQCA2RBOHEG6MNRVEJGCDNAZVKAHHDNA3YKFR4DYR75QPSFZRTBM",\
                "permissions":{"consentToken":"%s"}},\
                "apiEndpoint":"https://api.eu.amazonalexa.com",\
                "apiAccessToken":"%s"}},\
                "request":{"type":"AlexaHouseholdListEvent.ItemsCreated",\
                "requestId":"amzn1.echo-api.request.0a9b8c7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d",\
                "timestamp":"%s",\
                "locale":"de-DE",\
                "eventCreationTime":"%s",\
                "eventPublishingTime":"%s",\
                "body":{"listId":"YW16bjEuYWNjb3VudC5BRlAzWldQRU1MTUhGQzVZWVRYSko3SlNRS1hETVZRM1Y2REpBWkpPNE1TTkpQR1paVEhHS002UUpGRjVaSlVSSTdRTVpOUFhGSFZBQ0c3V1FDQTJSQk9IRUc2TU5SVkVKR0NETkFaVktBSEhETkEzWUtGUjREWVI3NVFQU0ZaUlRCTS1TSE9QUElOR19JVEVN",\
                "listItemIds":["b9c7a8e2-4d3f-4e1a-9b2c-5d6e7f8a9b0c","1f2e3d4c-5b6a-4798-8a9b-0c1d2e3f4a5b"]}}}""".formatted(
                API_ACCESS_TOKEN, API_ACCESS_TOKEN, timestamp, timestamp.minusSeconds(2), timestamp.minusSeconds(1));
    }
}
