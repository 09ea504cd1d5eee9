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
    /** The extensions Trunkline honours on the caller's leg: reliable provisionals and session timers. */
    private static final List<String> HONOURED = List.of("100rel", "timer");

    private final RelayedHeaders headers;
    private final int minSessionSeconds;

    LegNegotiation(RelayedHeaders headers, int minSessionSeconds) {
        this.headers = headers;
        this.minSessionSeconds = minSessionSeconds;
    }

    RelayedHeaders headers() {
        return headers;
    }

    /**
     * A request's Require tags that Trunkline cannot honour (the first INVITE's, or a request's inside the call).
     * RFC 3261 §8.2.2.3 has a UAS refuse those with 420; dropping them (as the callee leg's INVITE drops Require)
     * would let the call go on without what the caller made a condition of it, such as {@code replaces} or
     * {@code precondition}.
     */
    static List<String> unsupportedRequirements(SipServletRequest request) {
        List<String> unsupported = new ArrayList<>();
        for (String tag : RelayedHeaders.optionTags(request, "Require")) {
            if (!HONOURED.contains(tag) && !unsupported.contains(tag)) {
                unsupported.add(tag);
            }
        }
        return unsupported;
    }

    /** Shapes the outbound INVITE copied from the caller's. */
    void prepareOutbound(SipServletRequest callerInvite, SipServletRequest outbound) {
        headers.strip(outbound);
        outbound.removeHeader("Supported");
        outbound.removeHeader("Require"); // Trunkline satisfies the caller's requirements on the caller's leg
        List<String> options = new ArrayList<>();
        for (String option : HONOURED) {
            if (RelayedHeaders.accepts(callerInvite, option)) {
                options.add(option);
            }
        }
        if (!options.isEmpty()) {
            outbound.setHeader("Supported", String.join(", ", options));
        }
        if (SessionExpires.parse(callerInvite.getHeader("Session-Expires")).isEmpty()) {
            // One that does not read counts as no timer (SessionExpires.parse); sent on, the callee would
            // read it on its own terms.
            outbound.removeHeader("Session-Expires");
        } else {
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
