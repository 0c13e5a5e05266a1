package io.github.skillmessaging.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.skillmessaging.error.RequestParseException;
import io.github.skillmessaging.error.SkillMessagingException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestParseErrorsTest {
    private static final String TOKEN = "Atza|SECRET-TOKEN-THAT-MUST-NOT-LEAK";

    private static RequestParseException failureOf(String json) {
        RequestParseException e = catchThrowableOfType(RequestParseException.class, () -> RequestConverter.parse(json));
        assertThat(e).as("parse should fail with RequestParseException").isNotNull();
        assertThat(e).isInstanceOf(SkillMessagingException.class);
        assertThat(e.getMessage()).doesNotContain(TOKEN).doesNotContain("SECRET");
        assertThat(String.valueOf(e.getCause())).doesNotContain("SECRET");
        return e;
    }

    private static String withSystem(String requestJson) {
        return """
                {"version": "1.0", "context": {"System": {"user": {"userId": "u", "accessToken": "%s"},
                  "apiAccessToken": "%s"}},
                 "request": %s}
                """.formatted(TOKEN, TOKEN, requestJson);
    }

    @Test
    void malformedJson_saysWhere_withoutQuotingTheBody() {
        String json = "{\"version\": \"1.0\", \"apiAccessToken\": \"" + TOKEN + "\", " + TOKEN + "}";

        assertThat(failureOf(json).getMessage()).startsWith("Request body is not valid JSON (line 1, column");
    }

    @Test
    void unquotedTokenAsValue_isNotEchoed() {
        assertThat(failureOf("{\"apiAccessToken\": " + TOKEN.replace("|", "") + "}")
                        .getMessage())
                .startsWith("Request body is not valid JSON");
    }

    @Test
    void truncatedJson_saysItEndsTooEarly() {
        assertThat(failureOf("{\"request\": {\"type\": \"" + TOKEN).getMessage())
                .startsWith("Request body is not valid JSON: it ends too early");
    }

    @Test
    void trailingContent_isRejected() {
        assertThat(failureOf(withSystem("{\"type\": \"LaunchRequest\"}") + " " + TOKEN)
                        .getMessage())
                .startsWith("Request body is not valid JSON");
    }

    @Test
    void invalidUtf8_isRejected() {
        byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

        RequestParseException e = catchThrowableOfType(RequestParseException.class, () -> RequestConverter.parse(body));

        assertThat(e.getMessage()).startsWith("Request body is not valid JSON");
    }

    @Test
    void emptyBody_isRejected() {
        assertThat(failureOf("").getMessage()).isEqualTo("Request body is empty");
        assertThat(failureOf("   ").getMessage()).isEqualTo("Request body is empty");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {"'[1, 2]'", "'\"text\"'", "'42'", "'null'", "'true'"})
    void bodyThatIsNotAnObject_isRejected(String json) {
        assertThat(failureOf(json).getMessage()).isEqualTo("Request body is not a JSON object");
    }

    @Test
    void missingRequest_isRejected() {
        String json =
                "{\"version\": \"1.0\", \"context\": {\"System\": {\"user\": {\"userId\": \"u\", \"accessToken\": \""
                        + TOKEN + "\"}}}}";

        assertThat(failureOf(json).getMessage()).isEqualTo("request is missing");
        assertThat(failureOf("{\"request\": null}").getMessage()).isEqualTo("request is missing");
    }

    @Test
    void requestThatIsNotAnObject_isRejected() {
        assertThat(failureOf("{\"request\": \"" + TOKEN + "\"}").getMessage())
                .isEqualTo("request is not a JSON object");
    }

    @Test
    void missingRequestType_isRejected() {
        assertThat(failureOf(withSystem("{\"requestId\": \"r\", \"timestamp\": \"2026-11-25T10:00:00Z\"}"))
                        .getMessage())
                .isEqualTo("request.type is missing");
    }

    @Test
    void requestTypeThatIsNotAString_isRejected() {
        assertThat(failureOf(withSystem("{\"type\": {\"t\": \"" + TOKEN + "\"}}"))
                        .getMessage())
                .isEqualTo("request.type is not a string");
    }

    @Test
    void missingRequestId_isRejected() {
        assertThat(failureOf(withSystem("{\"type\": \"LaunchRequest\", \"timestamp\": \"2026-11-25T10:00:00Z\"}"))
                        .getMessage())
                .isEqualTo("request.requestId is missing");
    }

    @Test
    void missingTimestamp_isRejected_evenForUnknownTypes() {
        assertThat(failureOf(withSystem("{\"type\": \"Some.Future.Type\", \"requestId\": \"r\"}"))
                        .getMessage())
                .isEqualTo("request.timestamp is missing");
    }

    @Test
    void unreadableTimestamp_isRejected_withoutQuotingIt() {
        assertThat(failureOf(withSystem("{\"type\": \"LaunchRequest\", \"requestId\": \"r\", \"timestamp\": \"" + TOKEN
                                + "\"}"))
                        .getMessage())
                .isEqualTo("request.timestamp is neither ISO-8601 date-time text nor epoch milliseconds");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "'1e999'",
                "'-1E400'",
                "'1791111111111111E1111111111111111111'",
                "'9.3e18'",
                "'99999999999999999999'",
                "'\"99999999999999999999\"'",
                "'\"2026-11-25\"'",
                "'true'",
                "'{}'"
            })
    void outOfRangeOrOddTimestamps_areRejectedAsUnreadable(String timestamp) {
        assertThat(failureOf(withSystem("{\"type\": \"LaunchRequest\", \"requestId\": \"r\", \"timestamp\": "
                                + timestamp + "}"))
                        .getMessage())
                .isEqualTo("request.timestamp is neither ISO-8601 date-time text nor epoch milliseconds");
    }

    @Test
    void missingVersion_isRejected() {
        String json = withSystem("{\"type\": \"LaunchRequest\", \"requestId\": \"r\", \"timestamp\": 0}")
                .replace("\"version\": \"1.0\",", "");

        assertThat(failureOf(json).getMessage()).isEqualTo("version is missing");
    }

    @Test
    void missingContextSystem_isRejected() {
        String json =
                "{\"version\": \"1.0\", \"request\": {\"type\": \"LaunchRequest\", \"requestId\": \"r\", \"timestamp\": 0},"
                        + " \"context\": {\"apiAccessToken\": \"" + TOKEN + "\"}}";

        assertThat(failureOf(json).getMessage()).isEqualTo("context.System is missing");
    }

    @Test
    void missingUserId_isRejected() {
        String json =
                "{\"version\": \"1.0\", \"request\": {\"type\": \"LaunchRequest\", \"requestId\": \"r\", \"timestamp\": 0},"
                        + " \"context\": {\"System\": {\"user\": {\"accessToken\": \"" + TOKEN + "\"}}}}";

        assertThat(failureOf(json).getMessage()).isEqualTo("context.System.user.userId is missing");
    }

    @Test
    void intentRequestWithoutIntentName_isRejected() {
        assertThat(failureOf(withSystem("{\"type\": \"IntentRequest\", \"requestId\": \"r\", \"timestamp\": 0}"))
                        .getMessage())
                .isEqualTo("request.intent.name is missing");
    }

    @Test
    void tooDeeplyNestedJson_isRejected() {
        String json = "[".repeat(5000) + "]".repeat(5000);

        assertThat(failureOf(json).getMessage()).startsWith("Request body exceeds a JSON parser limit");
    }

    @Test
    void bytesAreCheckedTheSameWay() {
        byte[] body = ("{\"token\": \"" + TOKEN + "\"").getBytes(StandardCharsets.UTF_8);

        RequestParseException e = catchThrowableOfType(RequestParseException.class, () -> RequestConverter.parse(body));

        assertThat(e.getMessage()).startsWith("Request body is not valid JSON").doesNotContain("SECRET");
    }
}
