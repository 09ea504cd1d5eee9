package io.trunkline.sip;

import io.trunkline.cdr.EndCause;
import io.trunkline.cdr.HangupParty;

import javax.servlet.sip.SipErrorEvent;
import javax.servlet.sip.SipErrorListener;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.annotation.SipListener;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The container's word that a caller never acknowledged what Trunkline sent it (JSR 289 §6.7.3):
 * <ul>
 *   <li>no ACK for the 2xx within 64*T1: the session ends with BYE on both legs (RFC 3261 §13.3.1.4);</li>
 *   <li>no PRACK for a reliable provisional within 64*T1: the INVITE is rejected with a 5xx (RFC 3262 §3) and the
 *       callee leg cancelled.</li>
 * </ul>
 * Either way the CDR names Trunkline as the party that ended the call.
 */
@SipListener
public class CallErrorListener implements SipErrorListener {
    private static final Logger LOG = Logger.getLogger(CallErrorListener.class.getName());
    private static volatile CallTeardown teardown;
    private static volatile CdrRecorder cdrs;

    static void use(CallTeardown callTeardown, CdrRecorder recorder) {
        teardown = callTeardown;
        cdrs = recorder;
    }

    @Override
    public void noAckReceived(SipErrorEvent event) {
        CallTeardown handler = teardown;
        SipServletRequest invite = event.getRequest();
        if (handler != null && invite.getApplicationSession().isValid()) {
            handler.endBothLegs(invite.getApplicationSession(), 408, "No ACK received", EndCause.NO_ACK);
        }
    }

    @Override
    public void noPrackReceived(SipErrorEvent event) {
        SipServletRequest invite = event.getRequest();
        if (cdrs == null || !invite.getApplicationSession().isValid()) {
            return;
        }
        try {
            if (!invite.isCommitted()) {
                invite.createResponse(504, "No PRACK Received").send();
            }
            LinkedLegs.outboundInvite(invite).ifPresent(CallErrorListener::cancelQuietly);
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "Ending " + invite.getCallId() + " after a missing PRACK", e);
        }
        cdrs.endCall(invite.getApplicationSession(), 504, HangupParty.TRUNKLINE, EndCause.NO_PRACK);
    }

    private static void cancelQuietly(SipServletRequest outbound) {
        try {
            outbound.createCancel().send();
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "CANCEL of " + outbound.getCallId() + " not sent", e);
        }
    }
}
