package io.trunkline.it;

import org.junit.jupiter.api.Test;

import javax.json.JsonObject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session timers (RFC 4028) through Trunkline with real sipp peers: an interval below the minimum is refused with
 * 422 and Min-SE, and a call whose refresher goes silent is ended by Trunkline with BYE on both legs, the CDR naming
 * Trunkline as the party that hung up.
 */
class SessionTimerIT extends InServerTest {
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
            assertThat(cdr.getString("endCause")).isEqualTo("SESSION_INTERVAL_TOO_SMALL");
        }
    }

    /** A Session-Expires that does not read is no timer: the call goes through and the PBX is not sent it. */
    @Test
    void aMalformedSessionExpiresIsTakenAsNoTimerAndNotSentOn() throws Exception {
        try (Sipp pbx = Sipp.onLoopback(); Sipp carrier = Sipp.onLoopback()) {
            String did = callFromCarrierToPbx(carrier, pbx);
            pbx.serve("uas-expect-no-session-expires.xml", 1);

            int callerExit = carrier.call("uac-call-with-malformed-session-expires.xml", SIP, did, "+14155550305", 1);

            Sipp.assertAllEnded(callerExit, carrier, pbx);
            JsonObject cdr = Cdrs.of(api).forNumber(did);
            assertThat(cdr.getInt("finalStatus")).isEqualTo(200);
            assertThat(cdr.getString("endCause")).isEqualTo("NORMAL_CLEARING");
        }
    }

    /**
     * Three calls at once, so that the test waits for the timer only once: one never refreshes and ends 60 s after
     * its answer (Session-Expires 90: BYE at 90 - min(32, 90/3), RFC 4028 §10); in the second the caller refreshes
     * once after 30 s with UPDATE, so it must live until about 90 s; in the third the callee is the refresher and
     * refreshes once after 30 s, and the caller hangs up at 75 s, past the 60 s an unrefreshed call would last.
     */
    @Test
    void sessionTimerExpiryEndsBothLegsAndARefreshFromEitherSidePostponesIt() throws Exception {
        try (Sipp silentPbx = Sipp.onLoopback().patient(115); Sipp silentCarrier = Sipp.onLoopback().patient(115);
             Sipp refreshingPbx = Sipp.onLoopback().patient(115);
             Sipp refreshingCarrier = Sipp.onLoopback().patient(115);
             Sipp refresherPbx = Sipp.onLoopback().patient(115);
             Sipp calleeRefreshedCarrier = Sipp.onLoopback().patient(115)) {
            String silentDid = callFromCarrierToPbx(silentCarrier, silentPbx);
            String refreshingDid = callFromCarrierToPbx(refreshingCarrier, refreshingPbx);
            String calleeRefreshedDid = callFromCarrierToPbx(calleeRefreshedCarrier, refresherPbx);

            silentPbx.serve("uas-session-timer-expiry.xml", 1);
            refreshingPbx.serve("uas-session-timer-refresh-once.xml", 1);
            silentCarrier.startCalls("uac-session-timer-expiry.xml", SIP, silentDid, "+14155550302", 1, 1);
            refreshingCarrier.startCalls("uac-session-timer-refresh-once.xml", SIP, refreshingDid, "+14155550303",
                    1, 1);
            refresherPbx.serve("uas-session-timer-callee-refreshes.xml", 1);
            calleeRefreshedCarrier.startCalls("uac-session-timer-callee-refreshes.xml", SIP, calleeRefreshedDid,
                    "+14155550304", 1, 1);

            assertThat(silentCarrier.await(115)).as(silentCarrier.messages()).isZero();
            assertThat(silentPbx.await(20)).as(silentPbx.messages()).isZero();
            assertThat(refreshingCarrier.await(115)).as(refreshingCarrier.messages()).isZero();
            assertThat(refreshingPbx.await(20)).as(refreshingPbx.messages()).isZero();
            assertThat(calleeRefreshedCarrier.await(115)).as(calleeRefreshedCarrier.messages()).isZero();
            assertThat(refresherPbx.await(20)).as(refresherPbx.messages()).isZero();
            JsonObject silent = Cdrs.of(api).forNumber(silentDid);
            assertThat(silent.getString("hangupParty")).isEqualTo("TRUNKLINE");
            assertThat(silent.getInt("finalStatus")).isEqualTo(200);
            assertThat(silent.getString("endCause")).isEqualTo("SESSION_EXPIRED");
            assertThat(silent.getJsonNumber("durationMillis").longValue()).isBetween(55_000L, 75_000L);
            JsonObject refreshed = Cdrs.of(api).forNumber(refreshingDid);
            assertThat(refreshed.getString("hangupParty")).isEqualTo("TRUNKLINE");
            assertThat(refreshed.getString("endCause")).isEqualTo("SESSION_EXPIRED");
            assertThat(refreshed.getJsonNumber("durationMillis").longValue()).isBetween(85_000L, 105_000L);
            JsonObject calleeRefreshed = Cdrs.of(api).forNumber(calleeRefreshedDid);
            assertThat(calleeRefreshed.getString("hangupParty")).isEqualTo("CALLER");
            assertThat(calleeRefreshed.getString("endCause")).isEqualTo("NORMAL_CLEARING");
            assertThat(calleeRefreshed.getJsonNumber("durationMillis").longValue()).isBetween(70_000L, 85_000L);
        }
    }

    private String callFromCarrierToPbx(Sipp carrier, Sipp pbx) throws Exception {
        return provision.didFromCarrierToPbx(carrier.sipPort, pbx.sipPort);
    }
}
