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
 * Outbound least-cost routing with real sipp carriers: a route with two candidate carrier trunks, each with a rate
 * deck; the cheaper one carries the call unless it is at its channel limit or its gateway fails, then the other
 * one does. Each test dials a number of its own whose full digits are the route's prefix, so no other test's route
 * can match it.
 */
class LeastCostRoutingIT extends InServerTest {
    private static final int SIP = TrunklineApi.SIP_PORT;
    private final TrunklineApi api = new TrunklineApi();
    private final Provision provision = new Provision(api);

    @Test
    void theCarrierWithTheCheaperRateCarriesTheCall() throws Exception {
        try (Sipp pbx = Sipp.onLoopback(); Sipp cheap = Sipp.onLoopback(); Sipp dear = Sipp.onLoopback()) {
            provision.trunk("pbx", "PBX", pbx.sipPort);
            String dearTrunk = carrierWithRate(dear.sipPort, "0.0300", null);
            String cheapTrunk = carrierWithRate(cheap.sipPort, "0.0100", null);
            String number = uniqueLondonNumber();
            route(number, null, dearTrunk, cheapTrunk); // configured dearest first: price decides, not order
            cheap.serve("uas-answer-expect-bye.xml", 1);
            dear.serve("uas-answer-expect-bye.xml", 1);
            String caller = Provision.uniqueUsNumber();

            int callerExit = pbx.call("uac-call-and-hang-up.xml", SIP, number, caller, 1);

            Sipp.assertAllEnded(callerExit, pbx, cheap);
            assertThat(dear.messages()).doesNotContain("INVITE sip:");
            JsonObject cdr = Cdrs.of(api).forNumber(caller);
            assertThat(cdr.getString("outboundTrunk")).isEqualTo(cheapTrunk);
            assertThat(cdr.getInt("finalStatus")).isEqualTo(200);
            assertThat(cheap.messages()).contains(cdr.getString("outboundCallId"));
        }
    }

    @Test
    void whenTheCheaperCarrierIsAtItsChannelLimitTheOtherCarriesTheCall() throws Exception {
        try (Sipp pbx1 = Sipp.onLoopback(); Sipp pbx2 = Sipp.onLoopback(); Sipp cheap = Sipp.onLoopback();
             Sipp dear = Sipp.onLoopback()) {
            provision.pbxWithGateways(null, pbx1.sipPort, pbx2.sipPort);
            String cheapTrunk = carrierWithRate(cheap.sipPort, "0.0100", "{\"maxOutboundChannels\":1}");
            String dearTrunk = carrierWithRate(dear.sipPort, "0.0300", null);
            String number = uniqueLondonNumber();
            route(number, null, cheapTrunk, dearTrunk);
            cheap.serve("uas-answer-expect-bye.xml", 2);
            dear.serve("uas-answer-expect-bye.xml", 1);

            String first = Provision.uniqueUsNumber();
            pbx1.startCalls("uac-call-talk-3s-hang-up.xml", SIP, number, first, 1, 1);
            Eventually.await("the first call to be answered", Duration.ofSeconds(10), cheap::messages,
                    log -> log.contains("ACK sip:"));
            String second = Provision.uniqueUsNumber();
            Sipp.assertAllEnded(pbx2.call("uac-call-and-hang-up.xml", SIP, number, second, 1), pbx2, dear);
            assertThat(Cdrs.of(api).forNumber(second).getString("outboundTrunk")).isEqualTo(dearTrunk);

            assertThat(pbx1.await(20)).as(pbx1.messages()).isZero();
            assertThat(Cdrs.of(api).forNumber(first).getString("outboundTrunk")).isEqualTo(cheapTrunk);
            // The cheap trunk's channel is free again, and the dear trunk's lease did not linger on it.
            String third = Provision.uniqueUsNumber();
            assertThat(pbx2.call("uac-call-and-hang-up.xml", SIP, number, third, 1)).as(pbx2.messages()).isZero();
            assertThat(cheap.await(20)).as(cheap.messages()).isZero();
            assertThat(Cdrs.of(api).forNumber(third).getString("outboundTrunk")).isEqualTo(cheapTrunk);
        }
    }

    @Test
    void whenTheCheaperCarriersGatewayAnswers503TheNextCarrierCarriesTheCall() throws Exception {
        try (Sipp pbx = Sipp.onLoopback(); Sipp cheap = Sipp.onLoopback(); Sipp dear = Sipp.onLoopback()) {
            provision.trunk("pbx", "PBX", pbx.sipPort);
            String cheapTrunk = carrierWithRate(cheap.sipPort, "0.0100", null);
            String dearTrunk = carrierWithRate(dear.sipPort, "0.0300", null);
            String number = uniqueLondonNumber();
            route(number, null, cheapTrunk, dearTrunk);
            cheap.serve("uas-reject-503.xml", 1);
            dear.serve("uas-answer-expect-bye.xml", 1);
            String caller = Provision.uniqueUsNumber();

            assertThat(pbx.call("uac-call-and-hang-up.xml", SIP, number, caller, 1)).as(pbx.messages()).isZero();

            assertThat(cheap.await(20)).as(cheap.messages()).isZero();
            assertThat(dear.await(20)).as(dear.messages()).isZero();
            assertThat(pbx.messages()).doesNotContain("SIP/2.0 503");
            JsonObject cdr = Cdrs.of(api).forNumber(caller);
            assertThat(cdr.getString("outboundTrunk")).isEqualTo(dearTrunk);
            assertThat(cdr.getInt("finalStatus")).isEqualTo(200);
            assertThat(dear.messages()).contains(cdr.getString("outboundCallId"));
        }
    }

    @Test
    void whenTheCheaperCarriersGatewayIsSilentTheNextCarrierCarriesTheCallAfterTheSetupTimeout() throws Exception {
        // A bound socket that never answers: datagrams to it vanish, as with a dead carrier box.
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             Sipp pbx = Sipp.onLoopback(); Sipp dear = Sipp.onLoopback()) {
            provision.trunk("pbx", "PBX", pbx.sipPort);
            String cheapTrunk = carrierWithRate(silent.getLocalPort(), "0.0100", null);
            TrunklineApi.Reply patience = api.put("/api/v1/trunks/" + cheapTrunk, "{\"role\":\"CARRIER\","
                    + "\"gateways\":[{\"host\":\"127.0.0.1\",\"port\":" + silent.getLocalPort() + "}],"
                    + "\"failover\":{\"setupTimeoutMillis\":800}}");
            assertThat(patience.status()).as(patience.body()).isEqualTo(200);
            String dearTrunk = carrierWithRate(dear.sipPort, "0.0300", null);
            String number = uniqueLondonNumber();
            route(number, null, cheapTrunk, dearTrunk);
            dear.serve("uas-answer-expect-bye.xml", 1);
            String caller = Provision.uniqueUsNumber();

            assertThat(pbx.call("uac-call-and-hang-up.xml", SIP, number, caller, 1)).as(pbx.messages()).isZero();

            assertThat(dear.await(20)).as(dear.messages()).isZero();
            JsonObject cdr = Cdrs.of(api).forNumber(caller);
            assertThat(cdr.getString("outboundTrunk")).isEqualTo(dearTrunk);
            assertThat(Duration.between(Instant.parse(cdr.getString("invitedAt")),
                    Instant.parse(cdr.getString("answeredAt")))).isGreaterThanOrEqualTo(Duration.ofMillis(800));
        }
    }

    @Test
    void whenEveryCandidateFailsTheCallerGetsTheLastFailure() throws Exception {
        try (Sipp pbx = Sipp.onLoopback(); Sipp cheap = Sipp.onLoopback(); Sipp dear = Sipp.onLoopback()) {
            provision.trunk("pbx", "PBX", pbx.sipPort);
            String cheapTrunk = carrierWithRate(cheap.sipPort, "0.0100", null);
            String dearTrunk = carrierWithRate(dear.sipPort, "0.0300", null);
            String number = uniqueLondonNumber();
            route(number, null, cheapTrunk, dearTrunk);
            cheap.serve("uas-reject-503.xml", 1);
            dear.serve("uas-reject-503.xml", 1);
            String caller = Provision.uniqueUsNumber();

            assertThat(pbx.call("uac-expect-503.xml", SIP, number, caller, 1)).as(pbx.messages()).isZero();

            assertThat(cheap.await(20)).as(cheap.messages()).isZero();
            assertThat(dear.await(20)).as(dear.messages()).isZero();
            JsonObject cdr = Cdrs.of(api).forNumber(caller);
            assertThat(cdr.getInt("finalStatus")).isEqualTo(503);
            assertThat(cdr.getString("outboundTrunk")).isEqualTo(dearTrunk);
            assertThat(cdr.getString("endCause")).isEqualTo("GATEWAY_FAILURE");
        }
    }

    @Test
    void whenEveryCandidateIsAtItsLimitTheCallerGets503WithRetryAfter() throws Exception {
        try (Sipp pbx1 = Sipp.onLoopback(); Sipp pbx2 = Sipp.onLoopback(); Sipp carrier = Sipp.onLoopback()) {
            provision.pbxWithGateways(null, pbx1.sipPort, pbx2.sipPort);
            String full = carrierWithRate(carrier.sipPort, "0.0100", "{\"maxOutboundChannels\":1}");
            String number = uniqueLondonNumber();
            route(number, null, full);
            carrier.serve("uas-answer-expect-bye.xml", 1);

            pbx1.startCalls("uac-call-talk-3s-hang-up.xml", SIP, number, Provision.uniqueUsNumber(), 1, 1);
            Eventually.await("the first call to be answered", Duration.ofSeconds(10), carrier::messages,
                    log -> log.contains("ACK sip:"));
            String refused = Provision.uniqueUsNumber();
            assertThat(pbx2.call("uac-expect-503.xml", SIP, number, refused, 1)).as(pbx2.messages()).isZero();

            assertThat(pbx2.messages()).contains("Trunk Channel Limit Reached", "Retry-After: 5");
            JsonObject cdr = Cdrs.of(api).forNumber(refused);
            assertThat(cdr.getInt("finalStatus")).isEqualTo(503);
            assertThat(cdr.getString("outboundTrunk")).isEqualTo(full);
            assertThat(cdr.getString("hangupParty")).isEqualTo("TRUNKLINE");
            assertThat(cdr.getString("endCause")).isEqualTo("TRUNK_LIMIT");
            assertThat(pbx1.await(20)).as(pbx1.messages()).isZero();
            assertThat(carrier.await(20)).as(carrier.messages()).isZero();
        }
    }

    @Test
    void aTenantRouteIsChosenForItsPbxOnly() throws Exception {
        try (Sipp tenantPbx = Sipp.onLoopback(); Sipp otherPbx = Sipp.onLoopback(); Sipp generic = Sipp.onLoopback();
             Sipp tenantCarrier = Sipp.onLoopback()) {
            String tenant = provision.trunk("pbx-tenant", "PBX", tenantPbx.sipPort);
            provision.trunk("pbx-other", "PBX", otherPbx.sipPort);
            String genericTrunk = carrierWithRate(generic.sipPort, "0.0100", null);
            String tenantTrunk = carrierWithRate(tenantCarrier.sipPort, "0.0300", null);
            String number = uniqueLondonNumber();
            route(number, null, genericTrunk);
            // A shorter prefix than the generic route's would lose to it; the same prefix wins for the tenant.
            route(number, tenant, tenantTrunk);
            generic.serve("uas-answer-expect-bye.xml", 1);
            tenantCarrier.serve("uas-answer-expect-bye.xml", 1);
            String fromTenant = Provision.uniqueUsNumber();
            String fromOther = Provision.uniqueUsNumber();

            assertThat(tenantPbx.call("uac-call-and-hang-up.xml", SIP, number, fromTenant, 1))
                    .as(tenantPbx.messages()).isZero();
            assertThat(otherPbx.call("uac-call-and-hang-up.xml", SIP, number, fromOther, 1))
                    .as(otherPbx.messages()).isZero();

            assertThat(tenantCarrier.await(20)).as(tenantCarrier.messages()).isZero();
            assertThat(generic.await(20)).as(generic.messages()).isZero();
            assertThat(Cdrs.of(api).forNumber(fromTenant).getString("outboundTrunk")).isEqualTo(tenantTrunk);
            assertThat(Cdrs.of(api).forNumber(fromOther).getString("outboundTrunk")).isEqualTo(genericTrunk);
        }
    }

    /** A London number; its 12 digits make a route prefix no other test uses. */
    private static String uniqueLondonNumber() {
        return "+44207946" + (1000 + ThreadLocalRandom.current().nextInt(9000));
    }

    private String carrierWithRate(int port, String pricePerMinute, String limitsJson) throws Exception {
        String name = Provision.uniqueName("carrier");
        TrunklineApi.Reply created = api.post("/api/v1/trunks", "{\"name\":\"" + name + "\",\"role\":\"CARRIER\","
                + "\"gateways\":[{\"host\":\"127.0.0.1\",\"port\":" + port + "}]"
                + (limitsJson == null ? "" : ",\"limits\":" + limitsJson) + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        TrunklineApi.Reply deck = api.putCsv("/api/v1/trunks/" + name + "/rates",
                "prefix,price\n1,0.0050\n44," + pricePerMinute + "\n");
        assertThat(deck.status()).as(deck.body()).isEqualTo(200);
        return name;
    }

    private void route(String number, String fromTrunk, String... trunks) throws Exception {
        StringBuilder candidates = new StringBuilder();
        for (String trunk : trunks) {
            candidates.append(candidates.length() == 0 ? "" : ",").append('"').append(trunk).append('"');
        }
        TrunklineApi.Reply reply = api.put("/api/v1/routes/" + number.substring(1)
                        + (fromTrunk == null ? "" : "?fromTrunk=" + fromTrunk),
                "{\"trunks\":[" + candidates + "]}");
        assertThat(reply.status()).as(reply.body()).isIn(200, 201);
    }
}
