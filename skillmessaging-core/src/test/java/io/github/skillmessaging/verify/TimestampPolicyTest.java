package io.github.skillmessaging.verify;

import static io.github.skillmessaging.verify.TestPki.AMAZON_URL;
import static io.github.skillmessaging.verify.TestPki.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.skillmessaging.testing.FakeTransport;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampPolicyTest {

    private static RequestVerifier verifier(TimestampPolicy policy) {
        return RequestVerifier.builder()
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .trustAnchors(TestPki.anchors())
                .transport(new FakeTransport().serve(AMAZON_URL, TestPki.chain()))
                .timestampPolicy(policy)
                .build();
    }

    private static VerifiedRequest verifyAged(RequestVerifier verifier, String type, Duration age) {
        byte[] body = TestPki.body(type, NOW.minus(age));
        return verifier.verify(body, AMAZON_URL, TestPki.sign(body));
    }

    @ParameterizedTest(name = "{0} may be {1} old")
    @CsvSource({
        "LaunchRequest, PT150S",
        "IntentRequest, PT150S",
        "AlexaSkillEvent.SkillEnabled, PT1H",
        "AlexaSkillEvent.SkillDisabled, PT1H",
        "AlexaSkillEvent.SkillAccountLinked, PT1H",
        "AlexaSkillEvent.SkillPermissionAccepted, PT1H",
        "AlexaSkillEvent.SkillPermissionChanged, PT1H",
        "AlexaSkillEvent.ProactiveSubscriptionChanged, PT150S",
        "Messaging.MessageReceived, PT1H",
        "AlexaHouseholdListEvent.ItemsCreated, PT1H",
        "AlexaHouseholdListEvent.ListDeleted, PT1H",
    })
    void theDefaults_followTheDocumentedTable(String type, Duration tolerance) {
        assertThat(TimestampPolicy.defaults().toleranceFor(type)).isEqualTo(tolerance);
        assertThat(TimestampPolicy.defaults().futureTolerance()).isEqualTo(Duration.ofSeconds(150));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Messaging.MessageReceived", "AlexaHouseholdListEvent.ItemsCreated", "IntentRequest"})
    void amazonSdkDefaults_allowOnly150SecondsOutsideTheSkillEvents(String type) {
        assertThat(TimestampPolicy.amazonSdkDefaults().toleranceFor(type)).isEqualTo(Duration.ofSeconds(150));
        assertThat(TimestampPolicy.amazonSdkDefaults().toleranceFor("AlexaSkillEvent.SkillEnabled"))
                .isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aSkillEvent59MinutesOld_passesAndOneOverAnHour_isRejected() {
        RequestVerifier verifier = verifier(TimestampPolicy.defaults());

        assertThat(verifyAged(verifier, "AlexaSkillEvent.SkillPermissionAccepted", Duration.ofMinutes(59))
                        .requestType())
                .isEqualTo("AlexaSkillEvent.SkillPermissionAccepted");
        assertThatThrownBy(
                        () -> verifyAged(verifier, "AlexaSkillEvent.SkillPermissionAccepted", Duration.ofMinutes(61)))
                .isInstanceOfSatisfying(
                        RequestVerificationException.class,
                        e -> assertThat(e.rule()).isEqualTo(VerificationRule.TIMESTAMP));
    }

    @Test
    void aRedeliveredMessage_passesForAnHourByDefaultButNotWithAmazonSdkDefaults() {
        assertThat(verifyAged(verifier(TimestampPolicy.defaults()), "Messaging.MessageReceived", Duration.ofMinutes(30))
                        .acceptedUntil())
                .isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        assertThatThrownBy(() -> verifyAged(
                        verifier(TimestampPolicy.amazonSdkDefaults()),
                        "Messaging.MessageReceived",
                        Duration.ofMinutes(30)))
                .isInstanceOfSatisfying(
                        RequestVerificationException.class,
                        e -> assertThat(e.rule()).isEqualTo(VerificationRule.TIMESTAMP));
    }

    @Test
    void messagesSentToLiveADay_canBeAllowedADay() {
        TimestampPolicy policy = TimestampPolicy.defaults().toBuilder()
                .tolerance(TimestampPolicy.MESSAGE_RECEIVED, Duration.ofHours(24))
                .build();

        assertThat(verifyAged(verifier(policy), "Messaging.MessageReceived", Duration.ofHours(23))
                        .requestType())
                .isEqualTo("Messaging.MessageReceived");
    }

    @Test
    void anExactRule_winsOverAPrefixAndALongerPrefixOverAShorterOne() {
        TimestampPolicy policy = TimestampPolicy.builder()
                .defaultTolerance(Duration.ofSeconds(10))
                .tolerance("Alexa*", Duration.ofSeconds(20))
                .tolerance("AlexaHouseholdListEvent.*", Duration.ofSeconds(30))
                .tolerance("AlexaHouseholdListEvent.ItemsCreated", Duration.ofSeconds(40))
                .build();

        assertThat(policy.toleranceFor("Other")).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.toleranceFor("AlexaSkillEvent.SkillEnabled")).isEqualTo(Duration.ofSeconds(20));
        assertThat(policy.toleranceFor("AlexaHouseholdListEvent.ItemsDeleted")).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.toleranceFor("AlexaHouseholdListEvent.ItemsCreated")).isEqualTo(Duration.ofSeconds(40));
        assertThat(policy.toBuilder().build()).isEqualTo(policy);
    }

    @Test
    void aUniformPolicy_andRemovingARule_work() {
        assertThat(TimestampPolicy.uniform(Duration.ofMinutes(5)).toleranceFor("Messaging.MessageReceived"))
                .isEqualTo(Duration.ofMinutes(5));
        assertThat(TimestampPolicy.defaults().toBuilder()
                        .removeRule(TimestampPolicy.LIST_EVENTS)
                        .build()
                        .toleranceFor("AlexaHouseholdListEvent.ItemsCreated"))
                .isEqualTo(Duration.ofSeconds(150));
    }

    @Test
    void badRules_areRefused() {
        TimestampPolicy.Builder builder = TimestampPolicy.builder();

        assertThatThrownBy(() -> builder.tolerance("A*B", Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.tolerance(" ", Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.tolerance("X", Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.futureTolerance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
