package io.trunkline.sip;

import io.trunkline.cdr.CallTimeline;

import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import javax.servlet.sip.SipSession;

/**
 * A blind transfer under way, held by the call until it completes or fails. States: INVITING (the new leg's INVITE
 * is out, without an offer) → REINVITING (the target answered with its offer; the remaining party is re-INVITEd
 * with it) → over (the call forgets it). Holds live container objects, as {@link CallLegs} does for the caller's
 * INVITE: the application is not distributable.
 */
final class PendingTransfer {
    enum Phase { INVITING, REINVITING }

    private final SipServletRequest refer;
    private final SipSession remaining;
    private final SipServletRequest targetInvite;
    private final CallTimeline timeline;
    private Phase phase = Phase.INVITING;
    private SipServletResponse targetAnswer;

    PendingTransfer(SipServletRequest refer, SipSession remaining, SipServletRequest targetInvite,
                    CallTimeline timeline) {
        this.refer = refer;
        this.remaining = remaining;
        this.targetInvite = targetInvite;
        this.timeline = timeline;
    }

    SipServletRequest refer() {
        return refer;
    }

    SipSession referrer() {
        return refer.getSession();
    }

    SipSession remaining() {
        return remaining;
    }

    SipSession target() {
        return targetInvite.getSession();
    }

    SipServletRequest targetInvite() {
        return targetInvite;
    }

    /** The new call's own CDR timeline: the remaining party calling the target. */
    CallTimeline timeline() {
        return timeline;
    }

    Phase phase() {
        return phase;
    }

    void targetAnswered(SipServletResponse answer) {
        targetAnswer = answer;
        phase = Phase.REINVITING;
    }

    /** The target's 2xx, still waiting for the ACK that carries the remaining party's answer. */
    SipServletResponse targetAnswer() {
        return targetAnswer;
    }
}
