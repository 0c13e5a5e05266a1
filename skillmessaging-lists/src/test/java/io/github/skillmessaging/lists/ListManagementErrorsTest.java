package io.github.skillmessaging.lists;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.skillmessaging.error.AlexaServiceException;
import io.github.skillmessaging.error.BadRequestException;
import io.github.skillmessaging.error.ConflictException;
import io.github.skillmessaging.error.ForbiddenException;
import io.github.skillmessaging.error.NotFoundException;
import io.github.skillmessaging.error.RateLimitException;
import io.github.skillmessaging.error.ServerErrorException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ListManagementErrorsTest extends ListApiTestSupport {
    private static final String LIST = "/v2/householdlists/" + CUSTOM_ID_PATH;
    private static final String ITEM = LIST + "/items/" + ITEM_ID_PATH;

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder error(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("X-Amzn-RequestId", "req-" + status)
                .withBody(body);
    }

    @Test
    void status400_isABadRequestExceptionWithAmazonsTypeAndMessage() {
        wm.stubFor(post(urlEqualTo(LIST + "/items"))
                .willReturn(error(400, "{\"type\":\"INVALID_REQUEST\",\"message\":\"value too long\"}")));

        Throwable t = catchThrowable(() -> client().createItem(CUSTOM_ID, "x", ItemStatus.ACTIVE));

        assertThat(t)
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("INVALID_REQUEST")
                .hasMessageContaining("value too long")
                .hasMessageContaining("req-400");
        assertThat(((AlexaServiceException) t).errorCode()).contains("INVALID_REQUEST");
    }

    @Test
    void status403OnARead_isAListPermissionExceptionNamingTheReadPermission() {
        wm.stubFor(get(urlEqualTo(LIST + "/active"))
                .willReturn(error(403, "{\"Message\":\"Request is not authorized.\"}")));

        Throwable t = catchThrowable(() -> client().getList(CUSTOM_ID, ItemStatus.ACTIVE));

        assertThat(t)
                .isInstanceOf(ListPermissionException.class)
                .isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("Request is not authorized.")
                .hasMessageContaining("the user has not granted list read permission (alexa::household:lists:read)")
                .hasMessageNotContaining(TOKEN);
        ListPermissionException e = (ListPermissionException) t;
        assertThat(e.requiredScope()).isEqualTo(ListPermissionException.READ_SCOPE);
        assertThat(e.statusCode()).isEqualTo(403);
        assertThat(e.requestId()).contains("req-403");
        wm.verify(1, getRequestedFor(urlEqualTo(LIST + "/active")));
    }

    @Test
    void status403OnAWrite_namesTheWritePermission() {
        wm.stubFor(post(urlEqualTo(LIST + "/items"))
                .willReturn(error(403, "{\"Message\":\"Request is not authorized.\"}")));

        Throwable t = catchThrowable(() ->
                client().createItemAsync(CUSTOM_ID, "milk", ItemStatus.ACTIVE).join());

        assertThat(t).isInstanceOf(CompletionException.class);
        assertThat(t.getCause())
                .isInstanceOf(ListPermissionException.class)
                .hasMessageContaining("list write permission (alexa::household:lists:write)");
    }

    @Test
    void status404_isANotFoundException() {
        wm.stubFor(get(urlEqualTo(ITEM)).willReturn(error(404, "{\"type\":\"NOT_FOUND\",\"message\":\"no item\"}")));

        assertThat(catchThrowable(() -> client().getItem(CUSTOM_ID, ITEM_ID)))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("get list item");
        wm.verify(1, getRequestedFor(urlEqualTo(ITEM)));
    }

    @Test
    void deleteOfAMissingList_throwsNotFound() {
        wm.stubFor(delete(urlEqualTo(LIST)).willReturn(error(404, "{\"type\":\"NOT_FOUND\",\"message\":\"no list\"}")));

        assertThat(catchThrowable(() -> client().deleteList(CUSTOM_ID)))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("delete list");
    }

    @Test
    void deleteOfAMissingItem_throwsNotFoundBlockingAndAsync() {
        wm.stubFor(delete(urlEqualTo(ITEM)).willReturn(error(404, "{\"type\":\"NOT_FOUND\",\"message\":\"no item\"}")));
        ListManagementClient client = client();

        assertThat(catchThrowable(() -> client.deleteItem(CUSTOM_ID, ITEM_ID))).isInstanceOf(NotFoundException.class);
        assertThat(catchThrowable(
                        () -> client.deleteItemAsync(CUSTOM_ID, ITEM_ID).join()))
                .hasCauseInstanceOf(NotFoundException.class);
        wm.verify(2, deleteRequestedFor(urlEqualTo(ITEM)));
    }

    @Test
    void status409ToAnItemUpdate_isAListVersionConflictCarryingStatusHeadersAndBody() {
        String body = "{\"type\":\"CONFLICT\",\"message\":\"version mismatch\"}";
        wm.stubFor(put(urlEqualTo(ITEM)).willReturn(error(409, body)));

        Throwable t = catchThrowable(() -> client().updateItem(CUSTOM_ID, ITEM_ID, "milk", ItemStatus.ACTIVE, 1));

        assertThat(t)
                .isInstanceOf(ListVersionConflictException.class)
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("version mismatch")
                .hasMessageContaining("version conflict");
        ListVersionConflictException e = (ListVersionConflictException) t;
        assertThat(e.statusCode()).isEqualTo(409);
        assertThat(e.body()).isEqualTo(body);
        assertThat(e.header("x-amzn-requestid")).contains("req-409");
        assertThat(e.operation()).isEqualTo("update list item");
        wm.verify(1, putRequestedFor(urlEqualTo(ITEM)));
    }

    @Test
    void status409ToAListUpdate_isAListVersionConflict() {
        wm.stubFor(put(urlEqualTo(LIST)).willReturn(error(409, "{\"type\":\"CONFLICT\",\"message\":\"stale\"}")));

        assertThat(catchThrowable(() -> client().updateListAsync(CUSTOM_ID, "P", ListState.ACTIVE, 1)
                        .join()))
                .hasCauseInstanceOf(ListVersionConflictException.class);
    }

    @Test
    void status409ToACreate_staysAPlainConflict() {
        wm.stubFor(post(urlEqualTo("/v2/householdlists/"))
                .willReturn(error(409, "{\"type\":\"CONFLICT\",\"message\":\"name exists\"}")));

        Throwable t = catchThrowable(() -> client().createList("Party"));

        assertThat(t).isInstanceOf(ConflictException.class).isNotInstanceOf(ListVersionConflictException.class);
    }

    @Test
    void status429WithRetryAfter_isRetriedAfterTheWaitAmazonAskedFor() {
        wm.stubFor(get(urlEqualTo(ITEM))
                .inScenario("rate")
                .whenScenarioStateIs(STARTED)
                .willReturn(error(429, "{\"message\":\"slow down\"}").withHeader("Retry-After", "2"))
                .willSetStateTo("ok"));
        wm.stubFor(get(urlEqualTo(ITEM))
                .inScenario("rate")
                .whenScenarioStateIs("ok")
                .willReturn(okJson(itemJson(ITEM_ID, "milk", "active", 1))));

        ListItem item = client().getItem(CUSTOM_ID, ITEM_ID);

        assertThat(item.value()).isEqualTo("milk");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(2));
        wm.verify(2, getRequestedFor(urlEqualTo(ITEM)));
    }

    @Test
    void status429ToACreate_isRetriedToo() {
        wm.stubFor(post(urlEqualTo(LIST + "/items"))
                .inScenario("rate")
                .whenScenarioStateIs(STARTED)
                .willReturn(error(429, "{}").withHeader("Retry-After", "1"))
                .willSetStateTo("ok"));
        wm.stubFor(post(urlEqualTo(LIST + "/items"))
                .inScenario("rate")
                .whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(201).withBody(itemJson("i1", "milk", "active", 1))));

        assertThat(client().createItem(CUSTOM_ID, "milk", ItemStatus.ACTIVE).id())
                .isEqualTo("i1");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void status429EveryTime_isARateLimitExceptionAfterTheLastAttempt() {
        wm.stubFor(get(anyUrl()).willReturn(error(429, "{}").withHeader("Retry-After", "1")));

        Throwable t = catchThrowable(() -> client().getListsMetadata());

        assertThat(t).isInstanceOf(RateLimitException.class);
        assertThat(((RateLimitException) t).retryAfter()).contains(Duration.ofSeconds(1));
        wm.verify(3, getRequestedFor(urlEqualTo("/v2/householdlists/")));
    }

    @Test
    void status500ToARead_isRetriedThenAServerErrorException() {
        wm.stubFor(get(urlEqualTo(LIST + "/active"))
                .willReturn(error(500, "{\"type\":\"INTERNAL\",\"message\":\"oops\"}")));

        Throwable t = catchThrowable(() -> client().getList(CUSTOM_ID, ItemStatus.ACTIVE));

        assertThat(t).isInstanceOf(ServerErrorException.class);
        assertThat(((ServerErrorException) t).statusCode()).isEqualTo(500);
        wm.verify(3, getRequestedFor(urlEqualTo(LIST + "/active")));
        assertThat(sleeps).hasSize(2);
    }

    @Test
    void status500ToACreateItem_isNotRetriedSoTheItemIsNotAddedTwice() {
        wm.stubFor(post(urlEqualTo(LIST + "/items")).willReturn(error(500, "{}")));

        assertThat(catchThrowable(() -> client().createItem(CUSTOM_ID, "milk", ItemStatus.ACTIVE)))
                .isInstanceOf(ServerErrorException.class);
        wm.verify(1, postRequestedFor(urlEqualTo(LIST + "/items")));
        assertThat(sleeps).isEmpty();
    }

    @Test
    void status500ToACreateList_isNotRetried() {
        wm.stubFor(post(urlEqualTo("/v2/householdlists/")).willReturn(error(500, "{}")));

        assertThat(catchThrowable(() -> client().createListAsync("P").join()))
                .hasCauseInstanceOf(ServerErrorException.class);
        wm.verify(1, postRequestedFor(urlEqualTo("/v2/householdlists/")));
    }

    @Test
    void status503_isAServerErrorExceptionAndAVersionedUpdateIsRetried() {
        wm.stubFor(put(urlEqualTo(ITEM)).willReturn(error(503, "")));

        Throwable t = catchThrowable(() -> client().updateItem(CUSTOM_ID, ITEM_ID, "milk", ItemStatus.ACTIVE, 1));

        assertThat(t).isInstanceOf(ServerErrorException.class);
        assertThat(((ServerErrorException) t).statusCode()).isEqualTo(503);
        wm.verify(3, putRequestedFor(urlEqualTo(ITEM)));
    }

    @Test
    void status503ToADelete_isRetriedThenThrows() {
        wm.stubFor(delete(urlEqualTo(LIST)).willReturn(error(503, "")));

        assertThat(catchThrowable(() -> client().deleteList(CUSTOM_ID))).isInstanceOf(ServerErrorException.class);
        wm.verify(3, deleteRequestedFor(urlEqualTo(LIST)));
    }

    @Test
    void noErrorMessage_evenContainsTheToken() {
        wm.stubFor(get(anyUrl()).willReturn(error(400, "{\"message\":\"bad\"}")));

        assertThat(catchThrowable(() -> client().getListsMetadata()))
                .hasMessageNotContaining(TOKEN)
                .hasMessageNotContaining("secret");
    }
}
