package io.trunkline.it;

import org.junit.jupiter.api.Test;

import javax.json.JsonObject;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A channel is given back however the call holding it ends. Each test ends a call one way on trunks that carry one
 * call at a time ({@code maxChannels: 1} on the carrier it arrives on and on the PBX it leaves on), then places the
 * next call on the same trunks: it goes through only if both channels were freed.
 */
class TrunkLimitLifecycleIT extends InServerTest {
    private static final int SIP = TrunklineApi.SIP_PORT;
    private static final String ONE_CHANNEL = "{\"maxChannels\":1}";
    private final TrunklineApi api = new TrunklineApi();
    private final Provision provision = new Provision(api);

    @Test
    void aCallCancelledBeforeTheAnswerGivesItsChannelsBack() throws Exception {
        try (Sipp pbx = Sipp.onLoopback(); Sipp carrier = Sipp.onLoopback()) {
            String did = oneChannelCall(carrier.sipPort, pbx.sipPort, null).did();
            pbx.serve("uas-ring-expect-cancel.xml", 1);

            assertThat(carrier.call("uac-cancel-before-answer.xml", SIP, did, "+14155550130", 1))
                    .as(carrier.messages()).isZero();
            assertThat(pbx.await(20)).as(pbx.messages()).isZero();
            assertThat(Cdrs.of(api).forNumber(did).getInt("finalStatus")).isEqualTo(487);

            assertNextCallGoesThrough(carrier, pbx, did);
        }
    }

    @Test
    void aCallTheCalleeHangsUpGivesItsChannelsBack() throws Exception {
        try (Sipp pbx = Sipp.onLoopback(); Sipp carrier = Sipp.onLoopback()) {
            String did = oneChannelCall(carrier.sipPort, pbx.sipPort, null).did();
            pbx.serve("uas-answer-then-hang-up.xml", 1);

            assertThat(carrier.call("uac-call-expect-bye.xml", SIP, did, "+14155550131", 1))
                    .as(carrier.messages()).isZero();
            assertThat(pbx.await(20)).as(pbx.messages()).isZero();
            assertThat(Cdrs.of(api).forNumber(did).getString("hangupParty")).isEqualTo("CALLEE");

            assertNextCallGoesThrough(carrier, pbx, did);
        }
    }

    @Test
    void aCallTheCalleeFailsWith500GivesItsChannelsBack() throws Exception {
        try (Sipp pbx = Sipp.onLoopback(); Sipp carrier = Sipp.onLoopback()) {
            String did = oneChannelCall(carrier.sipPort, pbx.sipPort, null).did();
            pbx.serve("uas-reject-500.xml", 1);

            assertThat(carrier.call("uac-expect-500.xml", SIP, did, "+14155550132", 1))
                    .as(carrier.messages()).isZero();
            assertThat(pbx.await(20)).as(pbx.messages()).isZero();
            assertThat(Cdrs.of(api).forNumber(did).getInt("finalStatus")).isEqualTo(500);

            assertNextCallGoesThrough(carrier, pbx, did);
        }
    }

    @Test
    void aCallWhoseGatewayNeverAnswersFailsWith408AndGivesItsChannelsBack() throws Exception {
        // A bound socket that never answers: the setup timeout (800 ms) gives up on it, and there is no other.
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             Sipp pbx = Sipp.onLoopback(); Sipp carrier = Sipp.onLoopback()) {
            OneChannelCall call = oneChannelCall(carrier.sipPort, silent.getLocalPort(),
                    "{\"setupTimeoutMillis\":800}");

            assertThat(carrier.call("uac-expect-408.xml", SIP, call.did(), "+14155550133", 1))
                    .as(carrier.messages()).isZero();
            assertThat(Cdrs.of(api).forNumber(call.did()).getInt("finalStatus")).isEqualTo(408);

            // The PBX is back (same trunk, same limits): the channels of the failed call must be free.
            TrunklineApi.Reply back = api.put("/api/v1/trunks/" + call.pbxTrunk(), pbxJson(pbx.sipPort, null));
            assertThat(back.status()).as(back.body()).isEqualTo(200);
            assertNextCallGoesThrough(carrier, pbx, call.did());
        }
    }

    @Test
    void aCallerThatNeverAcknowledgesTheAnswerHoldsItsChannelUntilTrunklineEndsTheCall() throws Exception {
        try (Sipp pbx = Sipp.onLoopback().patient(90); Sipp carrier = Sipp.onLoopback().patient(90);
             Sipp other = Sipp.onLoopback()) {
            String did = oneChannelCall(carrier.sipPort, pbx.sipPort, null, other.sipPort).did();
            pbx.serve("uas-answer-expect-late-bye.xml", 1);

            // RFC 3261 §13.3.1.4: the 200 is retransmitted for 64*T1 = 32 s, then Trunkline sends BYE both ways.
            carrier.startCalls("uac-answered-never-acks.xml", SIP, did, "+14155550134", 1, 1);
            Eventually.await("the call to be answered", Duration.ofSeconds(10), pbx::messages,
                    log -> log.contains("SIP/2.0 200"));
            assertThat(other.call("uac-expect-503.xml", SIP, did, "+14155550135", 1)).as(other.messages()).isZero();
            assertThat(carrier.await(90)).as(carrier.messages()).isZero();
            assertThat(pbx.await(20)).as(pbx.messages()).isZero();

            assertNextCallGoesThrough(carrier, pbx, did);
        }
    }

    /** The cheaper carrier answers 503: the call moves to the dearer one and the cheaper one's channel is free. */
    @Test
    void aCallMovedToTheNextCandidateTrunkGivesTheFirstTrunksChannelBack() throws Exception {
        try (Sipp pbx1 = Sipp.onLoopback(); Sipp pbx2 = Sipp.onLoopback(); Sipp cheap = Sipp.onLoopback();
             Sipp dear = Sipp.onLoopback()) {
            provision.pbxWithGateways(null, pbx1.sipPort, pbx2.sipPort);
            String cheapTrunk = carrierWithRate(cheap.sipPort, "0.0100", ONE_CHANNEL);
            String dearTrunk = carrierWithRate(dear.sipPort, "0.0300", ONE_CHANNEL);
            String number = uniqueLondonNumber();
            route(number, cheapTrunk, dearTrunk);
            cheap.serve("uas-reject-503.xml", 1);
            dear.serve("uas-answer-expect-bye.xml", 1);

            String first = Provision.uniqueUsNumber();
            pbx1.startCalls("uac-call-talk-3s-hang-up.xml", SIP, number, first, 1, 1);
            Eventually.await("the first call to be answered by the dearer carrier", Duration.ofSeconds(10),
                    dear::messages, log -> log.contains("ACK sip:"));
            assertThat(cheap.await(20)).as(cheap.messages()).isZero();

            // While the first call is still up on the dearer trunk (now full), the cheaper one has its channel.
            cheap.serve("uas-answer-expect-bye.xml", 1);
            String second = Provision.uniqueUsNumber();
            assertThat(pbx2.call("uac-call-and-hang-up.xml", SIP, number, second, 1)).as(pbx2.messages()).isZero();
            assertThat(cheap.await(20)).as(cheap.messages()).isZero();
            assertThat(Cdrs.of(api).forNumber(second).getString("outboundTrunk")).isEqualTo(cheapTrunk);

            assertThat(pbx1.await(20)).as(pbx1.messages()).isZero();
            assertThat(dear.await(20)).as(dear.messages()).isZero();
            JsonObject firstCdr = Cdrs.of(api).forNumber(first);
            assertThat(firstCdr.getString("outboundTrunk")).isEqualTo(dearTrunk);
            assertThat(firstCdr.getInt("finalStatus")).isEqualTo(200);
        }
    }

    private void assertNextCallGoesThrough(Sipp carrier, Sipp pbx, String did) throws Exception {
        pbx.serve("uas-answer-expect-bye.xml", 1);
        String caller = Provision.uniqueUsNumber();
        assertThat(carrier.call("uac-call-and-hang-up.xml", SIP, did, caller, 1)).as(carrier.messages()).isZero();
        assertThat(pbx.await(20)).as(pbx.messages()).isZero();
        assertThat(Cdrs.of(api).forNumber(caller).getInt("finalStatus")).isEqualTo(200);
    }

    private record OneChannelCall(String did, String pbxTrunk) {
    }

    /** A DID from a one-channel carrier (gateways on the callers' ports) to a one-channel PBX. */
    private OneChannelCall oneChannelCall(int callerPort, int pbxPort, String failoverJson, int... otherCallerPorts)
            throws Exception {
        int[] callers = new int[otherCallerPorts.length + 1];
        callers[0] = callerPort;
        System.arraycopy(otherCallerPorts, 0, callers, 1, otherCallerPorts.length);
        String carrier = provision.carrierWithLimits(ONE_CHANNEL, callers);
        String pbx = Provision.uniqueName("pbx");
        TrunklineApi.Reply created = api.post("/api/v1/trunks", "{\"name\":\"" + pbx + "\","
                + pbxJson(pbxPort, failoverJson).substring(1));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String did = Provision.uniqueUsNumber();
        provision.did(did, carrier, pbx);
        return new OneChannelCall(did, pbx);
    }

    private static String pbxJson(int port, String failoverJson) {
        return "{\"role\":\"PBX\",\"defaultRegion\":\"US\",\"gateways\":[{\"host\":\"127.0.0.1\",\"port\":" + port
                + "}]" + (failoverJson == null ? "" : ",\"failover\":" + failoverJson) + ",\"limits\":" + ONE_CHANNEL
                + "}";
    }

    /** A London number; its 12 digits make a route prefix no other test uses. */
    private static String uniqueLondonNumber() {
        return "+44207946" + (1000 + ThreadLocalRandom.current().nextInt(9000));
    }

    private String carrierWithRate(int port, String pricePerMinute, String limitsJson) throws Exception {
        String name = Provision.uniqueName("carrier");
        TrunklineApi.Reply created = api.post("/api/v1/trunks", "{\"name\":\"" + name + "\",\"role\":\"CARRIER\","
                + "\"gateways\":[{\"host\":\"127.0.0.1\",\"port\":" + port + "}],\"limits\":" + limitsJson + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        TrunklineApi.Reply deck = api.putCsv("/api/v1/trunks/" + name + "/rates",
                "prefix,price\n1,0.0050\n44," + pricePerMinute + "\n");
        assertThat(deck.status()).as(deck.body()).isEqualTo(200);
        return name;
    }

    /** An outbound route for exactly this number over these candidate trunks (least cost first). */
    private void route(String number, String... trunks) throws Exception {
        String candidates = "\"" + String.join("\",\"", trunks) + "\"";
        TrunklineApi.Reply reply = api.put("/api/v1/routes/" + number.substring(1),
                "{\"trunks\":[" + candidates + "]}");
        assertThat(reply.status()).as(reply.body()).isIn(200, 201);
    }
}
