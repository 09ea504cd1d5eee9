package io.trunkline.it;

import org.junit.jupiter.api.Test;

import javax.json.JsonObject;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * REFER (RFC 3515) in an answered call, as each trunk's transfer policy says: TRANSFER (Trunkline performs a blind
 * transfer), RELAY (the other party gets the REFER) and REJECT. Each sipp checks what it receives (202, NOTIFY sipfrag
 * bodies and subscription state, BYE, the new call's INVITE and SDP); the test checks topology hiding and the CDRs.
 */
class CallTransferIT extends InServerTest {
    private static final int SIP = TrunklineApi.SIP_PORT;
    private final TrunklineApi api = new TrunklineApi();
    private final Provision provision = new Provision(api);

    @Test
    void pbxBlindTransfersTheCarrierCallerToAnOutsideNumber() throws Exception {
        try (Sipp caller = Sipp.onLoopback(); Sipp pbx = Sipp.onLoopback(); Sipp target = Sipp.onLoopback()) {
            String did = Provision.uniqueUsNumber();
            String carrierTrunk = provision.trunk("carrier", "CARRIER", caller.sipPort);
            String pbxTrunk = provision.trunkWithTransfer("pbx", "PBX", pbx.sipPort, "TRANSFER");
            String targetTrunk = provision.trunk("mobile", "CARRIER", target.sipPort);
            provision.did(did, carrierTrunk, pbxTrunk);
            String targetNumber = routedNumber(targetTrunk);

            target.serve("refer-new-target.xml", 1);
            pbx.withKey("target", targetNumber).serve("refer-blind-transfer.xml", 1);
            int callerExit = caller.call("refer-transferee.xml", SIP, did, "+14155550120", 1);

            Sipp.assertAllEnded(callerExit, caller, pbx, target);
            assertThat(pbx.messages()).contains("message/sipfrag", "SIP/2.0 100 Trying", "SIP/2.0 200 OK",
                    "Subscription-State: terminated");
            JsonObject original = Cdrs.of(api).forNumber(did);
            assertThat(original.getString("hangupParty")).isEqualTo("CALLEE");
            assertThat(original.getInt("finalStatus")).isEqualTo(200);
            assertThat(original.getString("outboundTrunk")).isEqualTo(pbxTrunk);
            assertThat(original.getString("endCause")).isEqualTo("TRANSFERRED");
            JsonObject transferred = Cdrs.of(api).forNumber(targetNumber);
            assertThat(transferred.getString("inboundCallId")).isEqualTo(original.getString("inboundCallId"));
            assertThat(transferred.getString("inboundTrunk")).isEqualTo(carrierTrunk);
            assertThat(transferred.getString("outboundTrunk")).isEqualTo(targetTrunk);
            assertThat(transferred.getString("callingNumber")).isEqualTo("+14155550120");
            assertThat(transferred.getInt("finalStatus")).isEqualTo(200);
            assertThat(transferred.getString("hangupParty")).isEqualTo("CALLER");
            assertThat(transferred.getString("endCause")).isEqualTo("NORMAL_CLEARING");
            String seenByTarget = target.messages();
            assertThat(seenByTarget).contains("INVITE sip:" + targetNumber, transferred.getString("outboundCallId"));
            assertThat(seenByTarget).doesNotContain(original.getString("inboundCallId"),
                    "127.0.0.1:" + caller.sipPort, "127.0.0.1:" + pbx.sipPort);
        }
    }

    @Test
    void carrierCallerBlindTransfersThePbxToAnotherDid() throws Exception {
        try (Sipp caller = Sipp.onLoopback(); Sipp pbx = Sipp.onLoopback(); Sipp sales = Sipp.onLoopback()) {
            String did = Provision.uniqueUsNumber();
            String salesDid = Provision.uniqueUsNumber();
            String carrierTrunk = provision.trunkWithTransfer("carrier", "CARRIER", caller.sipPort, "TRANSFER");
            String pbxTrunk = provision.trunk("pbx", "PBX", pbx.sipPort);
            String salesTrunk = provision.trunk("sales", "PBX", sales.sipPort);
            provision.did(did, carrierTrunk, pbxTrunk);
            provision.did(salesDid, carrierTrunk, salesTrunk);

            sales.serve("refer-new-target.xml", 1);
            pbx.serve("refer-transferee-callee.xml", 1);
            // National format: the number is read as the referrer's (US) trunk would read a call to it.
            int callerExit = caller.withKey("target", salesDid.substring(2))
                    .call("refer-blind-transfer-from-caller.xml", SIP, did, "+14155550125", 1);

            Sipp.assertAllEnded(callerExit, caller, pbx, sales);
            JsonObject original = Cdrs.of(api).forCalledNumber(did);
            assertThat(original.getString("hangupParty")).isEqualTo("CALLER");
            assertThat(original.getString("endCause")).isEqualTo("TRANSFERRED");
            JsonObject transferred = Cdrs.of(api).forNumber(salesDid);
            assertThat(transferred.getString("inboundCallId")).isEqualTo(original.getString("outboundCallId"));
            assertThat(transferred.getString("inboundTrunk")).isEqualTo(pbxTrunk);
            assertThat(transferred.getString("outboundTrunk")).isEqualTo(salesTrunk);
            assertThat(transferred.getString("callingNumber")).isEqualTo(did);
            assertThat(transferred.getString("hangupParty")).isEqualTo("CALLER");
            assertThat(sales.messages()).doesNotContain("127.0.0.1:" + caller.sipPort, "127.0.0.1:" + pbx.sipPort);
        }
    }

    @Test
    void transferToABusyTargetIsReportedAndTheCallStaysUp() throws Exception {
        try (Sipp caller = Sipp.onLoopback(); Sipp pbx = Sipp.onLoopback(); Sipp target = Sipp.onLoopback()) {
            Transfer call = pbxTransfersCarrierCaller(caller, pbx, target);
            String did = call.did();
            String targetNumber = call.targetNumber();

            target.serve("uas-reject-486.xml", 1);
            pbx.withKey("target", targetNumber).serve("refer-blind-transfer-target-busy.xml", 1);
            int callerExit = caller.call("uac-call-expect-bye.xml", SIP, did, "+14155550121", 1);

            Sipp.assertAllEnded(callerExit, caller, pbx, target);
            JsonObject original = Cdrs.of(api).forNumber(did);
            assertThat(original.getString("hangupParty")).isEqualTo("CALLEE");
            assertThat(original.getInt("finalStatus")).isEqualTo(200);
            JsonObject attempt = Cdrs.of(api).forNumber(targetNumber);
            assertThat(original.getString("endCause")).isEqualTo("NORMAL_CLEARING");
            assertThat(attempt.getInt("finalStatus")).isEqualTo(486);
            assertThat(attempt.getString("endCause")).isEqualTo("CALLEE_BUSY");
            assertThat(attempt.isNull("answeredAt")).isTrue();
        }
    }

    @Test
    void transfereeRefusingTheNewMediaKeepsItsCallAndTheTargetIsReleased() throws Exception {
        try (Sipp caller = Sipp.onLoopback(); Sipp pbx = Sipp.onLoopback(); Sipp target = Sipp.onLoopback()) {
            Transfer call = pbxTransfersCarrierCaller(caller, pbx, target);
            String did = call.did();
            String targetNumber = call.targetNumber();

            target.serve("refer-new-target-released.xml", 1);
            pbx.withKey("target", targetNumber).serve("refer-blind-transfer-transferee-refuses.xml", 1);
            int callerExit = caller.call("refer-transferee-refuses-new-media.xml", SIP, did, "+14155550126", 1);

            Sipp.assertAllEnded(callerExit, caller, pbx, target);
            assertThat(pbx.messages()).contains("SIP/2.0 488 Not Acceptable Here");
            JsonObject original = Cdrs.of(api).forNumber(did);
            assertThat(original.getString("hangupParty")).isEqualTo("CALLEE");
            assertThat(original.getString("outboundTrunk")).isEqualTo(call.pbxTrunk());
            // The target did answer (and its carrier will bill those moments), so the attempt's CDR says so.
            JsonObject attempt = Cdrs.of(api).forNumber(targetNumber);
            assertThat(attempt.getString("answeredAt")).isNotNull();
            assertThat(attempt.getString("hangupParty")).isEqualTo("CALLER");
            assertThat(attempt.getString("endCause")).isEqualTo("TRANSFER_FAILED");
        }
    }

    @Test
    void badReferToIsRefusedWithAReasonAndTheCallStaysUp() throws Exception {
        try (Sipp caller = Sipp.onLoopback(); Sipp pbx = Sipp.onLoopback()) {
            String did = Provision.uniqueUsNumber();
            String carrierTrunk = provision.trunk("carrier", "CARRIER", caller.sipPort);
            provision.did(did, carrierTrunk, provision.trunkWithTransfer("pbx", "PBX", pbx.sipPort, "TRANSFER"));

            // No route is configured for +90 (Turkey) numbers.
            pbx.withKey("unroutable", "+902125550100").serve("refer-bad-refer-to.xml", 1);
            int callerExit = caller.call("uac-call-expect-bye.xml", SIP, did, "+14155550122", 1);

            Sipp.assertAllEnded(callerExit, caller, pbx);
            // A REFER without Refer-To never reaches Trunkline: Liberty's stack answers it 400 Bad Request itself.
            assertThat(pbx.messages()).contains("400 Refer-To Has No Number", "404 Refer-To No Route To Destination");
            JsonObject cdr = Cdrs.of(api).forNumber(did);
            assertThat(cdr.getString("hangupParty")).isEqualTo("CALLEE");
            assertThat(cdr.getInt("finalStatus")).isEqualTo(200);
        }
    }

    @Test
    void carrierReferIsRelayedToThePbxWithTheReferrerHidden() throws Exception {
        try (Sipp caller = Sipp.onLoopback(); Sipp pbx = Sipp.onLoopback()) {
            String did = Provision.uniqueUsNumber();
            String carrierTrunk = provision.trunkWithTransfer("carrier", "CARRIER", caller.sipPort, "RELAY");
            provision.did(did, carrierTrunk, provision.trunk("pbx", "PBX", pbx.sipPort));

            pbx.serve("refer-relayed-transferee.xml", 1);
            int callerExit = caller.withKey("target", "+14155550999")
                    .call("refer-relayed.xml", SIP, did, "+14155550123", 1);

            Sipp.assertAllEnded(callerExit, caller, pbx);
            String seenByPbx = pbx.messages();
            assertThat(seenByPbx).contains("REFER sip:").containsPattern("Refer-To: <?sip:\\+14155550999@");
            assertThat(seenByPbx).doesNotContain("Referred-By", "127.0.0.1:" + caller.sipPort);
            assertThat(caller.messages()).doesNotContain("192.0.2.99", "127.0.0.1:" + pbx.sipPort);
            JsonObject cdr = Cdrs.of(api).forNumber(did);
            assertThat(cdr.getString("hangupParty")).isEqualTo("CALLER");
            assertThat(cdr.getInt("finalStatus")).isEqualTo(200);
        }
    }

    @Test
    void referOnATrunkThatRejectsTransfersIsRefusedWith403() throws Exception {
        try (Sipp caller = Sipp.onLoopback(); Sipp pbx = Sipp.onLoopback()) {
            String did = Provision.uniqueUsNumber();
            String carrierTrunk = provision.trunk("carrier", "CARRIER", caller.sipPort);
            provision.did(did, carrierTrunk, provision.trunkWithTransfer("pbx", "PBX", pbx.sipPort, "REJECT"));

            pbx.withKey("target", "+14155550998").serve("refer-rejected.xml", 1);
            int callerExit = caller.call("uac-call-expect-bye.xml", SIP, did, "+14155550124", 1);

            Sipp.assertAllEnded(callerExit, caller, pbx);
            assertThat(pbx.messages()).contains("403 Call Transfer Not Allowed On This Trunk");
            assertThat(Cdrs.of(api).forNumber(did).getString("hangupParty")).isEqualTo("CALLEE");
        }
    }

    @Test
    void unknownTransferPolicyIsRefusedNamingTheField() throws Exception {
        TrunklineApi.Reply reply = api.post("/api/v1/trunks", "{\"name\":\"" + Provision.uniqueName("pbx")
                + "\",\"role\":\"PBX\",\"transfer\":\"forward\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().getString("field")).isEqualTo("transfer");
        assertThat(reply.json().getString("error")).contains("RELAY, TRANSFER, REJECT");
    }

    /** A carrier DID on a PBX trunk that transfers (policy TRANSFER), and an outside number reached via {@code target}. */
    private record Transfer(String did, String pbxTrunk, String targetNumber) {
    }

    private Transfer pbxTransfersCarrierCaller(Sipp caller, Sipp pbx, Sipp target) throws Exception {
        String did = Provision.uniqueUsNumber();
        String carrierTrunk = provision.trunk("carrier", "CARRIER", caller.sipPort);
        String pbxTrunk = provision.trunkWithTransfer("pbx", "PBX", pbx.sipPort, "TRANSFER");
        provision.did(did, carrierTrunk, pbxTrunk);
        return new Transfer(did, pbxTrunk, routedNumber(provision.trunk("mobile", "CARRIER", target.sipPort)));
    }

    /** A UK mobile number under a prefix routed to {@code trunk} only, unique to the calling test. */
    private String routedNumber(String trunk) throws Exception {
        String prefix = "447" + (100 + ThreadLocalRandom.current().nextInt(900));
        provision.route(prefix, trunk);
        return "+" + prefix + "123456";
    }
}
