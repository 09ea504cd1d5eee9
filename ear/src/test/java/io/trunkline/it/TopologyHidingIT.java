package io.trunkline.it;

import org.junit.jupiter.api.Test;

import javax.json.JsonObject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Topology hiding on both legs with the header allow-list of the test server (TRUNKLINE_SIP_HEADER_ALLOW=
 * X-Customer-Id,X-Campaign-*): each sipp names its internal hosts in Record-Route, Via, User-Agent/Server,
 * Organization, Warning, Reply-To, Alert-Info, Call-Info and an unlisted X- header; the other sipp fails its call
 * if any of it arrives (ereg check_it_inverse) or if an allow-listed header is missing (check_it).
 */
class TopologyHidingIT extends InServerTest {
    private static final int SIP = TrunklineApi.SIP_PORT;
    private final TrunklineApi api = new TrunklineApi();
    private final Provision provision = new Provision(api);

    @Test
    void internalHostsStayOnTheirLegAndAllowListedHeadersCross() throws Exception {
        try (Sipp pbx = Sipp.onLoopback(); Sipp carrier = Sipp.onLoopback()) {
            String did = Provision.uniqueUsNumber();
            String carrierTrunk = provision.trunk("carrier", "CARRIER", carrier.sipPort);
            provision.did(did, carrierTrunk, provision.trunk("pbx", "PBX", pbx.sipPort));

            pbx.serve("uas-topology-leaky-callee.xml", 1);
            int callerExit = carrier.call("uac-topology-leaky-caller.xml", SIP, did, "+14155550401", 1);

            Sipp.assertAllEnded(callerExit, carrier, pbx);
            JsonObject cdr = Cdrs.of(api).forNumber(did);
            String seenByCallee = pbx.messages();
            assertThat(seenByCallee).contains(cdr.getString("outboundCallId"));
            assertThat(seenByCallee).doesNotContain(cdr.getString("inboundCallId"));
            assertThat(seenByCallee).doesNotContain("127.0.0.1:" + carrier.sipPort);
            assertThat(carrier.messages()).doesNotContain(cdr.getString("outboundCallId"));
            assertThat(carrier.messages()).doesNotContain("127.0.0.1:" + pbx.sipPort);
        }
    }
}
