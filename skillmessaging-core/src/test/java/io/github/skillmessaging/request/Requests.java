package io.github.skillmessaging.request;

/** JSON fixtures shaped as Amazon documents them. */
final class Requests {
    static final String API_ACCESS_TOKEN = "api-access-token-SECRET-1";
    static final String USER_ACCESS_TOKEN = "account-linking-token-SECRET-2";
    static final String CONSENT_TOKEN = "consent-token-SECRET-3";

    /** The Messaging.MessageReceived example of API.md, exactly (no application, no session). */
    static final String MESSAGE_RECEIVED_AS_DOCUMENTED = """
            {"version": "1.0",
             "context": {"System": {
               "application": {"applicationId": "amzn1.ask.skill.…"},
               "user": {"userId": "amzn1.ask.account.…", "accessToken": "account-linking token"},
               "apiEndpoint": "https://api.amazonalexa.com",
               "apiAccessToken": "token for Alexa APIs, valid 60 minutes, do not persist"}},
             "request": {"type": "Messaging.MessageReceived", "requestId": "amzn1.echo-api.request.…",
               "timestamp": "2026-11-25T10:00:00Z", "message": {"Key": "Some Value"}}}
            """;

    /** Amazon's example as its docs print it: without {@code application}. */
    static final String MESSAGE_RECEIVED_WITHOUT_APPLICATION = """
            {"version": "1.0",
             "context": {"System": {
               "user": {"userId": "amzn1.ask.account.…", "accessToken": "account-linking token"},
               "apiEndpoint": "https://api.amazonalexa.com",
               "apiAccessToken": "token for Alexa APIs, valid 60 minutes, do not persist"}},
             "request": {"type": "Messaging.MessageReceived", "requestId": "amzn1.echo-api.request.…",
               "timestamp": "2026-11-25T10:00:00Z", "message": {"Key": "Some Value"}}}
            """;

    private Requests() {}

    /** A full envelope (application, user with tokens, endpoint) around {@code requestJson}. */
    static String envelope(String requestJson) {
        return """
                {"version": "1.0",
                 "context": {"System": {
                   "application": {"applicationId": "amzn1.ask.skill.test"},
                   "user": {"userId": "amzn1.ask.account.test", "accessToken": "%s",
                            "permissions": {"consentToken": "%s"}},
                   "apiEndpoint": "https://api.eu.amazonalexa.com",
                   "apiAccessToken": "%s"}},
                 "request": %s}
                """.formatted(USER_ACCESS_TOKEN, CONSENT_TOKEN, API_ACCESS_TOKEN, requestJson);
    }

    /** A request object of {@code type} with the common fields and {@code extraFields} (a JSON fragment or empty). */
    static String request(String type, String extraFields) {
        return """
                {"type": "%s", "requestId": "amzn1.echo-api.request.1", "timestamp": "2026-11-25T10:00:00Z",
                 "locale": "en-GB"%s}
                """.formatted(type, extraFields.isEmpty() ? "" : ", " + extraFields);
    }
}
