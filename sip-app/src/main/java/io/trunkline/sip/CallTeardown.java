package io.trunkline.sip;

import io.trunkline.cdr.EndCause;
import io.trunkline.cdr.HangupParty;

import javax.servlet.sip.SipApplicationSession;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import javax.servlet.sip.SipSession;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Trunkline ending an established call on its own (session expired, ACK never came): each leg that still has a
 * dialog gets a BYE with a Reason (RFC 3326), a 2xx still waiting for its ACK on the callee leg is acknowledged
 * first (RFC 3261 §13.2.2.4), and the CDR records {@code TRUNKLINE} as the party that hung up.
 */
final class CallTeardown {
    private static final Logger LOG = Logger.getLogger(CallTeardown.class.getName());

    private final CdrRecorder cdrs;

    CallTeardown(CdrRecorder cdrs) {
        this.cdrs = cdrs;
    }

    /**
     * Ends the call with BYE on both legs; {@code cause} and {@code text} go in the Reason header, {@code why} in
     * the CDR.
     */
    void endBothLegs(SipApplicationSession call, int cause, String text, EndCause why) {
        SipServletRequest callerInvite = CallLegs.callerInvite(call);
        if (callerInvite == null) {
            return;
        }
        cdrs.endCall(call, cause, HangupParty.TRUNKLINE, why);
        String reason = "SIP;cause=" + cause + ";text=\"" + text + "\"";
        Optional<SipSession> callee = LinkedLegs.linkedTo(callerInvite);
        callee.ifPresent(leg -> {
            for (SipServletResponse answer : LinkedLegs.unacknowledgedAnswers(callerInvite, leg)) {
                sendQuietly(answer.createAck(), null);
            }
            bye(leg, reason);
        });
        bye(callerInvite.getSession(), reason);
    }

    private static void bye(SipSession leg, String reason) {
        if (!leg.isValid() || leg.getState() != SipSession.State.CONFIRMED) {
            return;
        }
        try {
            sendQuietly(leg.createRequest("BYE"), reason);
        } catch (IllegalStateException e) {
            LOG.log(Level.FINE, "No BYE possible on leg " + leg.getId(), e);
        }
    }

    private static void sendQuietly(SipServletRequest request, String reason) {
        try {
            if (reason != null) {
                request.setHeader("Reason", reason);
            }
            request.send();
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, request.getMethod() + " not sent while tearing down " + request.getCallId(), e);
        }
    }
}
