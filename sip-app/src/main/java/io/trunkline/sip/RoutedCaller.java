package io.trunkline.sip;

import io.trunkline.cdr.CallTimeline;
import io.trunkline.cdr.EndCause;
import io.trunkline.cdr.HangupParty;
import io.trunkline.limits.CallChannels;

import javax.servlet.sip.SipApplicationSession;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import javax.servlet.sip.TooManyHopsException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A caller whose INVITE routing forwarded: each attempt is a B2BUA leg linked to the caller's INVITE and offering
 * what the caller offered; when every target failed the caller gets the last failure as its final answer.
 */
final class RoutedCaller implements AttemptOrigin {
    private final SipServletRequest callerInvite;
    private final LegNegotiation negotiation;
    private final CdrRecorder cdrs;

    RoutedCaller(SipServletRequest callerInvite, LegNegotiation negotiation, CdrRecorder cdrs) {
        this.callerInvite = callerInvite;
        this.negotiation = negotiation;
        this.cdrs = cdrs;
    }

    @Override
    public SipApplicationSession call() {
        return callerInvite.getApplicationSession();
    }

    @Override
    public OutboundAttempts attempts() {
        return CallLegs.attempts(call());
    }

    @Override
    public CallTimeline timeline() {
        return CallLegs.timeline(call());
    }

    @Override
    public CallChannels channels() {
        return CallLegs.channels(call());
    }

    @Override
    public String inboundTrunk() {
        return attempts().forward().inboundTrunk();
    }

    @Override
    public String localAddress() {
        return callerInvite.getLocalAddr();
    }

    @Override
    public String displayName() {
        return callerInvite.getFrom().getDisplayName();
    }

    @Override
    public SipServletRequest newInvite(String from, String to) throws TooManyHopsException {
        SipServletRequest outbound = LinkedLegs.createOutbound(callerInvite, Map.of("From", List.of(from),
                "To", List.of(to)));
        negotiation.prepareOutbound(callerInvite, outbound);
        return outbound;
    }

    @Override
    public Optional<SipServletRequest> currentInvite() {
        return LinkedLegs.outboundInvite(callerInvite);
    }

    @Override
    public void leaveAttempt() {
        LinkedLegs.unlink(callerInvite);
    }

    @Override
    public boolean awaitingOutcome() {
        return !callerInvite.isCommitted();
    }

    /** The caller gets the last failure's status (408 after a timeout, else 503 or relayed). */
    @Override
    public void gaveUp(int status) throws IOException {
        OutboundAttempts attempts = attempts();
        if (!callerInvite.isCommitted()) {
            String refusal = attempts.refusal();
            SipServletResponse response = callerInvite.createResponse(status, refusal != null ? refusal
                    : status == 408 ? "Request Timeout" : "No Gateway Answered");
            if (refusal != null) {
                // Every candidate trunk was over its limits: RFC 3261 §21.5.4, as for an inbound trunk's limit.
                response.setHeader("Retry-After", Integer.toString(attempts.retryAfterSeconds()));
            }
            response.send();
        }
        cdrs.endCall(call(), status, HangupParty.TRUNKLINE,
                EndCause.ofNoGatewayLeft(attempts.refusal() != null));
    }

    /**
     * 480, as an ISDN "no answer from user" maps to (RFC 3398 §7.2.4.1, cause 19), with that cause in a Reason header
     * (RFC 6432) for gateways that interwork with ISUP.
     */
    @Override
    public void notAnswered() throws IOException {
        if (!callerInvite.isCommitted()) {
            SipServletResponse response = callerInvite.createResponse(480, "Temporarily Unavailable");
            response.setHeader("Reason", "Q.850;cause=19;text=\"No answer from user\"");
            response.send();
        }
        cdrs.endCall(call(), 480, HangupParty.TRUNKLINE, EndCause.NO_ANSWER);
    }
}
