package io.trunkline.sip;

import io.trunkline.cdr.CallTimeline;
import io.trunkline.limits.Admission;
import io.trunkline.limits.CallAdmission;
import io.trunkline.limits.CallChannels;
import io.trunkline.routing.RoutingDecision.Forward;

/**
 * Moves a call along its candidate outbound trunks (least-cost order): a trunk is entered only if its limits admit
 * the call, which then holds a channel there instead of on the trunk it leaves; a trunk over its limits is skipped
 * as if all its gateways had failed. A transfer's new leg is admitted the same way, on its own channels
 * ({@link AttemptOrigin#channels()}), so a transfer cannot take a trunk past its limits.
 */
final class CandidateTrunks {
    private final CallAdmission admissions;

    CandidateTrunks(CallAdmission admissions) {
        this.admissions = admissions;
    }

    /**
     * Makes sure the current trunk has admitted the call and has a target left, moving on to later trunks if not.
     *
     * @return whether a target is ready to be tried ({@link OutboundAttempts#next()}); false when every trunk is used
     */
    boolean readyToSend(AttemptOrigin origin) {
        OutboundAttempts attempts = origin.attempts();
        while (true) {
            boolean admitted = attempts.isTrunkAdmitted() || admit(origin, attempts);
            if (admitted && attempts.hasNextTarget()) {
                return true;
            }
            if (!attempts.forward().hasNextTrunk()) {
                return false;
            }
            attempts.nextTrunk();
        }
    }

    private boolean admit(AttemptOrigin origin, OutboundAttempts attempts) {
        Forward forward = attempts.forward();
        if (forward.outboundTrunk() == null) {
            attempts.trunkAdmitted(); // a SIP URI destination: no trunk, no limits
            return true;
        }
        Admission admission = admissions.admitOutbound(forward.outboundTrunk());
        CallChannels channels = origin.channels();
        if (admission instanceof Admission.Admitted admitted) {
            if (channels != null) {
                channels.moveOutbound(admitted.lease());
            } else {
                admitted.lease().release(); // the call already ended
            }
            attempts.trunkAdmitted();
            return true;
        }
        refused(origin, attempts, (Admission.Refused) admission);
        return false;
    }

    /** The trunk is over its limits: it holds no channel of the call, and the CDR names it if no INVITE went out. */
    private static void refused(AttemptOrigin origin, OutboundAttempts attempts, Admission.Refused refused) {
        CallChannels channels = origin.channels();
        if (channels != null) {
            channels.moveOutbound(null);
        }
        attempts.refused(refused.reason(), refused.retryAfterSeconds());
        CallTimeline timeline = origin.timeline();
        if (!attempts.sentAny() && timeline != null) {
            timeline.routed(origin.inboundTrunk(), attempts.forward().outboundTrunk(), null);
        }
    }
}
