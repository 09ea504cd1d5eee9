package io.trunkline.sip;

import javax.servlet.sip.SipServletRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * What the callee leg's INVITE offers, decided from the caller's: only the headers that may cross, and only the
 * extensions Trunkline can honour end to end. 100rel is offered to the callee only when the caller can take
 * reliable provisionals too (RFC 3262 §3), since Trunkline relays them rather than absorbing them; session timers are
 * run by Trunkline itself (RFC 4028), so {@code timer} is offered when the caller offers it.
 */
final class LegNegotiation {
    private final RelayedHeaders headers;
    private final int minSessionSeconds;

    LegNegotiation(RelayedHeaders headers, int minSessionSeconds) {
        this.headers = headers;
        this.minSessionSeconds = minSessionSeconds;
    }

    RelayedHeaders headers() {
        return headers;
    }

    /** Shapes the outbound INVITE copied from the caller's. */
    void prepareOutbound(SipServletRequest callerInvite, SipServletRequest outbound) {
        headers.strip(outbound);
        outbound.removeHeader("Supported");
        outbound.removeHeader("Require"); // Trunkline satisfies the caller's requirements on the caller's leg
        List<String> options = new ArrayList<>();
        for (String option : List.of("100rel", "timer")) {
            if (RelayedHeaders.accepts(callerInvite, option)) {
                options.add(option);
            }
        }
        if (!options.isEmpty()) {
            outbound.setHeader("Supported", String.join(", ", options));
        }
        if (callerInvite.getHeader("Session-Expires") != null) {
            // RFC 4028 §8.1: an intermediary may raise Min-SE to its own minimum, never lower it.
            int callerMin = SessionExpires.parseMinSe(callerInvite.getHeader("Min-SE")).orElse(0);
            outbound.setHeader("Min-SE", Integer.toString(Math.max(callerMin, minSessionSeconds)));
        }
    }

    /** A request re-created in the same leg (a digest retry) keeps what the first attempt carried across. */
    void carryOver(SipServletRequest previous, SipServletRequest retry) {
        headers.carry(previous, retry);
        String supported = previous.getHeader("Supported");
        if (supported != null) {
            retry.setHeader("Supported", supported);
        }
    }
}
