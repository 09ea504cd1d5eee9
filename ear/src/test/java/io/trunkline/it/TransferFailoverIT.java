package io.trunkline.it;

import org.junit.jupiter.api.Test;

import javax.json.JsonObject;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The new leg of a blind transfer (REFER on a TRANSFER trunk) is set up like any routed call's outbound side: the
 * target trunk's gateways in turn (after a retry status or the setup timeout), its limits enforced on every path
 * the new call can end by, its digest challenge answered. Each sipp is a real party;
 * the referrer's NOTIFYs carry the outcome and the CDRs say who carried the new call.
 */
class TransferFailoverIT extends InServerTest {
    private static final int SIP = TrunklineApi.SIP_PORT;
    private final TrunklineApi api = new TrunklineApi();
    private final Provision provision = new Provision(api);

    @Test
    void targetGateway1Answers503AndGateway2CarriesTheTransferredCall() throws Exception {
        try (Sipp caller = Sipp.onLoopback(); Sipp pbx = Sipp.onLoopback();
             Sipp gateway1 = Sipp.onLoopback(); Sipp gateway2 = Sipp.onLoopback()) {
            String did = didOnTransferringPbx(provision.trunk("carrier", "CARRIER", caller.sipPort), pbx);
            String targetTrunk = provision.carrierWithGateways(null, gateway1.sipPort, gateway2.sipPort);
            String targetNumber = routedNumber(targetTrunk);

            gateway1.serve("uas-reject-503.xml", 1);
            gateway2.serve("refer-new-target.xml", 1);
            pbx.withKey("target", targetNumber).serve("refer-blind-transfer.xml", 1);
            int callerExit = caller.call("refer-transferee.xml", SIP, did, "+14155550140", 1);

            Sipp.assertAllEnded(callerExit, caller, pbx, gateway1, gateway2);
            assertThat(pbx.messages()).contains("SIP/2.0 200 OK", "Subscription-State: terminated")
                    .doesNotContain("SIP/2.0 503");
            assertThat(gateway1.messages()).contains("INVITE sip:" + targetNumber);
            JsonObject transferred = Cdrs.of(api).forCalledNumber(targetNumber);
            assertThat(transferred.getInt("finalStatus")).isEqualTo(200);
            assertThat(transferred.getString("outboundTrunk")).isEqualTo(targetTrunk);
            assertThat(transferred.getString("answeredAt")).isNotNull();
            assertThat(gateway2.messages()).contains(transferred.getString("outboundCallId"));
            assertThat(Cdrs.of(api).forCalledNumber(did).getString("hangupParty")).isEqualTo("CALLEE");
        }
    }

    @Test
    void silentTargetGatewayIsAbandonedAfterTheSetupTimeout() throws Exception {
        // A bound socket that never answers: datagrams to it vanish, as with a dead carrier box.
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             Sipp caller = Sipp.onLoopback(); Sipp pbx = Sipp.onLoopback(); Sipp gateway2 = Sipp.onLoopback()) {
            String did = didOnTransferringPbx(provision.trunk("carrier", "CARRIER", caller.sipPort), pbx);
            String targetNumber = routedNumber(provision.carrierWithGateways("{\"setupTimeoutMillis\":800}",
                    silent.getLocalPort(), gateway2.sipPort));

            gateway2.serve("refer-new-target.xml", 1);
            pbx.withKey("target", targetNumber).serve("refer-blind-transfer.xml", 1);
            int callerExit = caller.call("refer-transferee.xml", SIP, did, "+14155550148", 1);

            Sipp.assertAllEnded(callerExit, caller, pbx, gateway2);
            JsonObject transferred = Cdrs.of(api).forCalledNumber(targetNumber);
            assertThat(gateway2.messages()).contains(transferred.getString("outboundCallId"));
            Duration setup = Duration.between(Instant.parse(transferred.getString("invitedAt")),
                    Instant.parse(transferred.getString("answeredAt")));
            assertThat(setup).isGreaterThanOrEqualTo(Duration.ofMillis(800));
        }
    }

    @Test
    void targetTrunkAtItsChannelLimitIsReported503AndTheCallStaysUp() throws Exception {
        try (Sipp caller = Sipp.onLoopback(); Sipp pbx = Sipp.onLoopback()) {
            // The transfer hairpins back out through the carrier the call came in on, whose only channel it holds.
            String carrierTrunk = provision.carrierWithLimits("{\"maxChannels\":1}", caller.sipPort);
            String did = didOnTransferringPbx(carrierTrunk, pbx);
            String targetNumber = routedNumber(carrierTrunk);

            pbx.withKey("target", targetNumber).serve("refer-blind-transfer-target-unavailable.xml", 1);
            int callerExit = caller.call("uac-call-expect-bye.xml", SIP, did, "+14155550141", 1);

            Sipp.assertAllEnded(callerExit, caller, pbx);
            assertThat(caller.messages()).doesNotContain("INVITE sip:" + targetNumber);
            JsonObject attempt = Cdrs.of(api).forCalledNumber(targetNumber);
            assertThat(attempt.getInt("finalStatus")).isEqualTo(503);
            assertThat(attempt.getString("outboundTrunk")).isEqualTo(carrierTrunk);
            JsonObject original = Cdrs.of(api).forCalledNumber(did);
            assertThat(original.getInt("finalStatus")).isEqualTo(200);
            assertThat(original.getString("hangupParty")).isEqualTo("CALLEE");

            // The channel is free again: the carrier's next call is admitted and answered.
            pbx.serve("uas-answer-expect-bye.xml", 1);
            assertThat(caller.call("uac-call-and-hang-up.xml", SIP, did, "+14155550142", 1))
                    .as(caller.messages()).isZero();
            assertThat(pbx.await(20)).as(pbx.messages()).isZero();
            assertThat(Cdrs.of(api).forNumber("+14155550142").getInt("finalStatus")).isEqualTo(200);
        }
    }

    @Test
    void cheaperCandidateTrunkAtItsLimitIsSkippedAndTheNextCarriesTheTransfer() throws Exception {
        try (Sipp caller = Sipp.onLoopback(); Sipp pbx = Sipp.onLoopback(); Sipp target = Sipp.onLoopback()) {
            // The cheaper candidate is the carrier the call came in on, whose only channel the call holds.
            String incoming = carrierWithRate(caller.sipPort, "0.0100", "{\"maxChannels\":1}");
            String dearer = carrierWithRate(target.sipPort, "0.0300", null);
            String did = didOnTransferringPbx(incoming, pbx);
            String targetNumber = "+44207946" + (1000 + ThreadLocalRandom.current().nextInt(9000));
            TrunklineApi.Reply route = api.put("/api/v1/routes/" + targetNumber.substring(1),
                    "{\"trunks\":[\"" + incoming + "\",\"" + dearer + "\"]}");
            assertThat(route.status()).as(route.body()).isIn(200, 201);

            target.serve("refer-new-target.xml", 1);
            pbx.withKey("target", targetNumber).serve("refer-blind-transfer.xml", 1);
            assertThat(caller.call("refer-transferee.xml", SIP, did, "+14155550150", 1)).as(caller.messages()).isZero();
            assertThat(pbx.await(20)).as(pbx.messages()).isZero();
            assertThat(target.await(20)).as(target.messages()).isZero();
            JsonObject transferred = Cdrs.of(api).forCalledNumber(targetNumber);
            assertThat(transferred.getString("outboundTrunk")).isEqualTo(dearer);
            assertThat(transferred.getInt("finalStatus")).isEqualTo(200);
            assertThat(caller.messages()).doesNotContain("INVITE sip:" + targetNumber);
        }
    }

    @Test
    void aTransferredCallGivesItsTargetChannelBackWhenItEnds() throws Exception {
        try (Sipp caller = Sipp.onLoopback(); Sipp pbx = Sipp.onLoopback(); Sipp target = Sipp.onLoopback()) {
            String did = didOnTransferringPbx(provision.trunk("carrier", "CARRIER", caller.sipPort), pbx);
            String targetNumber = routedNumber(provision.carrierWithLimits("{\"maxChannels\":1}", target.sipPort));

            // Two transfers in a row to a one-channel trunk: the second finds the channel the first held free again
            // (a refused one would end the referrer's scenario on NOTIFY 503 instead of 200, and the target's unused).
            pbx.withKey("target", targetNumber);
            for (String calling : new String[] {"+14155550144", "+14155550145"}) {
                target.serve("refer-new-target.xml", 1);
                pbx.serve("refer-blind-transfer.xml", 1);
                assertThat(caller.call("refer-transferee.xml", SIP, did, calling, 1)).as(caller.messages()).isZero();
                assertThat(pbx.await(20)).as(pbx.messages()).isZero();
                assertThat(target.await(20)).as(target.messages()).isZero();
            }
        }
    }

    @Test
    void transfereeHangingUpWhileTheTargetRingsCancelsItAndFreesItsChannel() throws Exception {
        try (Sipp caller = Sipp.onLoopback(); Sipp pbx = Sipp.onLoopback(); Sipp target = Sipp.onLoopback()) {
            String did = didOnTransferringPbx(provision.trunk("carrier", "CARRIER", caller.sipPort), pbx);
            String targetNumber = routedNumber(provision.carrierWithLimits("{\"maxChannels\":1}", target.sipPort));
            pbx.withKey("target", targetNumber);

            target.serve("uas-ring-expect-cancel.xml", 1);
            pbx.serve("refer-blind-transfer-abandoned.xml", 1);
            assertThat(caller.call("uac-call-talk-3s-hang-up.xml", SIP, did, "+14155550146", 1))
                    .as(caller.messages()).isZero();
            assertThat(pbx.await(20)).as(pbx.messages()).isZero();
            assertThat(target.await(20)).as(target.messages()).isZero();
            JsonObject original = Cdrs.of(api).forNumber(did);
            assertThat(original.getString("hangupParty")).isEqualTo("CALLER");
            assertThat(original.getString("endCause")).isEqualTo("NORMAL_CLEARING");
            JsonObject attempt = Cdrs.of(api).forCalledNumber(targetNumber);
            assertThat(attempt.getInt("finalStatus")).isEqualTo(487);
            assertThat(attempt.getString("endCause")).isEqualTo("TRANSFER_ABANDONED");
            assertThat(attempt.isNull("answeredAt")).isTrue();

            // The cancelled leg's channel is free: the next transfer to the one-channel trunk goes through.
            target.serve("refer-new-target.xml", 1);
            pbx.serve("refer-blind-transfer.xml", 1);
            assertThat(caller.call("refer-transferee.xml", SIP, did, "+14155550147", 1)).as(caller.messages()).isZero();
            assertThat(pbx.await(20)).as(pbx.messages()).isZero();
            assertThat(target.await(20)).as(target.messages()).isZero();
        }
    }

    @Test
    void aTargetThatRingsUnansweredEndsTheTransferAtItsRingTimeoutAndTheCallStaysUp() throws Exception {
        try (Sipp caller = Sipp.onLoopback(); Sipp pbx = Sipp.onLoopback(); Sipp target = Sipp.onLoopback()) {
            String did = didOnTransferringPbx(provision.trunk("carrier", "CARRIER", caller.sipPort), pbx);
            String targetNumber = routedNumber(provision.carrierWithGateways("{\"ringTimeoutSeconds\":2}",
                    target.sipPort));

            target.serve("uas-ring-expect-cancel.xml", 1);
            pbx.withKey("target", targetNumber).serve("refer-blind-transfer-target-no-answer.xml", 1);
            int callerExit = caller.call("uac-call-expect-bye.xml", SIP, did, "+14155550127", 1);

            Sipp.assertAllEnded(callerExit, caller, pbx, target);
            JsonObject original = Cdrs.of(api).forNumber(did);
            assertThat(original.getString("endCause")).isEqualTo("NORMAL_CLEARING");
            assertThat(original.getString("hangupParty")).isEqualTo("CALLEE");
            JsonObject attempt = Cdrs.of(api).forNumber(targetNumber);
            assertThat(attempt.getInt("finalStatus")).isEqualTo(480);
            assertThat(attempt.getString("endCause")).isEqualTo("NO_ANSWER");
            assertThat(attempt.getString("hangupParty")).isEqualTo("TRUNKLINE");
            assertThat(attempt.isNull("answeredAt")).isTrue();
        }
    }

    @Test
    void targetCarrierChallengingWith401GetsTheTrunkDigest() throws Exception {
        try (Sipp caller = Sipp.onLoopback(); Sipp pbx = Sipp.onLoopback(); Sipp target = Sipp.onLoopback()) {
            String did = didOnTransferringPbx(provision.trunk("carrier", "CARRIER", caller.sipPort), pbx);
            String targetTrunk = Provision.uniqueName("mobile");
            TrunklineApi.Reply created = api.put("/api/v1/trunks/" + targetTrunk, "{\"role\":\"CARRIER\","
                    + "\"gateways\":[{\"host\":\"127.0.0.1\",\"port\":" + target.sipPort + "}],"
                    + "\"credentials\":{\"username\":\"trunk-user\",\"password\":\"trunk-secret\"}}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String targetNumber = routedNumber(targetTrunk);

            // The target verifies the digest (sipp verifyauth) and answers only a correct one.
            target.serve("refer-new-target-challenge-401.xml", 1);
            pbx.withKey("target", targetNumber).serve("refer-blind-transfer.xml", 1);
            int callerExit = caller.call("refer-transferee.xml", SIP, did, "+14155550143", 1);

            Sipp.assertAllEnded(callerExit, caller, pbx, target);
            assertThat(target.messages()).contains("Authorization: Digest", "username=\"trunk-user\"");
            assertThat(pbx.messages()).doesNotContain("SIP/2.0 401", "SIP/2.0 403");
            JsonObject transferred = Cdrs.of(api).forCalledNumber(targetNumber);
            assertThat(transferred.getInt("finalStatus")).isEqualTo(200);
            assertThat(transferred.getString("outboundTrunk")).isEqualTo(targetTrunk);
        }
    }

    @Test
    void theTargetGetsTheNumbersInItsTrunksFormat() throws Exception {
        try (Sipp caller = Sipp.onLoopback(); Sipp pbx = Sipp.onLoopback(); Sipp target = Sipp.onLoopback()) {
            String did = didOnTransferringPbx(provision.trunk("carrier", "CARRIER", caller.sipPort), pbx);
            String targetTrunk = Provision.uniqueName("mobile");
            TrunklineApi.Reply created = api.post("/api/v1/trunks", "{\"name\":\"" + targetTrunk + "\","
                    + "\"role\":\"CARRIER\",\"defaultRegion\":\"GB\",\"gateways\":[{\"host\":\"127.0.0.1\","
                    + "\"port\":" + target.sipPort + "}],\"numbers\":{\"format\":\"NATIONAL\"}}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String targetNumber = routedNumber(targetTrunk);

            target.serve("refer-new-target.xml", 1);
            pbx.withKey("target", targetNumber).serve("refer-blind-transfer.xml", 1);
            assertThat(caller.call("refer-transferee.xml", SIP, did, "+14155550149", 1)).as(caller.messages()).isZero();
            assertThat(pbx.await(20)).as(pbx.messages()).isZero();
            assertThat(target.await(20)).as(target.messages()).isZero();

            // A GB trunk in national format: the UK mobile with its national prefix, the US caller as dialled from GB.
            String national = "0" + targetNumber.substring(3);
            assertThat(target.messages()).contains("INVITE sip:" + national + "@", "sip:0014155550149@")
                    .doesNotContain("INVITE sip:" + targetNumber);
        }
    }

    /** A DID on {@code carrierTrunk} answered by a PBX whose trunk lets it transfer calls. */
    private String didOnTransferringPbx(String carrierTrunk, Sipp pbx) throws Exception {
        String did = Provision.uniqueUsNumber();
        provision.did(did, carrierTrunk, provision.trunkWithTransfer("pbx", "PBX", pbx.sipPort, "TRANSFER"));
        return did;
    }

    /** A carrier trunk with one gateway and a rate deck pricing UK calls at {@code pricePerMinute}. */
    private String carrierWithRate(int port, String pricePerMinute, String limitsJson) throws Exception {
        String name = provision.carrierWithLimits(limitsJson == null ? "{}" : limitsJson, port);
        TrunklineApi.Reply deck = api.putCsv("/api/v1/trunks/" + name + "/rates",
                "prefix,price\n1,0.0050\n44," + pricePerMinute + "\n");
        assertThat(deck.status()).as(deck.body()).isEqualTo(200);
        return name;
    }

    /** A UK mobile number under a prefix routed to {@code trunk} only, unique to the calling test. */
    private String routedNumber(String trunk) throws Exception {
        String prefix = "447" + (100 + ThreadLocalRandom.current().nextInt(900));
        provision.route(prefix, trunk);
        return "+" + prefix + "123456";
    }
}
