package io.trunkline.it;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls over TCP and TLS, both ways: carrier to PBX and PBX to carrier, with both legs on the transport under test.
 * Debian's sipp has no TLS, so the TLS peers are sipp over TCP behind socat's TLS ({@link TlsTunnel}). Every peer has a loopback address of its own: a TCP or TLS peer connects from an ephemeral port, so it is
 * recognised by address alone, which must then belong to one trunk only.
 */
class TransportIT extends InServerTest {
    private static final int SIP = TrunklineApi.SIP_PORT;
    private static final int SIPS = Integer.getInteger("trunkline.sips.port", 15061);
    private final TrunklineApi api = new TrunklineApi();
    private final Provision provision = new Provision(api);

    @Test
    void carrierToPbxOverTcp() throws Exception {
        try (Sipp carrier = Sipp.onAddress("127.0.0.3").overTcp(); Sipp pbx = Sipp.onAddress("127.0.0.4").overTcp()) {
            String carrierTrunk = trunk("carrier", "CARRIER", "127.0.0.3", carrier.sipPort, "TCP");
            String pbxTrunk = trunk("pbx", "PBX", "127.0.0.4", pbx.sipPort, "TCP");
            String did = Provision.uniqueUsNumber();
            provision.did(did, carrierTrunk, pbxTrunk);
            pbx.serve("uas-answer-expect-bye.xml", 1);

            assertThat(carrier.call("uac-call-and-hang-up.xml", SIP, did, "+14155550160", 1))
                    .as(carrier.messages()).isZero();
            assertThat(pbx.await(20)).as(pbx.messages()).isZero();
            assertThat(pbx.messages()).contains("INVITE sip:").contains("transport=tcp");
            assertCall(did, carrierTrunk, pbxTrunk);
        }
    }

    @Test
    void pbxToCarrierOverTcp() throws Exception {
        try (Sipp pbx = Sipp.onAddress("127.0.0.5").overTcp(); Sipp carrier = Sipp.onAddress("127.0.0.6").overTcp()) {
            String pbxTrunk = trunk("pbx", "PBX", "127.0.0.5", pbx.sipPort, "TCP");
            String carrierTrunk = trunk("carrier", "CARRIER", "127.0.0.6", carrier.sipPort, "TCP");
            String prefix = "4477" + (100 + (int) (Math.random() * 800));
            provision.route(prefix, carrierTrunk);
            carrier.serve("uas-answer-expect-bye.xml", 1);

            String dialled = "+" + prefix + "12345";
            assertThat(pbx.call("uac-call-and-hang-up.xml", SIP, dialled, "+14155550161", 1))
                    .as(pbx.messages()).isZero();
            assertThat(carrier.await(20)).as(carrier.messages()).isZero();
            assertCall(dialled, pbxTrunk, carrierTrunk);
        }
    }

    @Test
    void carrierToPbxOverTls() throws Exception {
        try (Sipp carrier = Sipp.onAddress("127.0.0.7").overTcp(); Sipp pbx = Sipp.onAddress("127.0.0.8").overTcp();
             TlsTunnel carrierSide = TlsTunnel.clientFrom("127.0.0.7", carrier.sipPort + 1, SIPS);
             TlsTunnel pbxSide = TlsTunnel.serverFor(pbx.sipPort + 1, "127.0.0.8", pbx.sipPort)) {
            String carrierTrunk = trunk("carrier", "CARRIER", "127.0.0.7", carrier.sipPort, "TLS");
            String pbxTrunk = trunk("pbx", "PBX", "127.0.0.1", pbxSide.port, "TLS");
            String did = Provision.uniqueUsNumber();
            provision.did(did, carrierTrunk, pbxTrunk);
            pbx.withVariable("tls_hostport", "127.0.0.1:" + pbxSide.port)
                    .serve("uas-answer-expect-bye-behind-tls.xml", 1);

            assertThat(carrier.call("uac-call-and-hang-up.xml", carrierSide.port, did, "+14155550162", 1))
                    .as(carrier.messages()).isZero();
            assertThat(pbx.await(20)).as(pbx.messages()).isZero();
            assertThat(pbx.messages()).contains("transport=tls");
            assertTlsUsed(carrierSide, pbxSide);
            assertCall(did, carrierTrunk, pbxTrunk);
        }
    }

    @Test
    void pbxToCarrierOverTls() throws Exception {
        try (Sipp pbx = Sipp.onAddress("127.0.0.9").overTcp(); Sipp carrier = Sipp.onAddress("127.0.0.10").overTcp();
             TlsTunnel pbxSide = TlsTunnel.clientFrom("127.0.0.9", pbx.sipPort + 1, SIPS);
             TlsTunnel carrierSide = TlsTunnel.serverFor(carrier.sipPort + 1, "127.0.0.10", carrier.sipPort)) {
            String pbxTrunk = trunk("pbx", "PBX", "127.0.0.9", pbx.sipPort, "TLS");
            String carrierTrunk = trunk("carrier", "CARRIER", "127.0.0.1", carrierSide.port, "TLS");
            String prefix = "4478" + (100 + (int) (Math.random() * 800));
            provision.route(prefix, carrierTrunk);
            carrier.withVariable("tls_hostport", "127.0.0.1:" + carrierSide.port)
                    .serve("uas-answer-expect-bye-behind-tls.xml", 1);

            String dialled = "+" + prefix + "12345";
            assertThat(pbx.call("uac-call-and-hang-up.xml", pbxSide.port, dialled, "+14155550163", 1))
                    .as(pbx.messages()).isZero();
            assertThat(carrier.await(20)).as(carrier.messages()).isZero();
            assertTlsUsed(pbxSide, carrierSide);
            assertCall(dialled, pbxTrunk, carrierTrunk);
        }
    }

    /** socat logs each TLS session it sets up ("SSL connection using <cipher>"). */
    private static void assertTlsUsed(TlsTunnel... tunnels) throws Exception {
        for (TlsTunnel tunnel : tunnels) {
            assertThat(tunnel.log()).as("socat on port " + tunnel.port).contains("SSL connection using");
        }
    }

    private void assertCall(String number, String inbound, String outbound) throws Exception {
        var cdr = Cdrs.of(api).forNumber(number);
        assertThat(cdr.getInt("finalStatus")).isEqualTo(200);
        assertThat(cdr.getString("inboundTrunk")).isEqualTo(inbound);
        assertThat(cdr.getString("outboundTrunk")).isEqualTo(outbound);
    }

    private String trunk(String base, String role, String host, int port, String transport) throws Exception {
        String name = Provision.uniqueName(base);
        TrunklineApi.Reply reply = api.put("/api/v1/trunks/" + name, "{\"role\":\"" + role + "\",\"gateways\":[{"
                + "\"host\":\"" + host + "\",\"port\":" + port + ",\"transport\":\"" + transport + "\"}]}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return name;
    }
}
