package io.trunkline.trunk;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static io.trunkline.testing.ConfigurationAssertions.refused;
import static org.assertj.core.api.Assertions.assertThat;

class FailoverPolicyTest {
    private static final FailoverPolicy DEFAULTS = FailoverPolicy.defaults();

    @Test
    void defaultsRetryOnGatewayFailuresStopOnCalleeAnswersAndWaitThreeSeconds() {
        assertThat(DEFAULTS.retryCodes()).containsExactlyInAnyOrder(408, 500, 502, 503, 504);
        assertThat(DEFAULTS.finalCodes()).containsExactlyInAnyOrder(404, 486, 600, 603);
        assertThat(DEFAULTS.setupTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(DEFAULTS.ringTimeout()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void eachUnsetPartTakesItsDefault() {
        Duration fiveSeconds = Duration.ofSeconds(5);

        assertThat(new FailoverPolicy(null, null, null)).isEqualTo(DEFAULTS);
        assertThat(new FailoverPolicy(null, Set.of(486), fiveSeconds))
                .isEqualTo(new FailoverPolicy(DEFAULTS.retryCodes(), Set.of(486), fiveSeconds));
        assertThat(new FailoverPolicy(Set.of(503), null, fiveSeconds))
                .isEqualTo(new FailoverPolicy(Set.of(503), DEFAULTS.finalCodes(), fiveSeconds));
        assertThat(new FailoverPolicy(Set.of(503), Set.of(486), null).setupTimeout()).isEqualTo(Duration.ofSeconds(3));
    }

    @ParameterizedTest(name = "status {0}")
    @ValueSource(ints = {408, 500, 502, 503, 504})
    void defaultsMoveOnWhenTheGatewayFailed(int status) {
        assertThat(DEFAULTS.retriesOn(status)).isTrue();
    }

    @ParameterizedTest(name = "status {0}")
    @ValueSource(ints = {404, 486, 600, 603, 480, 487, 403, 302, 501, 200})
    void defaultsGiveEveryOtherStatusBackToTheCaller(int status) {
        // Retrying an answer that is not known to mean "gateway failed" risks ringing the callee twice.
        assertThat(DEFAULTS.retriesOn(status)).isFalse();
    }

    @Test
    void aFinalStatusIsNeverRetriedEvenWhenAlsoListedAsARetryStatus() {
        FailoverPolicy contradictory = new FailoverPolicy(Set.of(486, 503), Set.of(486), Duration.ofSeconds(3));

        assertThat(contradictory.retriesOn(486)).isFalse();
        assertThat(contradictory.retriesOn(503)).isTrue();
    }

    @Test
    void aPolicyWithoutRetryStatusesNeverMovesOn() {
        FailoverPolicy never = new FailoverPolicy(Set.of(), Set.of(), Duration.ofSeconds(3));

        assertThat(never.retriesOn(503)).isFalse();
        assertThat(never.retriesOn(408)).isFalse();
    }

    @Test
    void isNotChangedByTheCallersSets() {
        Set<Integer> retry = new HashSet<>(Set.of(503));
        Set<Integer> fin = new HashSet<>(Set.of(486));
        FailoverPolicy policy = new FailoverPolicy(retry, fin, Duration.ofSeconds(3));

        retry.add(486);
        fin.clear();

        assertThat(policy.retryCodes()).containsExactly(503);
        assertThat(policy.finalCodes()).containsExactly(486);
    }

    @ParameterizedTest(name = "status {0}")
    @ValueSource(ints = {0, 100, 180, 200, 299, 700, 999, -503})
    void refusesARetryStatusThatIsNotAFinalErrorStatus(int status) {
        InvalidConfigurationException e =
                refused(() -> new FailoverPolicy(Set.of(503, status), Set.of(486), Duration.ofSeconds(3)));

        assertThat(e.field()).isEqualTo("retryCodes");
        assertThat(e.problem()).contains("300-699").contains(String.valueOf(status));
    }

    @ParameterizedTest(name = "status {0}")
    @ValueSource(ints = {0, 183, 200, 299, 700})
    void refusesAFinalStatusThatIsNotAFinalErrorStatus(int status) {
        InvalidConfigurationException e =
                refused(() -> new FailoverPolicy(Set.of(503), Set.of(486, status), Duration.ofSeconds(3)));

        assertThat(e.field()).isEqualTo("finalCodes");
        assertThat(e.problem()).contains("300-699").contains(String.valueOf(status));
    }

    @Test
    void anEmptyEntryInAStatusSetIsRefusedAsConfigurationNotACrash() {
        Set<Integer> withHole = new HashSet<>(Arrays.asList(503, null));

        assertThat(refused(() -> new FailoverPolicy(withHole, Set.of(), Duration.ofSeconds(3))).field())
                .isEqualTo("retryCodes");
        assertThat(refused(() -> new FailoverPolicy(Set.of(), withHole, Duration.ofSeconds(3))).field())
                .isEqualTo("finalCodes");
    }

    @ParameterizedTest(name = "status {0}")
    @ValueSource(ints = {300, 699})
    void acceptsTheEdgesOfTheFinalErrorRange(int status) {
        assertThat(new FailoverPolicy(Set.of(status), Set.of(status), Duration.ofSeconds(3)).retryCodes())
                .containsExactly(status);
    }

    @ParameterizedTest(name = "{0} ms")
    @ValueSource(longs = {100, 3000, 32000})
    void acceptsASetupTimeoutFrom100MillisecondsTo32Seconds(long millis) {
        Duration timeout = Duration.ofMillis(millis);

        assertThat(new FailoverPolicy(null, null, timeout).setupTimeout()).isEqualTo(timeout);
    }

    @ParameterizedTest(name = "{0} ms")
    @ValueSource(longs = {-1000, 0, 99, 32001, 3_600_000})
    void refusesASetupTimeoutOutside100MillisecondsTo32Seconds(long millis) {
        // 32 s is RFC 3261 Timer B (64*T1): beyond it the INVITE transaction has timed out anyway.
        InvalidConfigurationException e = refused(() -> new FailoverPolicy(null, null, Duration.ofMillis(millis)));

        assertThat(e.field()).isEqualTo("setupTimeoutMillis");
        assertThat(e.problem()).contains("100").contains("32000");
    }

    @ParameterizedTest(name = "{0} s")
    @ValueSource(longs = {1, 30, 3600})
    void acceptsARingTimeoutFromOneSecondToAnHour(long seconds) {
        Duration timeout = Duration.ofSeconds(seconds);

        assertThat(new FailoverPolicy(null, null, null, timeout).ringTimeout()).isEqualTo(timeout);
        assertThat(new FailoverPolicy(null, null, null, timeout).setupTimeout()).isEqualTo(Duration.ofSeconds(3));
    }

    @ParameterizedTest(name = "{0} ms")
    @ValueSource(longs = {-1000, 0, 999, 3_600_001})
    void refusesARingTimeoutOutsideOneSecondToAnHour(long millis) {
        InvalidConfigurationException e = refused(() -> new FailoverPolicy(null, null, null, Duration.ofMillis(millis)));

        assertThat(e.field()).isEqualTo("ringTimeoutSeconds");
        assertThat(e.problem()).contains("1").contains("3600");
    }

    @Test
    void timeoutsFinerThanTheUnitTheyAreStoredInAreRefusedRatherThanRoundedAfterARestart() {
        InvalidConfigurationException ring = refused(
                () -> new FailoverPolicy(null, null, null, Duration.ofMillis(1500)));
        InvalidConfigurationException setup = refused(
                () -> new FailoverPolicy(null, null, Duration.ofMillis(3000).plusNanos(500)));

        assertThat(ring.field()).isEqualTo("ringTimeoutSeconds");
        assertThat(ring.problem()).isEqualTo("must be whole seconds");
        assertThat(setup.field()).isEqualTo("setupTimeoutMillis");
        assertThat(setup.problem()).isEqualTo("must be whole milliseconds");
    }

    @org.junit.jupiter.api.Test
    void atMostFiftyStatusesPerSetSoThatTheStoredListFitsItsColumn() {
        java.util.Set<Integer> everyFiveHundred = new java.util.HashSet<>();
        for (int code = 500; code < 600; code++) {
            everyFiveHundred.add(code);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new FailoverPolicy(everyFiveHundred, null, null))
                .isInstanceOfSatisfying(io.trunkline.trunk.InvalidConfigurationException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo("retryCodes"));
    }
}
