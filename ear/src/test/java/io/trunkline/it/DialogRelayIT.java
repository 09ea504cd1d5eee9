package io.trunkline.it;

import org.junit.jupiter.api.Test;

import javax.json.JsonObject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The B2BUA inside an established or early dialog, between real sipp peers: reliable provisionals and PRACK on both
 * legs (RFC 3262), UPDATE, INFO and OPTIONS relayed with their bodies in both directions, and the ways a call ends
 * that no BYE from a user explains (a CANCEL crossing the answer, a caller that never acknowledges the answer).
 * The sipp scenarios check every header and body they rely on (ereg check_it), so a lost body fails them.
 */
class DialogRelayIT extends InServerTest {
    private static final int SIP = TrunklineApi.SIP_PORT;
    private final TrunklineApi api = new TrunklineApi();
    private final Provision provision = new Provision(api);

    @Test
    void reliableEarlyMediaAndPrackCrossBothLegsWithTheirSdp() throws Exception {
        JsonObject cdr = callEndedByCaller("uas-prack-both-legs.xml", "uac-prack-both-legs.xml", "+14155550201");

        assertThat(cdr.getInt("finalStatus")).isEqualTo(200);
        assertThat(cdr.getString("endCause")).isEqualTo("NORMAL_CLEARING");
        assertThat(cdr.getString("firstProvisionalAt")).isNotNull();
    }

    @Test
    void updateInfoAndOptionsAreRelayedWithTheirBodiesBothWays() throws Exception {
        callEndedByCaller("uas-dialog-requests-both-ways.xml", "uac-dialog-requests-both-ways.xml", "+14155550202");
    }

    @Test
    void aCallerThatSendsNoMaxForwardsIsRoutedAndItsDialogRequestsRelayed() throws Exception {
        // Before, the container's helper took the absent header as -1, refused -2, and the call got 503.
        JsonObject cdr = callEndedByCaller("uas-expect-max-forwards-69-answer-info-expect-bye.xml",
                "uac-without-max-forwards-call-info-hang-up.xml", "+14155550204");

        assertThat(cdr.getInt("finalStatus")).isEqualTo(200);
    }

    @Test
    void aReInviteRequiringAnUnknownExtensionGets420AndAnUnknownMethod501() throws Exception {
        // The PBX expects only the call and its BYE: neither the re-INVITE nor the unknown method reaches it.
        // Before, the re-INVITE went on without its Require and was answered 200; the method got no answer.
        JsonObject cdr = callEndedByCaller("uas-answer-expect-bye.xml",
                "uac-reinvite-requiring-unknown-extension-then-unknown-method.xml", "+14155550205");

        assertThat(cdr.getInt("finalStatus")).isEqualTo(200);
    }

    @Test
    void anAnswerCrossingTheCallersCancelIsAcknowledgedAndHungUp() throws Exception {
        // The PBX answers 200 although it received the CANCEL: it expects ACK then BYE from Trunkline.
        JsonObject cdr = callEndedByCaller("uas-answer-crossing-cancel.xml",
                "uac-cancel-before-answer.xml", "+14155550203");

        assertThat(cdr.getInt("finalStatus")).isEqualTo(487);
        assertThat(cdr.getString("endCause")).isEqualTo("CALLER_CANCELLED");
        assertThat(cdr.isNull("answeredAt")).isTrue();
    }

    @Test
    void aLegThatLostTheDialogEndsTheCallOnBothLegs() throws Exception {
        try (Sipp pbx = Sipp.onLoopback(); Sipp carrier = Sipp.onLoopback()) {
            String did = callFromCarrierToPbx(carrier, pbx);

            pbx.serve("uas-answer-481-to-info.xml", 1);
            int callerExit = carrier.call("uac-info-answered-481-expect-bye.xml", SIP, did, "+14155550206", 1);

            Sipp.assertAllEnded(callerExit, carrier, pbx);
            JsonObject cdr = Cdrs.of(api).forNumber(did);
            assertThat(cdr.getString("hangupParty")).isEqualTo("TRUNKLINE");
            assertThat(cdr.getInt("finalStatus")).isEqualTo(200);
            assertThat(cdr.getString("endCause")).isEqualTo("DIALOG_GONE");
        }
    }

    @Test
    void aLegAnswering408ToAnInDialogRequestEndsTheCallOnBothLegs() throws Exception {
        try (Sipp pbx = Sipp.onLoopback(); Sipp carrier = Sipp.onLoopback()) {
            String did = callFromCarrierToPbx(carrier, pbx);

            pbx.serve("uas-answer-408-to-info.xml", 1);
            int callerExit = carrier.call("uac-info-answered-408-expect-bye.xml", SIP, did, "+14155550207", 1);

            Sipp.assertAllEnded(callerExit, carrier, pbx);
            assertPeerTimeout(Cdrs.of(api).forNumber(did));
        }
    }

    @Test
    void aLegThatNeverAnswersAnInDialogRequestEndsTheCallOnBothLegs() throws Exception {
        try (Sipp pbx = Sipp.onLoopback().patient(90); Sipp carrier = Sipp.onLoopback().patient(90)) {
            String did = callFromCarrierToPbx(carrier, pbx);

            pbx.serve("uas-answer-then-ignore-info.xml", 1);
            int callerExit = carrier.startCalls("uac-info-unanswered-expect-408-and-bye.xml", SIP, did,
                    "+14155550208", 1, 1).await(90);

            assertThat(callerExit).as(carrier.messages()).isZero();
            assertThat(pbx.await(90)).as(pbx.messages()).isZero();
            assertPeerTimeout(Cdrs.of(api).forNumber(did));
        }
    }

    private static void assertPeerTimeout(JsonObject cdr) {
        assertThat(cdr.getString("hangupParty")).isEqualTo("TRUNKLINE");
        assertThat(cdr.getInt("finalStatus")).isEqualTo(200);
        assertThat(cdr.getString("endCause")).isEqualTo("PEER_TIMEOUT");
    }

    @Test
    void aCallerThatNeverAcknowledgesTheAnswerIsHungUpOnBothLegs() throws Exception {
        try (Sipp pbx = Sipp.onLoopback().patient(90); Sipp carrier = Sipp.onLoopback().patient(90)) {
            String did = callFromCarrierToPbx(carrier, pbx);

            pbx.serve("uas-answer-expect-late-bye.xml", 1);
            // RFC 3261 §13.3.1.4: the 200 is retransmitted for 64*T1 = 32 s, then the session ends with BYE.
            int callerExit = carrier.startCalls("uac-answered-never-acks.xml", SIP, did, "+14155550204", 1, 1)
                    .await(90);

            Sipp.assertAllEnded(callerExit, carrier, pbx);
            JsonObject cdr = Cdrs.of(api).forNumber(did);
            assertThat(cdr.getString("hangupParty")).isEqualTo("TRUNKLINE");
            assertThat(cdr.getString("answeredAt")).isNotNull();
            assertThat(cdr.getString("endCause")).isEqualTo("NO_ACK");
        }
    }

    @Test
    void aCallerThatNeverPracksIsRejectedAndTheCalleeCancelled() throws Exception {
        try (Sipp pbx = Sipp.onLoopback().patient(90); Sipp carrier = Sipp.onLoopback().patient(90)) {
            String did = callFromCarrierToPbx(carrier, pbx);

            pbx.serve("uas-reliable-183-expect-cancel.xml", 1);
            // RFC 3262 §3: after 64*T1 (32 s) without PRACK the INVITE gets a 5xx; the callee is released.
            int callerExit = carrier.startCalls("uac-prack-never-sent.xml", SIP, did, "+14155550205", 1, 1)
                    .await(90);

            Sipp.assertAllEnded(callerExit, carrier, pbx);
            JsonObject cdr = Cdrs.of(api).forNumber(did);
            assertThat(cdr.getInt("finalStatus")).isEqualTo(504);
            assertThat(cdr.getString("hangupParty")).isEqualTo("TRUNKLINE");
            assertThat(cdr.getString("endCause")).isEqualTo("NO_PRACK");
        }
    }

    /**
     * A call from the carrier to a PBX that plays {@code pbxScenario} while the carrier plays {@code callerScenario}
     * and then hangs up: both end cleanly and the CDR names the caller as the party that hung up.
     */
    private JsonObject callEndedByCaller(String pbxScenario, String callerScenario, String calling) throws Exception {
        try (Sipp pbx = Sipp.onLoopback(); Sipp carrier = Sipp.onLoopback()) {
            String did = callFromCarrierToPbx(carrier, pbx);
            pbx.serve(pbxScenario, 1);
            int callerExit = carrier.call(callerScenario, SIP, did, calling, 1);

            Sipp.assertAllEnded(callerExit, carrier, pbx);
            JsonObject cdr = Cdrs.of(api).forNumber(did);
            assertThat(cdr.getString("hangupParty")).isEqualTo("CALLER");
            return cdr;
        }
    }

    private String callFromCarrierToPbx(Sipp carrier, Sipp pbx) throws Exception {
        String did = Provision.uniqueUsNumber();
        String carrierTrunk = provision.trunk("carrier", "CARRIER", carrier.sipPort);
        provision.did(did, carrierTrunk, provision.trunk("pbx", "PBX", pbx.sipPort));
        return did;
    }
}
