package io.trunkline.sip;

import io.trunkline.cdr.CallTimeline;
import io.trunkline.cdr.EndCause;
import io.trunkline.cdr.HangupParty;

import javax.servlet.sip.SipApplicationSession;
import javax.servlet.sip.SipApplicationSessionEvent;
import javax.servlet.sip.SipApplicationSessionListener;
import javax.servlet.sip.annotation.SipListener;

/**
 * The last word on every call's lifetime, so that no CDR and no channel is lost however a call ends:
 * <ul>
 *   <li>expired: an answered call is still up (the container's session timeout is minutes; calls last hours), so
 *       its session is extended; any other call is over and is ended with 408 by Trunkline;</li>
 *   <li>ready to invalidate: both dialogs are gone; a call that no handler ended is ended now.</li>
 * </ul>
 */
@SipListener
public class CallSessionListener implements SipApplicationSessionListener {
    private static final int EXTENSION_MINUTES = 5;
    private static volatile CdrRecorder cdrs;

    static void use(CdrRecorder recorder) {
        cdrs = recorder;
    }

    @Override
    public void sessionCreated(SipApplicationSessionEvent event) {
        // Nothing to do until routing binds the call.
    }

    @Override
    public void sessionExpired(SipApplicationSessionEvent event) {
        SipApplicationSession call = event.getApplicationSession();
        CallTimeline timeline = CallLegs.timeline(call);
        if (timeline == null || cdrs == null) {
            return;
        }
        if (timeline.isAnswered() && !timeline.isEnded()) {
            call.setExpires(EXTENSION_MINUTES);
        } else {
            cdrs.endCall(call, 408, HangupParty.TRUNKLINE, EndCause.SETUP_ABANDONED);
        }
    }

    @Override
    public void sessionReadyToInvalidate(SipApplicationSessionEvent event) {
        if (cdrs != null) {
            cdrs.endCall(event.getApplicationSession(), 500, HangupParty.TRUNKLINE, EndCause.INTERNAL_ERROR);
        }
    }

    @Override
    public void sessionDestroyed(SipApplicationSessionEvent event) {
        // Too late to read attributes; sessionReadyToInvalidate and sessionExpired have done the work.
    }
}
