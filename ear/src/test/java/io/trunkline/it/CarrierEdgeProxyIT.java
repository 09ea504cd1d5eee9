package io.trunkline.it;

import org.junit.jupiter.api.Test;

import javax.json.JsonObject;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trunkline behind a real carrier edge proxy: kamailio Record-Routes and dispatches over two instances, one of them
 * stopped, so every call first fails over at the edge. Inbound, the edge spreads the carrier's calls over two
 * Trunkline nodes (one down) and Trunkline recognises the carrier trunk by the edge's address; outbound, Trunkline
 * sends to the edge, which spreads over two carrier gateways (one down). Because the edge Record-Routes, the ACK and
 * the BYE of either side must come back through it (RFC 3261 §12.2.1.1, §16.12): its log shows each one loose-routed.
 */
class CarrierEdgeProxyIT extends InServerTest {
    private static final int SIP = TrunklineApi.SIP_PORT;
    private final TrunklineApi api = new TrunklineApi();
    private final Provision provision = new Provision(api);

    @Test
    void carrierCallFailsOverAtTheEdgeToTheLiveNodeAndTheCarrierHangsUp() throws Exception {
        try (Sipp carrier = Sipp.onLoopback(); Sipp pbx = Sipp.onLoopback();
             Kamailio edge = Kamailio.carrierEdge(PeerPorts.dead(), SIP)) {
            Inbound call = inbound(edge, pbx);
            pbx.serve("uas-answer-expect-bye.xml", 1);

            assertThat(carrier.call("uac-behind-edge-call-and-hang-up.xml", edge.port, call.dialled(),
                    "+14155550120", 1)).as(carrier.messages()).isZero();
            assertThat(pbx.await(20)).as(pbx.messages()).isZero();
            JsonObject cdr = Cdrs.of(api).forNumber(call.did());
            assertAnsweredCall(cdr, call.carrierTrunk(), call.pbxTrunk(), "CALLER");
            assertThat(edge.log()).as("edge log")
                    .contains("failover to sip:127.0.0.1:" + SIP)
                    .contains("loose-routed ACK")
                    .contains("loose-routed BYE");
        }
    }

    @Test
    void pbxHangsUpAndTheByeReachesTheCarrierThroughTheEdge() throws Exception {
        try (Sipp carrier = Sipp.onLoopback(); Sipp pbx = Sipp.onLoopback();
             Kamailio edge = Kamailio.carrierEdge(PeerPorts.dead(), SIP)) {
            Inbound call = inbound(edge, pbx);
            pbx.serve("uas-answer-then-hang-up.xml", 1);

            assertThat(carrier.call("uac-behind-edge-call-expect-bye.xml", edge.port, call.dialled(),
                    "+14155550121", 1)).as(carrier.messages()).isZero();
            assertThat(pbx.await(20)).as(pbx.messages()).isZero();
            assertAnsweredCall(Cdrs.of(api).forNumber(call.did()), call.carrierTrunk(), call.pbxTrunk(), "CALLEE");
            // Trunkline's BYE carried the edge's Route and the carrier's Contact as Request-URI.
            assertThat(edge.log()).as("edge log")
                    .contains("loose-routed BYE to sip:+14155550121@127.0.0.1:" + carrier.sipPort);
        }
    }

    @Test
    void outboundCallFailsOverToTheLiveCarrierGatewayWhichHangsUp() throws Exception {
        try (Sipp pbx = Sipp.onLoopback(); Sipp gateway = Sipp.onLoopback();
             Kamailio edge = Kamailio.carrierEdge(PeerPorts.dead(), gateway.sipPort)) {
            Outbound call = outbound(edge, pbx);
            gateway.serve("uas-behind-edge-answer-then-hang-up.xml", 1);

            assertThat(pbx.call("uac-call-expect-bye.xml", SIP, call.dialled(), "+14155550122", 1))
                    .as(pbx.messages()).isZero();
            assertThat(gateway.await(20)).as(gateway.messages()).isZero();
            assertAnsweredCall(Cdrs.of(api).forNumber(call.dialled()), call.pbxTrunk(), call.carrierTrunk(), "CALLEE");
            assertThat(edge.log()).as("edge log")
                    .contains("failover to sip:127.0.0.1:" + gateway.sipPort)
                    .contains("loose-routed ACK to sip:gateway@127.0.0.1:" + gateway.sipPort)
                    .contains("loose-routed BYE");
        }
    }

    @Test
    void pbxHangsUpAnOutboundCallAndTheByeReachesTheGatewayThroughTheEdge() throws Exception {
        try (Sipp pbx = Sipp.onLoopback(); Sipp gateway = Sipp.onLoopback();
             Kamailio edge = Kamailio.carrierEdge(PeerPorts.dead(), gateway.sipPort)) {
            Outbound call = outbound(edge, pbx);
            gateway.serve("uas-behind-edge-answer-expect-bye.xml", 1);

            assertThat(pbx.call("uac-call-and-hang-up.xml", SIP, call.dialled(), "+14155550123", 1))
                    .as(pbx.messages()).isZero();
            assertThat(gateway.await(20)).as(gateway.messages()).isZero();
            assertAnsweredCall(Cdrs.of(api).forNumber(call.dialled()), call.pbxTrunk(), call.carrierTrunk(), "CALLER");
            assertThat(edge.log()).as("edge log")
                    .contains("loose-routed ACK to sip:gateway@127.0.0.1:" + gateway.sipPort)
                    .contains("loose-routed BYE to sip:gateway@127.0.0.1:" + gateway.sipPort);
        }
    }

    private record Inbound(String did, String dialled, String carrierTrunk, String pbxTrunk) {
    }

    private record Outbound(String dialled, String pbxTrunk, String carrierTrunk) {
    }

    /** A DID on a carrier trunk whose only gateway is the edge (calls are recognised by its address), to the PBX. */
    private Inbound inbound(Kamailio edge, Sipp pbx) throws Exception {
        String did = Provision.uniqueUsNumber();
        String carrierTrunk = provision.trunk("carrier-edge", "CARRIER", edge.port);
        String pbxTrunk = provision.trunk("pbx", "PBX", pbx.sipPort);
        provision.did(did, carrierTrunk, pbxTrunk);
        return new Inbound(did, did.substring(2), carrierTrunk, pbxTrunk); // the carrier dials in national format
    }

    /** A Berlin number routed (on a prefix of its own) to a carrier trunk whose only gateway is the edge. */
    private Outbound outbound(Kamailio edge, Sipp pbx) throws Exception {
        String prefix = "4930" + (1000 + ThreadLocalRandom.current().nextInt(9000));
        String pbxTrunk = provision.trunk("pbx", "PBX", pbx.sipPort);
        String carrierTrunk = provision.trunk("carrier-edge", "CARRIER", edge.port);
        provision.route(prefix, carrierTrunk);
        return new Outbound("+" + prefix + "1234", pbxTrunk, carrierTrunk);
    }

    private static void assertAnsweredCall(JsonObject cdr, String inboundTrunk, String outboundTrunk, String hangup) {
        assertThat(cdr.getInt("finalStatus")).isEqualTo(200);
        assertThat(cdr.getString("inboundTrunk")).isEqualTo(inboundTrunk);
        assertThat(cdr.getString("outboundTrunk")).isEqualTo(outboundTrunk);
        assertThat(cdr.getString("hangupParty")).isEqualTo(hangup);
    }
}
