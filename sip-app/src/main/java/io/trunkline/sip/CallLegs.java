package io.trunkline.sip;

import io.trunkline.cdr.CallTimeline;
import io.trunkline.limits.CallChannels;
import io.trunkline.trunk.Gateway;

import javax.servlet.sip.SipApplicationSession;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import javax.servlet.sip.SipSession;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The only place that knows Trunkline's SIP session attributes. Each call is one SIP application session holding the
 * call's {@link CallTimeline}, its {@link OutboundAttempts} and the caller's INVITE (answered only when the call is);
 * each SIP session knows which side of the call it is.
 */
final class CallLegs {
    private static final String TIMELINE = "io.trunkline.timeline";
    private static final String ATTEMPTS = "io.trunkline.attempts";
    private static final String CALLER_INVITE = "io.trunkline.callerInvite";
    private static final String ROLE = "io.trunkline.leg";
    private static final String LEASE = "io.trunkline.lease";
    private static final String PROBED = "io.trunkline.probedGateway";
    private static final String PARTY = "io.trunkline.party";
    private static final String TRANSFER = "io.trunkline.transfer";
    private static final String RELEASED = "io.trunkline.released";
    private static final String REGISTERING = "io.trunkline.registering";
    private static final String AWAITING_PRACK = "io.trunkline.awaitingPrack";
    private static final String CALLER_PRACK = "io.trunkline.callerPrack";
    private static final String SESSION_INTERVAL = "io.trunkline.sessionInterval";
    private static final String SESSION_TIMER = "io.trunkline.sessionTimer";

    /** Which side of a B2BUA call a SIP session is. */
    enum Side { CALLER, CALLEE }

    private CallLegs() {
    }

    static void bindCaller(SipServletRequest callerInvite, CallTimeline timeline, OutboundAttempts attempts) {
        SipApplicationSession call = callerInvite.getApplicationSession();
        call.setAttribute(TIMELINE, timeline);
        call.setAttribute(ATTEMPTS, attempts);
        // Kept as is: attributes must be Serializable only in a distributable application, and this one is not.
        call.setAttribute(CALLER_INVITE, callerInvite);
        callerInvite.getSession().setAttribute(ROLE, Side.CALLER);
        callerInvite.getSession().setAttribute(PARTY,
                new LegParty(attempts.forward().inboundTrunk(), attempts.forward().callingNumber()));
    }

    /** The channels the call holds until it ends. */
    static void holdChannels(SipServletRequest callerInvite, CallChannels channels) {
        callerInvite.getApplicationSession().setAttribute(LEASE, channels);
    }

    static CallChannels channels(SipApplicationSession call) {
        return call.isValid() ? (CallChannels) call.getAttribute(LEASE) : null;
    }

    /** Marks a leg Trunkline created as the called side, reached on {@code trunk} (null for a URI) at {@code number}. */
    static void markCallee(SipSession leg, String trunk, String number) {
        leg.setAttribute(ROLE, Side.CALLEE);
        leg.setAttribute(PARTY, new LegParty(trunk, number));
    }

    /** After a transfer the remaining party is the caller of the new call, whichever side it was before. */
    static void markCaller(SipSession leg) {
        leg.setAttribute(ROLE, Side.CALLER);
    }

    /** Who is on a leg, or {@code null} for a session Trunkline did not route. */
    static LegParty party(SipSession leg) {
        return leg.isValid() ? (LegParty) leg.getAttribute(PARTY) : null;
    }

    /** The call continues with a new timeline (after a transfer); the old one has been ended. */
    static void replaceTimeline(SipApplicationSession call, CallTimeline timeline) {
        call.setAttribute(TIMELINE, timeline);
    }

    static void holdTransfer(SipApplicationSession call, PendingTransfer transfer) {
        call.setAttribute(TRANSFER, transfer);
    }

    static PendingTransfer transfer(SipApplicationSession call) {
        return call.isValid() ? (PendingTransfer) call.getAttribute(TRANSFER) : null;
    }

    static void transferOver(SipApplicationSession call) {
        if (call.isValid()) {
            call.removeAttribute(TRANSFER);
        }
    }

    /** Marks a leg Trunkline has released after transferring its party away: it is no longer part of the call. */
    static void markReleased(SipSession leg) {
        leg.setAttribute(RELEASED, Boolean.TRUE);
    }

    static boolean isReleased(SipSession leg) {
        return leg.isValid() && leg.getAttribute(RELEASED) != null;
    }

    /** The call's timeline, or {@code null} for a session Trunkline did not route. */
    static CallTimeline timeline(SipApplicationSession call) {
        return call.isValid() ? (CallTimeline) call.getAttribute(TIMELINE) : null;
    }

    static OutboundAttempts attempts(SipApplicationSession call) {
        return call.isValid() ? (OutboundAttempts) call.getAttribute(ATTEMPTS) : null;
    }

    static SipServletRequest callerInvite(SipApplicationSession call) {
        return call.isValid() ? (SipServletRequest) call.getAttribute(CALLER_INVITE) : null;
    }

    /** Marks an application session as carrying a health probe of this gateway, not a call. */
    static void markProbe(SipApplicationSession probe, Gateway gateway) {
        probe.setAttribute(PROBED, gateway);
    }

    static Gateway probedGateway(SipApplicationSession session) {
        return session.isValid() ? (Gateway) session.getAttribute(PROBED) : null;
    }

    /** Marks an application session as carrying a trunk's REGISTERs, not a call. */
    static void markRegistration(SipApplicationSession session, PendingRegister pending) {
        session.setAttribute(REGISTERING, pending);
    }

    static PendingRegister pendingRegister(SipApplicationSession session) {
        return session.isValid() ? (PendingRegister) session.getAttribute(REGISTERING) : null;
    }

    static Side side(SipSession leg) {
        Object side = leg.isValid() ? leg.getAttribute(ROLE) : null;
        return side == null ? Side.CALLER : (Side) side;
    }

    /**
     * A reliable provisional from the callee relayed reliably to the caller: the caller's PRACK for it (RAck
     * naming {@code rseq}, RFC 3262 §7.2) will be relayed as the PRACK of {@code calleeProvisional}.
     */
    @SuppressWarnings("unchecked")
    static void awaitPrack(SipSession callerLeg, String rseq, SipServletResponse calleeProvisional) {
        Map<String, SipServletResponse> awaiting = (Map<String, SipServletResponse>) callerLeg.getAttribute(AWAITING_PRACK);
        if (awaiting == null) {
            awaiting = new HashMap<>();
            callerLeg.setAttribute(AWAITING_PRACK, awaiting);
        }
        awaiting.put(rseq, calleeProvisional);
    }

    /** The callee provisional the caller's PRACK acknowledges, or null when Trunkline already acknowledged it. */
    @SuppressWarnings("unchecked")
    static SipServletResponse takeAwaitingPrack(SipSession callerLeg, String rseq) {
        Map<String, SipServletResponse> awaiting = callerLeg.isValid()
                ? (Map<String, SipServletResponse>) callerLeg.getAttribute(AWAITING_PRACK) : null;
        if (awaiting == null || awaiting.isEmpty()) {
            return null;
        }
        SipServletResponse named = awaiting.remove(rseq);
        if (named != null) {
            return named;
        }
        // The container numbered the relayed provisional itself and did not tell: take the oldest.
        Iterator<SipServletResponse> oldest = awaiting.values().iterator();
        SipServletResponse any = oldest.next();
        oldest.remove();
        return any;
    }

    /** Links the PRACK sent to the callee to the caller's, so that its answer goes back there. */
    static void linkPrack(SipServletRequest calleePrack, SipServletRequest callerPrack) {
        calleePrack.setAttribute(CALLER_PRACK, callerPrack);
    }

    static SipServletRequest callerPrack(SipServletRequest calleePrack) {
        return (SipServletRequest) calleePrack.getAttribute(CALLER_PRACK);
    }

    /** The session interval negotiated for the call and the timer that tears it down if nobody refreshes. */
    static void sessionTimer(SipApplicationSession call, SessionExpires interval, String timerId) {
        call.setAttribute(SESSION_INTERVAL, interval);
        call.setAttribute(SESSION_TIMER, timerId);
    }

    static SessionExpires sessionInterval(SipApplicationSession call) {
        return call.isValid() ? (SessionExpires) call.getAttribute(SESSION_INTERVAL) : null;
    }

    static String sessionTimerId(SipApplicationSession call) {
        return call.isValid() ? (String) call.getAttribute(SESSION_TIMER) : null;
    }
}
