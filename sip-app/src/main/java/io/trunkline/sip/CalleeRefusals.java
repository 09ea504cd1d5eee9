package io.trunkline.sip;

import io.trunkline.cdr.EndCause;

import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;

/** Reads what the domain needs to name the cause of a final error from the called side. */
final class CalleeRefusals {
    private CalleeRefusals() {
    }

    static EndCause cause(SipServletResponse response) {
        return EndCause.ofCalleeRefusal(response.getStatus(), gatewayFailed(response), carriedCredentials(response));
    }

    /** Whether the outbound trunk counts this error as its gateway failing (failover would move on from it). */
    private static boolean gatewayFailed(SipServletResponse response) {
        OutboundAttempts attempts = CallLegs.attempts(response.getApplicationSession());
        return attempts != null && attempts.forward().failover().retriesOn(response.getStatus());
    }

    /** Whether the INVITE answered was the one sent again with the trunk's credentials (RFC 3261 §22.2, §22.3). */
    private static boolean carriedCredentials(SipServletResponse response) {
        SipServletRequest invite = response.getRequest();
        return invite != null && (invite.getHeader("Authorization") != null
                || invite.getHeader("Proxy-Authorization") != null);
    }
}
