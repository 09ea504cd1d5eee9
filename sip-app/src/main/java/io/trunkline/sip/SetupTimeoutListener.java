package io.trunkline.sip;

import javax.servlet.sip.ServletTimer;
import javax.servlet.sip.TimerListener;
import javax.servlet.sip.annotation.SipListener;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Receives the application's SIP timers (JSR 289 allows one timer listener per application): gateway setup
 * timeouts, ring timeouts and session-timer expiries. The container creates this listener itself, so the servlet
 * hands it the logic when it starts.
 */
@SipListener
public class SetupTimeoutListener implements TimerListener {
    private static final Logger LOG = Logger.getLogger(SetupTimeoutListener.class.getName());
    private static volatile GatewayFailover failover;
    private static volatile SessionTimers sessionTimers;

    static void use(GatewayFailover handler) {
        failover = handler;
    }

    static void use(SessionTimers handler) {
        sessionTimers = handler;
    }

    @Override
    public void timeout(ServletTimer timer) {
        if (timer.getInfo() instanceof SessionExpiry) {
            sessionExpired(timer);
            return;
        }
        GatewayFailover handler = failover;
        if (handler == null) {
            return;
        }
        try {
            if (timer.getInfo() instanceof SetupTimeout setup) {
                handler.setupTimedOut(timer.getApplicationSession(), setup.legId());
            } else if (timer.getInfo() instanceof RingTimeout ring) {
                handler.ringTimedOut(timer.getApplicationSession(), ring.legId());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Handling the " + timer.getInfo() + " of call "
                    + timer.getApplicationSession().getId() + " failed", e);
        }
    }

    private static void sessionExpired(ServletTimer timer) {
        SessionTimers handler = sessionTimers;
        if (handler == null || !timer.getApplicationSession().isValid()) {
            return;
        }
        try {
            handler.expired(timer.getApplicationSession());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Ending the expired session " + timer.getApplicationSession().getId() + " failed", e);
        }
    }
}
