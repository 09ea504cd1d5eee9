package io.trunkline.it;

import org.junit.jupiter.api.Test;

import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Carrier calls beyond exact DIDs: a DID block delivers every number in it to one PBX (an exact DID inside it
 * still wins), and a carrier trunk's catch-all takes calls to numbers that are no DID at all.
 */
class InboundRoutingIT extends InServerTest {
    private static final int SIP = TrunklineApi.SIP_PORT;
    private final TrunklineApi api = new TrunklineApi();
    private final Provision provision = new Provision(api);

    @Test
    void aCallToANumberOfADidBlockReachesTheBlocksDestinationAndAnExactDidInsideWins() throws Exception {
        try (Sipp carrier = Sipp.onLoopback(); Sipp blockPbx = Sipp.onLoopback(); Sipp didPbx = Sipp.onLoopback()) {
            String carrierTrunk = provision.trunk("carrier", "CARRIER", carrier.sipPort);
            String blockTrunk = provision.trunk("pbx-block", "PBX", blockPbx.sipPort);
            String block = "+1415" + (20000 + ThreadLocalRandom.current().nextInt(79999));
            TrunklineApi.Reply created = api.post("/api/v1/number-ranges", "{\"first\":\"" + block + "00\",\"last\":\""
                    + block + "99\",\"trunk\":\"" + carrierTrunk + "\",\"destination\":{\"trunk\":\"" + blockTrunk
                    + "\"}}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(created.json().getInt("size")).isEqualTo(100);
            String didTrunk = provision.trunk("pbx-did", "PBX", didPbx.sipPort);
            provision.did(block + "43", carrierTrunk, didTrunk);
            blockPbx.serve("uas-answer-expect-bye.xml", 1);
            didPbx.serve("uas-answer-expect-bye.xml", 1);

            // National format, as US carriers send it: read with the trunk's region, then found in the block.
            assertThat(carrier.call("uac-call-and-hang-up.xml", SIP, block.substring(2) + "42", "+12125550142", 1))
                    .as(carrier.messages()).isZero();
            assertThat(carrier.call("uac-call-and-hang-up.xml", SIP, block + "43", "+12125550143", 1))
                    .as(carrier.messages()).isZero();

            assertThat(blockPbx.await(20)).as(blockPbx.messages()).isZero();
            assertThat(didPbx.await(20)).as(didPbx.messages()).isZero();
            assertThat(Cdrs.of(api).forNumber(block + "42").getString("outboundTrunk")).isEqualTo(blockTrunk);
            assertThat(Cdrs.of(api).forNumber(block + "43").getString("outboundTrunk")).isEqualTo(didTrunk);
        }
    }

    @Test
    void aNumberThatIsNoDidGoesToTheCarrierTrunksCatchAll() throws Exception {
        try (Sipp carrier = Sipp.onLoopback(); Sipp pbx = Sipp.onLoopback(); Sipp otherCarrier = Sipp.onLoopback()) {
            String carrierTrunk = provision.trunk("carrier", "CARRIER", carrier.sipPort);
            provision.trunk("carrier-no-catch-all", "CARRIER", otherCarrier.sipPort);
            String pbxTrunk = provision.trunk("pbx", "PBX", pbx.sipPort);
            TrunklineApi.Reply set = api.put("/api/v1/trunks/" + carrierTrunk + "/catch-all",
                    "{\"destination\":{\"trunk\":\"" + pbxTrunk + "\"}}");
            assertThat(set.status()).as(set.body()).isEqualTo(201);
            pbx.serve("uas-answer-expect-bye.xml", 1);
            String number = Provision.uniqueUsNumber();

            assertThat(carrier.call("uac-call-and-hang-up.xml", SIP, number, "+12125550144", 1))
                    .as(carrier.messages()).isZero();
            // Another carrier's calls to the same number are not caught.
            assertThat(otherCarrier.call("uac-expect-404.xml", SIP, number, "+12125550145", 1))
                    .as(otherCarrier.messages()).isZero();

            assertThat(pbx.await(20)).as(pbx.messages()).isZero();
            assertThat(pbx.messages()).contains("INVITE sip:" + number + "@");
            assertThat(Cdrs.of(api).forNumber("+12125550144").getString("outboundTrunk")).isEqualTo(pbxTrunk);
        }
    }
}
