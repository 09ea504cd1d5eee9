package io.trunkline.it;

import org.junit.jupiter.api.Test;

import javax.json.JsonObject;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls routed through a running Trunkline between real sipp peers: a carrier calling a DID that a PBX answers, a
 * PBX calling out by prefix, and the calls Trunkline must refuse. Each asserts what a user sees: the SIP outcome at
 * both peers and the CDR in the REST API.
 */
class TrunkCallsIT extends InServerTest {
    private static final int SIP = TrunklineApi.SIP_PORT;
    private final TrunklineApi api = new TrunklineApi();
    private final Provision provision = new Provision(api);

    @Test
    void carrierCallToDidIsAnsweredByPbxAndHungUpByCaller() throws Exception {
        try (Sipp pbx = Sipp.onLoopback(); Sipp carrier = Sipp.onLoopback()) {
            String did = Provision.uniqueUsNumber();
            String carrierTrunk = provision.trunk("carrier", "CARRIER", carrier.sipPort);
            String pbxTrunk = provision.trunk("pbx", "PBX", pbx.sipPort);
            provision.did(did, carrierTrunk, pbxTrunk);

            pbx.serve("uas-answer-expect-bye.xml", 1);
            // National format on a US trunk: Trunkline must normalise both numbers to E.164.
            int callerExit = carrier.call("uac-call-and-hang-up.xml", SIP, did.substring(2), "4155550100", 1);

            Sipp.assertAllEnded(callerExit, carrier, pbx);
            JsonObject cdr = cdrFor(did);
            assertThat(cdr.getInt("finalStatus")).isEqualTo(200);
            assertThat(cdr.getString("hangupParty")).isEqualTo("CALLER");
            assertThat(cdr.getString("endCause")).isEqualTo("NORMAL_CLEARING");
            assertThat(cdr.getString("inboundTrunk")).isEqualTo(carrierTrunk);
            assertThat(cdr.getString("outboundTrunk")).isEqualTo(pbxTrunk);
            assertThat(cdr.getString("callingNumber")).isEqualTo("+14155550100");
            assertThat(cdr.getString("answeredAt")).isNotNull();
            assertThat(cdr.getJsonNumber("durationMillis").longValue()).isBetween(900L, 10_000L);
            assertTopologyHidden(cdr, carrier, pbx);
        }
    }

    @Test
    void pbxHangsUpFirstAndTheCarrierReceivesTheBye() throws Exception {
        try (Sipp pbx = Sipp.onLoopback(); Sipp carrier = Sipp.onLoopback()) {
            String did = Provision.uniqueUsNumber();
            String carrierTrunk = provision.trunk("carrier", "CARRIER", carrier.sipPort);
            provision.did(did, carrierTrunk, provision.trunk("pbx", "PBX", pbx.sipPort));

            pbx.serve("uas-answer-then-hang-up.xml", 1);
            int callerExit = carrier.call("uac-call-expect-bye.xml", SIP, did, "+14155550101", 1);

            Sipp.assertAllEnded(callerExit, carrier, pbx);
            JsonObject cdr = cdrFor(did);
            assertThat(cdr.getInt("finalStatus")).isEqualTo(200);
            assertThat(cdr.getString("hangupParty")).isEqualTo("CALLEE");
            assertThat(cdr.getString("endCause")).isEqualTo("NORMAL_CLEARING");
        }
    }

    @Test
    void aLateCopyOfTheCarriersInviteIsRefusedNotRoutedAsASecondCall() throws Exception {
        try (Sipp pbx = Sipp.onLoopback(); Sipp carrier = Sipp.onLoopback()) {
            String did = Provision.uniqueUsNumber();
            String carrierTrunk = provision.trunk("carrier", "CARRIER", carrier.sipPort);
            provision.did(did, carrierTrunk, provision.trunk("pbx", "PBX", pbx.sipPort));

            pbx.serve("uas-answer-expect-bye.xml", 1);
            // The copy comes 7 s after the answer, once the container no longer holds the INVITE's transaction.
            int callerExit = carrier.call("uac-call-hang-up-then-late-invite-copy.xml", SIP, did, "+14155550108", 1);

            // The caller's scenario fails unless the copy is answered 482: routed anew it would draw 100 and then
            // 503 from the PBX trunk (its sipp has ended), absorbed by the container it would draw the 200 again.
            Sipp.assertAllEnded(callerExit, carrier, pbx);
            JsonObject cdr = cdrFor(did);
            assertThat(cdr.getInt("finalStatus")).isEqualTo(200);
            assertThat(cdr.getString("endCause")).isEqualTo("NORMAL_CLEARING");
            assertThat(api.get("/api/v1/cdrs?number=" + did.replace("+", "%2B")).json().getInt("total"))
                    .as("CDRs for the one call").isEqualTo(1);
        }
    }

    @Test
    void holdReInviteIsRelayedWithItsSdpBothWays() throws Exception {
        try (Sipp pbx = Sipp.onLoopback(); Sipp carrier = Sipp.onLoopback()) {
            String did = Provision.uniqueUsNumber();
            String carrierTrunk = provision.trunk("carrier", "CARRIER", carrier.sipPort);
            provision.did(did, carrierTrunk, provision.trunk("pbx", "PBX", pbx.sipPort));

            // Both scenarios fail unless the a=sendonly offer and the a=recvonly answer cross Trunkline intact.
            pbx.serve("uas-answer-hold-expect-bye.xml", 1);
            int callerExit = carrier.call("uac-call-hold-hang-up.xml", SIP, did, "+14155550107", 1);

            Sipp.assertAllEnded(callerExit, carrier, pbx);
            assertThat(cdrFor(did).getString("hangupParty")).isEqualTo("CALLER");
        }
    }

    @Test
    void callerCancelsWhileThePbxRings() throws Exception {
        try (Sipp pbx = Sipp.onLoopback(); Sipp carrier = Sipp.onLoopback()) {
            String did = Provision.uniqueUsNumber();
            String carrierTrunk = provision.trunk("carrier", "CARRIER", carrier.sipPort);
            provision.did(did, carrierTrunk, provision.trunk("pbx", "PBX", pbx.sipPort));

            pbx.serve("uas-ring-expect-cancel.xml", 1);
            int callerExit = carrier.call("uac-cancel-before-answer.xml", SIP, did, "+14155550102", 1);

            Sipp.assertAllEnded(callerExit, carrier, pbx);
            JsonObject cdr = cdrFor(did);
            assertThat(cdr.getInt("finalStatus")).isEqualTo(487);
            assertThat(cdr.getString("hangupParty")).isEqualTo("CALLER");
            assertThat(cdr.getString("endCause")).isEqualTo("CALLER_CANCELLED");
            assertThat(cdr.isNull("answeredAt")).isTrue();
            assertThat(cdr.getString("firstProvisionalAt")).isNotNull();
        }
    }

    @Test
    void unknownDidIsRefusedWith404() throws Exception {
        try (Sipp carrier = Sipp.onLoopback()) {
            provision.trunk("carrier", "CARRIER", carrier.sipPort);
            String unassigned = Provision.uniqueUsNumber();

            assertThat(carrier.call("uac-expect-404.xml", SIP, unassigned, "+14155550103", 1))
                    .as(carrier.messages()).isZero();
            JsonObject cdr = cdrFor(unassigned);
            assertThat(cdr.getInt("finalStatus")).isEqualTo(404);
            assertThat(cdr.getString("hangupParty")).isEqualTo("TRUNKLINE");
            assertThat(cdr.getString("endCause")).isEqualTo("NUMBER_NOT_IN_SERVICE");
            assertThat(Cdrs.of(api).count(unassigned, "NUMBER_NOT_IN_SERVICE")).isEqualTo(1);
            assertThat(Cdrs.of(api).count(unassigned, "NORMAL_CLEARING")).isZero();
            assertThat(api.get("/").body()).containsPattern(
                    "<td>" + Pattern.quote(unassigned) + "</td>.*<td>NUMBER_NOT_IN_SERVICE</td>");
        }
    }

    @Test
    void unknownSourceIsRefusedWith403() throws Exception {
        // 127.0.0.2 is loopback too, but no trunk has a gateway there.
        try (Sipp stranger = Sipp.onAddress("127.0.0.2")) {
            String called = Provision.uniqueUsNumber();
            assertThat(stranger.call("uac-expect-403.xml", SIP, called, "+14155550104", 1))
                    .as(stranger.messages()).isZero();
            JsonObject cdr = cdrFor(called);
            assertThat(cdr.getInt("finalStatus")).isEqualTo(403);
            assertThat(cdr.getString("endCause")).isEqualTo("UNKNOWN_SOURCE");
        }
    }

    @Test
    void malformedNumberIsRefusedWith484() throws Exception {
        try (Sipp carrier = Sipp.onLoopback()) {
            provision.trunk("carrier", "CARRIER", carrier.sipPort);
            String calling = Provision.uniqueUsNumber();
            assertThat(carrier.call("uac-expect-484.xml", SIP, "12", calling, 1))
                    .as(carrier.messages()).isZero();
            JsonObject cdr = cdrFor(calling);
            assertThat(cdr.getInt("finalStatus")).isEqualTo(484);
            assertThat(cdr.getString("endCause")).isEqualTo("ADDRESS_INCOMPLETE");
        }
    }

    /**
     * libphonenumber calls some German numbers of 16 digits possible; E.164 stops at 15. Dialled, such a number is
     * refused 484 like any other malformed number (it used to escape as a 500); as the caller's number it is passed
     * on as sent, and the call goes through.
     */
    @Test
    void aNumberLongerThanE164IsRefusedWhenDialledAndPassedOnAsSentWhenCalling() throws Exception {
        String tooLong = "+4980012345678905";
        try (Sipp pbx = Sipp.onLoopback(); Sipp carrier = Sipp.onLoopback()) {
            String carrierTrunk = provision.trunk("carrier", "CARRIER", carrier.sipPort);
            String calling = Provision.uniqueUsNumber();
            assertThat(carrier.call("uac-expect-484.xml", SIP, tooLong, calling, 1))
                    .as(carrier.messages()).isZero();
            JsonObject refused = cdrFor(calling);
            assertThat(refused.getInt("finalStatus")).isEqualTo(484);
            assertThat(refused.getString("endCause")).isEqualTo("ADDRESS_INCOMPLETE");

            String did = Provision.uniqueUsNumber();
            provision.did(did, carrierTrunk, provision.trunk("pbx", "PBX", pbx.sipPort));
            pbx.serve("uas-answer-expect-bye.xml", 1);
            int callerExit = carrier.call("uac-call-and-hang-up.xml", SIP, did, tooLong, 1);

            Sipp.assertAllEnded(callerExit, carrier, pbx);
            JsonObject answered = cdrFor(did);
            assertThat(answered.getInt("finalStatus")).isEqualTo(200);
            assertThat(answered.getString("callingNumber")).isEqualTo(tooLong);
            assertThat(pbx.messages()).contains("sip:" + tooLong + "@");
        }
    }

    @Test
    void callWithNoHopsLeftIsRefusedWith483AndNeverReachesThePbx() throws Exception {
        assertRefusedBeforeThePbx("uac-max-forwards-exhausted-expect-483.xml", "+14155550109", 483, "TOO_MANY_HOPS");
    }

    /** Before, the Require was dropped and the call went on without what the caller made a condition of it. */
    @Test
    void anInviteRequiringAnExtensionTrunklineLacksIsRefusedWith420AndNeverReachesThePbx() throws Exception {
        assertRefusedBeforeThePbx("uac-require-unknown-extensions-expect-420.xml", "+14155550110", 420,
                "BAD_EXTENSION");
    }

    /**
     * A 302 from the PBX is followed by number on the PBX's own trunk: the preferred Contact's number (q=0.9 over
     * 0.5) goes to the same gateway, and neither the Contact hosts nor the redirect reach the carrier. Before, the
     * carrier got the 302 with a Contact naming Trunkline and no number.
     */
    @Test
    void aRedirectFromThePbxIsFollowedByNumberOnTheSameTrunk() throws Exception {
        try (Sipp pbx = Sipp.onLoopback(); Sipp carrier = Sipp.onLoopback()) {
            String did = provision.didFromCarrierToPbx(carrier.sipPort, pbx.sipPort);
            pbx.serve("uas-redirect-then-answer.xml", 2);

            int callerExit = carrier.call("uac-call-and-hang-up.xml", SIP, did, "+14155550111", 1);

            Sipp.assertAllEnded(callerExit, carrier, pbx);
            JsonObject cdr = cdrFor(did);
            assertThat(cdr.getInt("finalStatus")).isEqualTo(200);
            assertThat(cdr.getString("endCause")).isEqualTo("NORMAL_CLEARING");
            assertThat(pbx.messages()).contains("INVITE sip:+14155550188@127.0.0.1:" + pbx.sipPort)
                    .doesNotContain("INVITE sip:+14155550177@");
            assertThat(carrier.messages()).doesNotContain("SIP/2.0 302").doesNotContain("192.0.2.");
        }
    }

    /** Redirected again and again: after 3 the redirect reaches the carrier, naming the number at Trunkline. */
    @Test
    void aRedirectLoopEndsAfterThreeAndTheCallerGetsTheNumberAtTrunkline() throws Exception {
        try (Sipp pbx = Sipp.onLoopback(); Sipp carrier = Sipp.onLoopback()) {
            String did = provision.didFromCarrierToPbx(carrier.sipPort, pbx.sipPort);
            pbx.serve("uas-redirect-always.xml", 4);

            int callerExit = carrier.call("uac-expect-302-at-trunkline.xml", SIP, did, "+14155550112", 1);

            Sipp.assertAllEnded(callerExit, carrier, pbx);
            assertThat(cdrFor(did).getInt("finalStatus")).isEqualTo(302);
            assertThat(pbx.messages().split("INVITE sip:\\+14155550188@", -1)).hasSizeGreaterThanOrEqualTo(4);
            assertThat(carrier.messages()).doesNotContain("192.0.2.");
        }
    }

    @Test
    void pbxCallLeavesOnTheCarrierOfTheLongestMatchingPrefix() throws Exception {
        try (Sipp pbx = Sipp.onLoopback(); Sipp ukCarrier = Sipp.onLoopback(); Sipp otherCarrier = Sipp.onLoopback()) {
            String pbxTrunk = provision.trunk("pbx", "PBX", pbx.sipPort);
            String uk = provision.trunk("carrier-uk", "CARRIER", ukCarrier.sipPort);
            String other = provision.trunk("carrier-other", "CARRIER", otherCarrier.sipPort);
            String prefix = "44" + (100 + (int) (Math.random() * 800));
            provision.route(prefix.substring(0, 2), other);
            provision.route(prefix, uk);
            String dialled = "+" + prefix + "1234567";

            ukCarrier.serve("uas-answer-expect-bye.xml", 1);
            int callerExit = pbx.call("uac-call-and-hang-up.xml", SIP, dialled, "+14155550106", 1);

            Sipp.assertAllEnded(callerExit, pbx, ukCarrier);
            JsonObject cdr = cdrFor(dialled);
            assertThat(cdr.getString("inboundTrunk")).isEqualTo(pbxTrunk);
            assertThat(cdr.getString("outboundTrunk")).isEqualTo(uk);
            assertThat(cdr.getInt("finalStatus")).isEqualTo(200);
            assertThat(cdr.getString("endCause")).isEqualTo("NORMAL_CLEARING");
        }
    }

    /** The callee must see nothing of the caller's dialog: not its Call-ID, nor its address and port. */
    private static void assertTopologyHidden(JsonObject cdr, Sipp caller, Sipp callee) {
        String inboundCallId = cdr.getString("inboundCallId");
        assertThat(cdr.getString("outboundCallId")).isNotEqualTo(inboundCallId);
        String seenByCallee = callee.messages();
        assertThat(seenByCallee).contains(cdr.getString("outboundCallId"));
        assertThat(seenByCallee).doesNotContain(inboundCallId);
        assertThat(seenByCallee).doesNotContain("127.0.0.1:" + caller.sipPort);
    }

    /** The carrier's scenario expects Trunkline's refusal; the CDR names it, and no INVITE reached the PBX. */
    private void assertRefusedBeforeThePbx(String scenario, String calling, int status, String cause) throws Exception {
        try (Sipp pbx = Sipp.onLoopback(); Sipp carrier = Sipp.onLoopback()) {
            String did = provision.didFromCarrierToPbx(carrier.sipPort, pbx.sipPort);
            pbx.serve("uas-answer-expect-bye.xml", 1); // listening, so that a forwarded INVITE would show in its log

            assertThat(carrier.call(scenario, SIP, did, calling, 1)).as(carrier.messages()).isZero();
            JsonObject cdr = cdrFor(did);
            assertThat(cdr.getInt("finalStatus")).isEqualTo(status);
            assertThat(cdr.getString("hangupParty")).isEqualTo("TRUNKLINE");
            assertThat(cdr.getString("endCause")).isEqualTo(cause);
            assertThat(pbx.messages()).as("the PBX's sipp log").doesNotContain("INVITE");
        }
    }

    private JsonObject cdrFor(String number) throws Exception {
        return Cdrs.of(api).forNumber(number);
    }
}
