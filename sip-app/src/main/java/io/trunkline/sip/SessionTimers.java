package io.trunkline.sip;

import io.trunkline.cdr.EndCause;

import javax.servlet.sip.ServletTimer;
import javax.servlet.sip.SipApplicationSession;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import javax.servlet.sip.TimerService;
import java.io.IOException;
import java.util.Optional;

/**
 * Session timers (RFC 4028) for calls through Trunkline. Trunkline never refreshes a session itself: refreshes
 * (re-INVITE or UPDATE) from whichever side is the refresher are relayed like any mid-dialog request, and each 2xx
 * to one restarts the call's timer. When no refresh arrives in time, Trunkline ends both legs (§10).
 *
 * <p>States per call: NO TIMER (no Session-Expires negotiated) or RUNNING (a teardown timer set for the
 * negotiated interval) → EXPIRED (both legs sent BYE). A refresh moves RUNNING back to RUNNING with a new timer.
 */
final class SessionTimers {
    private final int minSeconds;
    private final TimerService timers;
    private final CallTeardown teardown;

    SessionTimers(int minSeconds, TimerService timers, CallTeardown teardown) {
        this.minSeconds = minSeconds;
        this.timers = timers;
        this.teardown = teardown;
    }

    /**
     * RFC 4028 §8.1 (as a proxy would): an interval below Trunkline's minimum is refused with 422 and a Min-SE.
     *
     * @return whether the INVITE may go on
     */
    boolean admit(SipServletRequest invite) throws IOException {
        Optional<SessionExpires> offered = SessionExpires.parse(invite.getHeader("Session-Expires"));
        if (offered.isEmpty() || offered.get().seconds() >= minSeconds) {
            return true;
        }
        SipServletResponse tooSmall = invite.createResponse(422, "Session Interval Too Small");
        tooSmall.setHeader("Min-SE", Integer.toString(minSeconds));
        tooSmall.send();
        return false;
    }

    /**
     * The callee's 2xx becomes the caller's: the interval the callee chose passes as it is (the refresher role
     * means the same on both legs, since Trunkline relays every refresh); when the callee knows no timers but the
     * caller asked for one, the caller refreshes (RFC 4028 §9). Either way Trunkline's timer starts.
     */
    void answered(SipServletRequest callerInvite, SipServletResponse calleeAnswer, SipServletResponse toCaller) {
        Optional<SessionExpires> offered = SessionExpires.parse(callerInvite.getHeader("Session-Expires"));
        Optional<SessionExpires> chosen = SessionExpires.parse(calleeAnswer.getHeader("Session-Expires"));
        boolean callerHasTimers = RelayedHeaders.accepts(callerInvite, "timer");
        if (chosen.isEmpty() && offered.isPresent() && callerHasTimers) {
            chosen = Optional.of(new SessionExpires(offered.get().seconds(), Optional.of("uac")));
        }
        if (chosen.isEmpty()) {
            return;
        }
        toCaller.setHeader("Session-Expires", chosen.get().render());
        if (callerHasTimers) {
            toCaller.setHeader("Require", "timer"); // RFC 4028 §9
        }
        restart(callerInvite.getApplicationSession(), chosen.get());
    }

    /** A 2xx to a relayed re-INVITE or UPDATE is a refresh (RFC 4028 §10): the session lives one interval more. */
    void refreshed(SipServletResponse answer) {
        SipApplicationSession call = answer.getApplicationSession();
        SessionExpires current = CallLegs.sessionInterval(call);
        if (current == null) {
            return;
        }
        SessionExpires next = SessionExpires.parse(answer.getHeader("Session-Expires"))
                .or(() -> SessionExpires.parse(answer.getRequest().getHeader("Session-Expires")))
                .orElse(current);
        restart(call, next);
    }

    /** Nobody refreshed in time: both legs get BYE (RFC 4028 §10) and the CDR names Trunkline as the party. */
    void expired(SipApplicationSession call) {
        if (CallLegs.timeline(call) != null && CallLegs.timeline(call).isEnded()) {
            return;
        }
        teardown.endBothLegs(call, 408, "Session expired", EndCause.SESSION_EXPIRED);
    }

    private void restart(SipApplicationSession call, SessionExpires interval) {
        String previous = CallLegs.sessionTimerId(call);
        ServletTimer old = previous == null ? null : call.getTimer(previous);
        if (old != null) {
            old.cancel();
        }
        ServletTimer timer = timers.createTimer(call, interval.teardownAfterMillis(), false, new SessionExpiry());
        CallLegs.sessionTimer(call, interval, timer.getId());
    }
}
