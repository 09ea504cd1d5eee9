package io.trunkline.cdr;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class EndCauseTest {

    @ParameterizedTest
    @ValueSource(ints = {486, 600})
    void busyAnswersMeanTheCalleeWasBusy(int status) {
        assertThat(EndCause.ofCalleeRefusal(status, false)).isEqualTo(EndCause.CALLEE_BUSY);
    }

    @ParameterizedTest
    @ValueSource(ints = {404, 480, 488, 603})
    void otherErrorsFromTheCalleeAreRefusals(int status) {
        assertThat(EndCause.ofCalleeRefusal(status, false)).isEqualTo(EndCause.CALLEE_REJECTED);
    }

    @Test
    void anErrorTheTrunkCountsAsItsGatewayFailingIsAGatewayFailureEvenWhenBusy() {
        assertThat(EndCause.ofCalleeRefusal(503, true)).isEqualTo(EndCause.GATEWAY_FAILURE);
        assertThat(EndCause.ofCalleeRefusal(486, true)).isEqualTo(EndCause.GATEWAY_FAILURE);
    }

    @Test
    void a403ToAnInviteThatCarriedCredentialsIsTheTrunkRefusingThem() {
        assertThat(EndCause.ofCalleeRefusal(403, false, true)).isEqualTo(EndCause.TRUNK_AUTH_FAILED);
        assertThat(EndCause.ofCalleeRefusal(403, false, false)).isEqualTo(EndCause.CALLEE_REJECTED);
        assertThat(EndCause.ofCalleeRefusal(486, false, true)).isEqualTo(EndCause.CALLEE_BUSY);
        assertThat(EndCause.ofCalleeRefusal(503, true, true)).isEqualTo(EndCause.GATEWAY_FAILURE);
    }

    @Test
    void a481InTheDialogMeansTheDialogIsGoneAnd408ThatThePeerIs() {
        assertThat(EndCause.ofInDialogFailure(481)).isEqualTo(EndCause.DIALOG_GONE);
        assertThat(EndCause.ofInDialogFailure(408)).isEqualTo(EndCause.PEER_TIMEOUT);
    }

    @Test
    void givingUpOnEveryGatewayIsATrunkLimitOnlyWhenEveryTrunkWasOverItsLimits() {
        assertThat(EndCause.ofNoGatewayLeft(true)).isEqualTo(EndCause.TRUNK_LIMIT);
        assertThat(EndCause.ofNoGatewayLeft(false)).isEqualTo(EndCause.GATEWAY_FAILURE);
    }

    @Test
    void namesAreReadExactlyAsListed() {
        assertThat(EndCause.named("SESSION_EXPIRED")).contains(EndCause.SESSION_EXPIRED);
        assertThat(EndCause.named("session_expired")).isEmpty();
        assertThat(EndCause.named("HUNG_UP")).isEmpty();
        assertThat(EndCause.named(null)).isEmpty();
        assertThat(EndCause.names()).startsWith("NORMAL_CLEARING, CALLER_CANCELLED").contains("TRANSFERRED");
    }
}
