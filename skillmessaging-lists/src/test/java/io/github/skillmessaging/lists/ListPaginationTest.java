package io.github.skillmessaging.lists;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.skillmessaging.error.SkillMessagingException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ListPaginationTest extends ListApiTestSupport {
    private static final String FIRST = "/v2/householdlists/" + CUSTOM_ID_PATH + "/active";

    @Test
    void getAllItems_followsRelativeAndAbsoluteNextLinksAcrossThreePages() {
        String second = "v2/householdlists/" + CUSTOM_ID_PATH + "/active?nextToken=p2%2B";
        String third = endpoint() + "/v2/householdlists/" + CUSTOM_ID_PATH + "/active?nextToken=p3";
        wm.stubFor(get(urlEqualTo(FIRST))
                .willReturn(okJson(listJson(
                        CUSTOM_ID,
                        itemJson("i1", "milk", "active", 1) + "," + itemJson("i2", "eggs", "active", 1),
                        second))));
        wm.stubFor(get(urlEqualTo("/" + second))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(okJson(listJson(CUSTOM_ID, itemJson("i3", "bread", "active", 1), third))));
        wm.stubFor(get(urlEqualTo("/v2/householdlists/" + CUSTOM_ID_PATH + "/active?nextToken=p3"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(okJson(listJson(CUSTOM_ID, itemJson("i4", "tea", "active", 1), null))));

        List<ListItem> items = client().getAllItems(CUSTOM_ID, ItemStatus.ACTIVE);

        assertThat(items).extracting(ListItem::id).containsExactly("i1", "i2", "i3", "i4");
        wm.verify(3, getRequestedFor(anyUrl()));
    }

    @Test
    void getAllItemsAsync_followsALinkWithALeadingSlash() {
        wm.stubFor(get(urlEqualTo(FIRST))
                .willReturn(okJson(listJson(
                        CUSTOM_ID,
                        itemJson("i1", "milk", "active", 1),
                        "/v2/householdlists/" + CUSTOM_ID_PATH + "/active?nextToken=p2"))));
        wm.stubFor(get(urlEqualTo(FIRST + "?nextToken=p2"))
                .willReturn(okJson(listJson(CUSTOM_ID, itemJson("i2", "eggs", "active", 1), null))));

        assertThat(client().getAllItemsAsync(CUSTOM_ID, ItemStatus.ACTIVE).join())
                .extracting(ListItem::value)
                .containsExactly("milk", "eggs");
    }

    @Test
    void getNextPage_readsOnePageAtATimeAndIsEmptyAfterTheLast() {
        wm.stubFor(get(urlEqualTo(FIRST))
                .willReturn(okJson(listJson(
                        CUSTOM_ID,
                        itemJson("i1", "milk", "active", 1),
                        "/v2/householdlists/" + CUSTOM_ID_PATH + "/active?nextToken=p2"))));
        wm.stubFor(get(urlEqualTo(FIRST + "?nextToken=p2"))
                .willReturn(okJson(listJson(CUSTOM_ID, itemJson("i2", "eggs", "active", 1), null))));
        ListManagementClient client = client();

        AlexaList first = client.getList(CUSTOM_ID, ItemStatus.ACTIVE);
        Optional<AlexaList> second = client.getNextPage(first);

        assertThat(second).map(p -> p.items().get(0).id()).contains("i2");
        assertThat(client.getNextPageAsync(second.orElseThrow()).join()).isEmpty();
    }

    @Test
    void aNextLinkToAnotherHost_isRefusedBeforeTheTokenIsSent() {
        wm.stubFor(get(urlEqualTo(FIRST))
                .willReturn(okJson(listJson(
                        CUSTOM_ID,
                        itemJson("i1", "milk", "active", 1),
                        "https://evil.example.com/v2/householdlists/x/active?nextToken=p2"))));

        Throwable t = catchThrowable(() -> client().getAllItems(CUSTOM_ID, ItemStatus.ACTIVE));

        assertThat(t)
                .isInstanceOf(SkillMessagingException.class)
                .hasMessageContaining("evil.example.com")
                .hasMessageContaining("Not following links.next")
                .hasMessageNotContaining(TOKEN);
        wm.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void aSchemeRelativeNextLinkToAnotherHost_isRefused() {
        ListManagementClient client = client();

        assertThatThrownBy(() -> client.resolveNextLink("//evil.example.com/v2/householdlists/x"))
                .isInstanceOf(SkillMessagingException.class)
                .hasMessageContaining("evil.example.com");
    }

    @Test
    void aNextLinkToTheSameHostOnAnotherPortOrScheme_isRefused() {
        ListManagementClient client = ListManagementClient.create("https://api.amazonalexa.com", TOKEN);

        assertThatThrownBy(() -> client.resolveNextLink("https://api.amazonalexa.com:8443/v2/x"))
                .isInstanceOf(SkillMessagingException.class);
        assertThatThrownBy(() -> client.resolveNextLink("http://api.amazonalexa.com/v2/x"))
                .isInstanceOf(SkillMessagingException.class);
        assertThat(client.resolveNextLink("HTTPS://API.amazonalexa.com:443/v2/x?nextToken=a"))
                .hasToString("HTTPS://API.amazonalexa.com:443/v2/x?nextToken=a");
    }

    @Test
    void relativeNextLinks_areAppendedToTheEndpointKeepingItsPathPrefixOnce() {
        ListManagementClient client = ListManagementClient.create("https://proxy.example.com/alexa", TOKEN);

        assertThat(client.resolveNextLink("v2/householdlists/L/active?nextToken=a"))
                .hasToString("https://proxy.example.com/alexa/v2/householdlists/L/active?nextToken=a");
        assertThat(client.resolveNextLink("/v2/householdlists/L/active?nextToken=a"))
                .hasToString("https://proxy.example.com/alexa/v2/householdlists/L/active?nextToken=a");
        assertThat(client.resolveNextLink("/alexa/v2/householdlists/L/active?nextToken=a"))
                .hasToString("https://proxy.example.com/alexa/v2/householdlists/L/active?nextToken=a");
    }

    @Test
    void aNextLinkThatRepeats_failsInsteadOfLoopingForEver() {
        String loop = "/v2/householdlists/" + CUSTOM_ID_PATH + "/active?nextToken=same";
        wm.stubFor(
                get(urlEqualTo(FIRST)).willReturn(okJson(listJson(CUSTOM_ID, itemJson("i1", "a", "active", 1), loop))));
        wm.stubFor(
                get(urlEqualTo(loop)).willReturn(okJson(listJson(CUSTOM_ID, itemJson("i2", "b", "active", 1), loop))));

        assertThatThrownBy(() -> client().getAllItems(CUSTOM_ID, ItemStatus.ACTIVE))
                .isInstanceOf(SkillMessagingException.class)
                .hasMessageContaining("repeats");
        wm.verify(2, getRequestedFor(anyUrl()));
    }

    @Test
    void findItemByValue_searchesPagesTrimmedAndIgnoringCaseAndStopsAtTheFirstMatch() {
        String second = "/v2/householdlists/" + CUSTOM_ID_PATH + "/active?nextToken=p2";
        wm.stubFor(get(urlEqualTo(FIRST))
                .willReturn(okJson(listJson(CUSTOM_ID, itemJson("i1", "milk", "active", 1), second))));
        wm.stubFor(get(urlEqualTo(second))
                .willReturn(okJson(listJson(
                        CUSTOM_ID,
                        itemJson("i2", " Oat Milk ", "active", 1),
                        "/v2/householdlists/" + CUSTOM_ID_PATH + "/active?nextToken=p3"))));
        ListManagementClient client = client();

        assertThat(client.findItemByValue(CUSTOM_ID, ItemStatus.ACTIVE, "oat milk"))
                .map(ListItem::id)
                .contains("i2");
        wm.verify(2, getRequestedFor(anyUrl()));
    }

    @Test
    void findItemByValueAsync_isEmptyWhenNoPageHasTheValue() {
        wm.stubFor(get(urlEqualTo(FIRST))
                .willReturn(okJson(listJson(CUSTOM_ID, itemJson("i1", "milk", "active", 1), null))));

        assertThat(client().findItemByValueAsync(CUSTOM_ID, ItemStatus.ACTIVE, "eggs")
                        .join())
                .isEmpty();
    }
}
