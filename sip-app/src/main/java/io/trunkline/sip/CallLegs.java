package io.trunkline.sip;

import io.trunkline.cdr.CallTimeline;

import javax.servlet.sip.SipApplicationSession;
import javax.servlet.sip.SipSession;

/**
 * The only place that knows Trunkline's SIP session attributes. Each call is one SIP application session holding the
 * call's {@link CallTimeline}; each of its two SIP sessions knows which side of the call it is.
 */
final class CallLegs {
    private static final String TIMELINE = "io.trunkline.timeline";
    private static final String ROLE = "io.trunkline.leg";

    /** Which side of a B2BUA call a SIP session is. */
    enum Side { CALLER, CALLEE }

    private CallLegs() {
    }

    static void bind(SipApplicationSession call, CallTimeline timeline, SipSession caller, SipSession callee) {
        call.setAttribute(TIMELINE, timeline);
        caller.setAttribute(ROLE, Side.CALLER);
        callee.setAttribute(ROLE, Side.CALLEE);
    }

    /** The call's timeline, or {@code null} for a session Trunkline did not route (never expected). */
    static CallTimeline timeline(SipApplicationSession call) {
        return call.isValid() ? (CallTimeline) call.getAttribute(TIMELINE) : null;
    }

    static Side side(SipSession leg) {
        Object side = leg.isValid() ? leg.getAttribute(ROLE) : null;
        return side == null ? Side.CALLER : (Side) side;
    }
}
