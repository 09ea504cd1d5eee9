package io.trunkline.sip;

import javax.servlet.sip.B2buaHelper;
import javax.servlet.sip.SipServletMessage;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import javax.servlet.sip.SipSession;
import javax.servlet.sip.TooManyHopsException;
import javax.servlet.sip.UAMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The only class that uses {@link B2buaHelper}: a call is two dialogs linked by the helper, and every message
 * crossing from one to the other is re-created here, so Call-ID, tags, Via, Contact and Record-Route of one side
 * never reach the other (topology hiding by construction).
 */
final class LinkedLegs {
    private static final int INITIAL_MAX_FORWARDS = 70; // RFC 3261 §8.1.1.6

    private LinkedLegs() {
    }

    /** A new outbound leg for the caller's INVITE, linked to it; From and To come from {@code headers}. */
    static SipServletRequest createOutbound(SipServletRequest callerInvite, Map<String, List<String>> headers)
            throws TooManyHopsException {
        assumeMaxForwardsWhenAbsent(callerInvite);
        return callerInvite.getB2buaHelper().createRequest(callerInvite, true, headers);
    }

    /**
     * The helper decrements the received Max-Forwards into the new leg's INVITE (an in-dialog copy starts at 70
     * anyway). Liberty's takes an absent header as -1 and then refuses -2 (IllegalArgumentException), which failed
     * the call as if no gateway answered. RFC 3261 §8.1.1.6 has every UAC send the header, but peers that omit it
     * exist; a missing one counts as the recommended initial 70, as kamailio's maxfwd module does.
     */
    private static void assumeMaxForwardsWhenAbsent(SipServletRequest received) {
        if (received.getMaxForwards() < 0) {
            received.setMaxForwards(INITIAL_MAX_FORWARDS);
        }
    }

    /** Detaches the caller's leg from a failed outbound leg, so that the next attempt can be linked instead. */
    static void unlink(SipServletRequest callerInvite) {
        callerInvite.getB2buaHelper().unlinkSipSessions(callerInvite.getSession());
    }

    /** The request on the other leg that this response answers a copy of, or null once the legs are unlinked. */
    static SipServletRequest requestAcross(SipServletResponse response) {
        return response.getRequest().getB2buaHelper().getLinkedSipServletRequest(response.getRequest());
    }

    /** The outbound INVITE currently linked to the caller's INVITE, if any. */
    static Optional<SipServletRequest> outboundInvite(SipServletRequest callerInvite) {
        return Optional.ofNullable(callerInvite.getB2buaHelper().getLinkedSipServletRequest(callerInvite));
    }

    /** The other leg of a request's dialog, while it can still carry requests. */
    static Optional<SipSession> otherLeg(SipServletRequest request) {
        SipSession other = request.getB2buaHelper().getLinkedSession(request.getSession());
        boolean usable = other != null && other.isValid() && other.getState() != SipSession.State.TERMINATED;
        return usable ? Optional.of(other) : Optional.empty();
    }

    /** A copy of a mid-dialog request for the other leg (headers and body re-created, not forwarded). */
    static SipServletRequest copyTo(SipSession other, SipServletRequest request) {
        return request.getB2buaHelper().createRequest(other, request, null);
    }

    /** The leg linked to the session of {@code request} (the callee leg of the caller's INVITE), if any. */
    static Optional<SipSession> linkedTo(SipServletRequest request) {
        return Optional.ofNullable(request.getB2buaHelper().getLinkedSession(request.getSession()));
    }

    /** The 2xx answers to INVITE still waiting for an ACK on the other leg. */
    static List<SipServletResponse> unacknowledgedAnswers(SipServletRequest request, SipSession other) {
        List<SipServletResponse> answers = new ArrayList<>();
        for (SipServletMessage pending : request.getB2buaHelper().getPendingMessages(other, UAMode.UAC)) {
            if (pending instanceof SipServletResponse response && "INVITE".equals(response.getMethod())
                    && response.getStatus() / 100 == 2) {
                answers.add(response);
            }
        }
        return answers;
    }

    /** A CANCEL for the INVITE pending on the other leg. */
    static SipServletRequest cancelOn(SipServletRequest request, SipSession other) {
        return request.getB2buaHelper().createCancel(other);
    }

    /**
     * After a transfer: the remaining party's leg is unlinked from the referrer's and linked to the new leg, so
     * that everything either says from now on crosses to the other (JSR 289 §12.4: a session is linked to one).
     */
    static void relink(SipServletRequest refer, SipSession remaining, SipSession newLeg) {
        B2buaHelper helper = refer.getB2buaHelper();
        helper.unlinkSipSessions(remaining);
        helper.linkSipSessions(remaining, newLeg);
    }
}
