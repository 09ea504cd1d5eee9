package io.trunkline.it;

import org.junit.jupiter.api.Test;

import javax.json.JsonObject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session timers (RFC 4028) through Trunkline with real sipp peers: an interval below the minimum is refused with
 * 422 and Min-SE, and a call whose refresher goes silent is ended by Trunkline with BYE on both legs, the CDR naming
 * Trunkline as the party that hung up.
 */
class SessionTimerIT {
    private static final int SIP = TrunklineApi.SIP_PORT;
    private final TrunklineApi api = new TrunklineApi();
    private final Provision provision = new Provision(api);

    @Test
    void anIntervalBelowTheMinimumIsRefusedWith422NamingMinSe() throws Exception {
        try (Sipp pbx = Sipp.onLoopback(); Sipp carrier = Sipp.onLoopback()) {
            String did = callFromCarrierToPbx(carrier, pbx);

            int callerExit = carrier.call("uac-session-interval-too-small.xml", SIP, did, "+14155550301", 1);

            assertThat(callerExit).as(carrier.messages()).isZero();
            JsonObject cdr = Cdrs.of(api).forNumber(did);
            assertThat(cdr.getInt("finalStatus")).isEqualTo(422);
            assertThat(cdr.getString("hangupParty")).isEqualTo("TRUNKLINE");
        }
    }

    @Test
    void sessionTimerExpiryEndsBothLegsWhenNobodyRefreshes() throws Exception {
        try (Sipp pbx = Sipp.onLoopback().patient(110); Sipp carrier = Sipp.onLoopback().patient(110)) {
            String did = callFromCarrierToPbx(carrier, pbx);

            pbx.serve("uas-session-timer-expiry.xml", 1);
            // Session-Expires 90: the BYE comes at 90 - min(32, 90/3) = 60 s (RFC 4028 §10).
            int callerExit = carrier.startCalls("uac-session-timer-expiry.xml", SIP, did, "+14155550302", 1, 1)
                    .await(110);

            assertThat(callerExit).as(carrier.messages()).isZero();
            assertThat(pbx.await(20)).as(pbx.messages()).isZero();
            JsonObject cdr = Cdrs.of(api).forNumber(did);
            assertThat(cdr.getString("hangupParty")).isEqualTo("TRUNKLINE");
            assertThat(cdr.getInt("finalStatus")).isEqualTo(200);
            assertThat(cdr.getJsonNumber("durationMillis").longValue()).isBetween(55_000L, 80_000L);
        }
    }

    private String callFromCarrierToPbx(Sipp carrier, Sipp pbx) throws Exception {
        String did = Provision.uniqueUsNumber();
        String carrierTrunk = provision.trunk("carrier", "CARRIER", carrier.sipPort);
        provision.did(did, carrierTrunk, provision.trunk("pbx", "PBX", pbx.sipPort));
        return did;
    }
}
