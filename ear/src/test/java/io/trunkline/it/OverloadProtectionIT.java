package io.trunkline.it;

import io.trunkline.it.TrunklineApi.Reply;
import org.junit.jupiter.api.Test;

import javax.json.JsonObject;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Past capacity, as a carrier meets it: a burst of calls far above what two cores carry gets a share of its calls
 * refused at once with "503 Server Overloaded", the others are answered, few are left without an answer, and
 * once the burst is over the server admits every call again by itself. Without protection (README, Overload
 * protection) half the calls of a smaller burst went unanswered, and answered ones died for want of their ACK.
 */
class OverloadProtectionIT extends InServerTest {
    private static final int SIP = TrunklineApi.SIP_PORT;
    /** Well past the ~1,800 calls/s the full path carries on two cores, whatever else the machine does. */
    private static final int BURST_RATE = 3000;
    private static final int BURST_CALLS = 15_000;
    private final TrunklineApi api = new TrunklineApi();
    private final Provision provision = new Provision(api);

    @Test
    void aBurstPastCapacityIsPartlyRefused503AndTheRestAnsweredThenEveryCallIsAdmittedAgain() throws Exception {
        JsonObject before = overload();
        assertThat(before.getString("state")).isEqualTo("NORMAL");
        assertThat(before.getInt("targetDelayMs")).isEqualTo(250);
        assertThat(Instant.parse(before.getString("lastProbeAt")))
                .as("the probe runs ten times a second").isAfter(Instant.now().minusSeconds(5));
        long refusedBefore = before.getJsonNumber("callsRefused").longValue();

        try (Sipp pbx = Sipp.onLoopback().untraced().patient(150);
             Sipp carrier = Sipp.onLoopback().untraced().patient(150).withOpenCallsUpTo(BURST_CALLS)) {
            String did = Provision.uniqueUsNumber();
            provision.did(did, provision.trunk("overload-carrier", "CARRIER", carrier.sipPort),
                    provision.trunk("overload-pbx", "PBX", pbx.sipPort));
            // Twice the calls: sipp counts each Call-ID, and a retransmitted INVITE's could end it early.
            pbx.serve("uas-answer-expect-bye.xml", BURST_CALLS * 2);

            carrier.startCalls("uac-call-or-overload-503.xml", SIP, did, "+14155550140", BURST_CALLS, BURST_RATE)
                    .await(150);

            Sipp.Totals totals = carrier.totals();
            long refused = overload().getJsonNumber("callsRefused").longValue() - refusedBefore;
            assertThat(refused).as("calls refused 503 by overload protection").isPositive();
            // Every call is either answered or refused with the right status and reason, but some time out in the
            // burst's first seconds, before shedding has caught up on a freshly started server: 1-4 % measured
            // here. Without protection a burst of this size left nine in ten callers without an answer.
            assertThat(totals.failed()).as(totals.toString()).isLessThan(BURST_CALLS / 5);
            assertThat(Eventually.await("CDRs of calls answered during the burst", Duration.ofSeconds(30),
                    () -> Cdrs.of(api).count(did, "NORMAL_CLEARING"), n -> n > 0)).isPositive();
        }

        assertThat(Eventually.await("protection to stand down", Duration.ofSeconds(60),
                () -> overload().getString("state"), "NORMAL"::equals)).isEqualTo("NORMAL");
        assertThat(api.get("/").body()).contains("<h2>Overload protection</h2>", "Normal: requests take",
                "new calls refused since the server started");
        try (Sipp pbx = Sipp.onLoopback(); Sipp carrier = Sipp.onLoopback()) {
            String did = Provision.uniqueUsNumber();
            provision.did(did, provision.trunk("after-carrier", "CARRIER", carrier.sipPort),
                    provision.trunk("after-pbx", "PBX", pbx.sipPort));
            pbx.serve("uas-answer-expect-bye.xml", 1);
            Sipp.assertAllEnded(carrier.call("uac-call-and-hang-up.xml", SIP, did, "+14155550141", 1), carrier, pbx);
        }
    }

    private JsonObject overload() throws Exception {
        Reply reply = api.get("/api/v1/overload");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }
}
