package io.trunkline.it;

import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-trunk limits as a carrier sees them: a call over the channel or call-rate limit gets 503 with Retry-After,
 * and a channel is free again as soon as the call holding it ends, whichever way it ends.
 */
class TrunkLimitsIT extends InServerTest {
    private static final int SIP = TrunklineApi.SIP_PORT;
    private final TrunklineApi api = new TrunklineApi();
    private final Provision provision = new Provision(api);

    @Test
    void secondConcurrentCallOverTheChannelLimitGets503WithRetryAfter() throws Exception {
        try (Sipp pbx = Sipp.onLoopback(); Sipp first = Sipp.onLoopback(); Sipp second = Sipp.onLoopback()) {
            String carrier = provision.carrierWithLimits("{\"maxInboundChannels\":1}", first.sipPort, second.sipPort);
            String did = Provision.uniqueUsNumber();
            provision.did(did, carrier, provision.trunk("pbx", "PBX", pbx.sipPort));
            pbx.serve("uas-answer-expect-bye.xml", 2);

            first.startCalls("uac-call-talk-3s-hang-up.xml", SIP, did, "+14155550120", 1, 1);
            Eventually.await("the first call to be answered", Duration.ofSeconds(10), pbx::messages,
                    log -> log.contains("ACK sip:"));
            assertThat(second.call("uac-expect-503.xml", SIP, did, "+14155550121", 1)).as(second.messages()).isZero();
            assertThat(second.messages()).contains("Trunk Channel Limit Reached", "Retry-After: 5");
            assertThat(Eventually.await("the refused call's CDR", Duration.ofSeconds(10),
                    () -> Cdrs.of(api).count(did, "TRUNK_LIMIT"), n -> n > 0)).isEqualTo(1);

            assertThat(first.await(20)).as(first.messages()).isZero();
            // The channel is free again: the same trunk's next call goes through.
            try (Sipp third = Sipp.onLoopback()) {
                api.put("/api/v1/trunks/" + carrier, "{\"role\":\"CARRIER\",\"gateways\":[{\"host\":\"127.0.0.1\","
                        + "\"port\":" + third.sipPort + "}],\"limits\":{\"maxInboundChannels\":1}}");
                assertThat(third.call("uac-call-and-hang-up.xml", SIP, did, "+14155550122", 1))
                        .as(third.messages()).isZero();
            }
            assertThat(pbx.await(20)).as(pbx.messages()).isZero();
        }
    }

    @Test
    void aBusyCallGivesItsChannelBack() throws Exception {
        try (Sipp busyPbx = Sipp.onLoopback(); Sipp carrier = Sipp.onLoopback()) {
            String carrierTrunk = provision.carrierWithLimits("{\"maxChannels\":1}", carrier.sipPort);
            String did = Provision.uniqueUsNumber();
            provision.did(did, carrierTrunk, provision.trunk("pbx", "PBX", busyPbx.sipPort));
            busyPbx.serve("uas-reject-486.xml", 3);

            // Three busy calls in a row on a one-channel trunk: each must find the channel free, not 503.
            for (int i = 0; i < 3; i++) {
                assertThat(carrier.call("uac-expect-486.xml", SIP, did, "+14155550123", 1))
                        .as(carrier.messages()).isZero();
            }
            assertThat(busyPbx.await(20)).as(busyPbx.messages()).isZero();
            assertThat(Eventually.await("the busy calls' CDRs", Duration.ofSeconds(10),
                    () -> Cdrs.of(api).count(did, "CALLEE_BUSY"), n -> n == 3)).isEqualTo(3);
        }
    }

    @Test
    void callsAboveTheCallRateLimitAreRefused() throws Exception {
        try (Sipp pbx = Sipp.onLoopback(); Sipp carrier = Sipp.onLoopback()) {
            String carrierTrunk = provision.carrierWithLimits("{\"maxInboundCallsPerSecond\":2}", carrier.sipPort);
            String did = Provision.uniqueUsNumber();
            provision.did(did, carrierTrunk, provision.trunk("pbx", "PBX", pbx.sipPort));
            pbx.serve("uas-answer-expect-bye.xml", 10);

            // 10 calls at 20 per second: about the first 2-3 fit the bucket, the rest are over the limit.
            carrier.startCalls("uac-call-and-hang-up.xml", SIP, did, "+14155550124", 10, 20).await(60);

            long refused = Eventually.await("CDRs of all 10 calls", Duration.ofSeconds(15),
                    () -> count(did, null), n -> n == 10) - count(did, 200);
            assertThat(refused).isBetween(5L, 8L);
            assertThat(count(did, 503)).isEqualTo(refused);
            assertThat(Cdrs.of(api).count(did, "TRUNK_LIMIT")).isEqualTo(refused);
            assertThat(Cdrs.of(api).count(did, "NORMAL_CLEARING")).isEqualTo(10 - refused);
        }
    }

    /**
     * An inbound call-rate limit refuses the excess of an inbound burst with 503 and Retry-After: 1, and leaves a
     * burst of outbound calls on the same trunk, at the same time, alone: the directions have buckets of their own.
     */
    @Test
    void theInboundCallRateLimitRefusesAnInboundBurstButNotOutboundCalls() throws Exception {
        try (Sipp pbxCallee = Sipp.onLoopback(); Sipp pbxCaller = Sipp.onLoopback();
             Sipp carrierCaller = Sipp.onLoopback(); Sipp carrierGateway = Sipp.onLoopback()) {
            String carrier = provision.carrierWithLimits("{\"maxInboundCallsPerSecond\":1}", carrierCaller.sipPort,
                    carrierGateway.sipPort);
            String did = Provision.uniqueUsNumber();
            provision.did(did, carrier, provision.pbxWithGateways(null, pbxCallee.sipPort, pbxCaller.sipPort));
            String outbound = "+44207947" + (1000 + ThreadLocalRandom.current().nextInt(9000));
            provision.route(outbound.substring(1), carrier);
            pbxCallee.serve("uas-answer-expect-bye.xml", 5);
            carrierGateway.serve("uas-answer-expect-bye.xml", 5);

            pbxCaller.startCalls("uac-call-and-hang-up.xml", SIP, outbound, "+14155550125", 5, 20);
            carrierCaller.startCalls("uac-call-and-hang-up.xml", SIP, did, "+14155550126", 5, 20).await(60);

            assertThat(pbxCaller.await(60)).as(pbxCaller.messages()).isZero();
            assertThat(carrierGateway.await(20)).as(carrierGateway.messages()).isZero();
            assertThat(count(outbound, 200)).isEqualTo(5);
            long refused = Eventually.await("CDRs of all 5 inbound calls", Duration.ofSeconds(15),
                    () -> count(did, null), n -> n == 5) - count(did, 200);
            // 5 calls meant for 0.25 s: 1 token at once; a loaded machine spreading them over 2 s earns 2 more.
            assertThat(refused).isBetween(2L, 4L);
            assertThat(count(did, 503)).isEqualTo(refused);
            assertThat(carrierCaller.messages()).contains("Trunk Call Rate Limit Reached", "Retry-After: 1");
        }
    }

    private long count(String number, Integer status) throws Exception {
        String query = "/api/v1/cdrs?size=1&number=" + URLEncoder.encode(number, StandardCharsets.UTF_8)
                + (status == null ? "" : "&status=" + status);
        return api.get(query).json().getJsonNumber("total").longValue();
    }
}
