package io.trunkline.sip;

import io.trunkline.cdr.CallTimeline;
import io.trunkline.cdr.EndCause;
import io.trunkline.cdr.HangupParty;
import io.trunkline.limits.CallChannels;
import io.trunkline.routing.RoutingDecision.Forward;

import javax.servlet.ServletException;
import javax.servlet.sip.SipApplicationSession;
import javax.servlet.sip.SipFactory;
import javax.servlet.sip.SipServletMessage;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import javax.servlet.sip.SipSession;
import javax.servlet.sip.TooManyHopsException;
import javax.servlet.sip.ar.SipApplicationRoutingDirective;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A blind transfer performed by Trunkline (RFC 3515 with RFC 5589's blind flow): 202 and NOTIFY 100 to the referrer,
 * a new leg to the target, the remaining party re-connected to it, NOTIFY with the outcome, BYE to the referrer.
 * The new leg is set up by {@link GatewayFailover} exactly as a routed call's outbound side is (gateway failover,
 * setup timeout, candidate trunks, limits, digest, presentation), with this transfer as its {@link AttemptOrigin}.
 *
 * <p>Media: the new leg's INVITE carries <em>no</em> offer, the target's 2xx brings one, the remaining party gets it
 * in a re-INVITE and its answer goes to the target in the ACK (RFC 3725 flow I; RFC 3264 §5). Offering the target
 * the remaining party's old SDP instead would need a second re-INVITE to tell the remaining party where to send,
 * and the answer it gives there could not reach the target without yet another one. Late offer makes it one
 * negotiation that both ends agree on. If the re-INVITE fails the remaining party keeps its old session
 * (RFC 3261 §14.1) and stays with the referrer.
 *
 * <p>CDRs: the original call's CDR ends when the referrer leaves, with the referrer's side as hangup party; the new
 * call gets its own CDR whose inbound Call-ID is the remaining party's, so the two are joined by that Call-ID.
 */
final class BlindTransfer {
    private static final Logger LOG = Logger.getLogger(BlindTransfer.class.getName());

    private final SipFactory factory;
    private final GatewayFailover failover;
    private final CdrRecorder cdrs;

    BlindTransfer(SipFactory factory, GatewayFailover failover, CdrRecorder cdrs) {
        this.factory = factory;
        this.failover = failover;
        this.cdrs = cdrs;
    }

    boolean inProgress(SipApplicationSession call) {
        return CallLegs.transfer(call) != null;
    }

    /**
     * Accepts the REFER and starts the new leg's attempts as for any routed call: the target trunk's gateways in
     * turn, then the route's later candidate trunks, each admitted against its limits on the new leg's own channels.
     */
    void start(SipServletRequest refer, SipSession remaining, Forward forward) throws IOException {
        refer.createResponse(202, "Accepted").send();
        TransferNotifier.progress(refer, 100, "Trying");
        SipApplicationSession call = refer.getApplicationSession();
        CallTimeline timeline = CallTimeline.begin(remaining.getCallId(), forward.callingNumber(),
                forward.calledNumber(), cdrs.clock());
        CallChannels channels = CallChannels.outboundOnly();
        CallChannels callChannels = CallLegs.channels(call);
        if (callChannels != null) {
            callChannels.alsoRelease(channels); // however the call ends, the new leg's channel goes with it
        }
        PendingTransfer transfer = new PendingTransfer(this, refer, remaining, new OutboundAttempts(forward),
                timeline, channels);
        CallLegs.holdTransfer(call, transfer);
        try {
            failover.start(transfer);
        } catch (TooManyHopsException e) {
            failed(transfer, 483, "Too Many Hops", HangupParty.TRUNKLINE);
        }
    }

    /** An attempt's INVITE, without an offer, in the call's application session; From and To as routing says. */
    SipServletRequest targetInvite(SipApplicationSession call, String from, String to) throws ServletException {
        SipServletRequest invite = factory.createRequest(call, "INVITE", from, to);
        // JSR 289 §15.2.2: a request the application creates is NEW to the application router, and Liberty's
        // default router hands it straight back to Trunkline as an incoming call. CONTINUE, on the call's
        // original INVITE, sends it on the way the B2BUA's own outbound legs go: out to the network.
        invite.setRoutingDirective(SipApplicationRoutingDirective.CONTINUE, CallLegs.callerInvite(call));
        return invite;
    }

    /** No target took the new leg (each refused by its trunk's limits, unreachable or silent). */
    void gaveUp(PendingTransfer transfer, int status) {
        failed(transfer, status, status == 408 ? "Request Timeout" : "Service Unavailable", HangupParty.TRUNKLINE);
    }

    /** The target rang for its trunk's ring timeout: the referrer's NOTIFY says 480, the new call's CDR why. */
    void notAnswered(PendingTransfer transfer) {
        failed(transfer, 480, "Temporarily Unavailable", HangupParty.TRUNKLINE, EndCause.NO_ANSWER);
    }

    /** @return whether this response belongs to a transfer under way (and was dealt with here) */
    boolean handled(SipServletResponse response) throws IOException {
        PendingTransfer transfer = CallLegs.transfer(response.getApplicationSession());
        if (transfer == null || !"INVITE".equals(response.getMethod())) {
            return false;
        }
        SipSession leg = response.getSession();
        if (leg.equals(transfer.target()) && transfer.phase() == PendingTransfer.Phase.INVITING) {
            targetResponded(transfer, response);
            return true;
        }
        if (leg.equals(transfer.remaining()) && transfer.phase() == PendingTransfer.Phase.REINVITING) {
            remainingResponded(transfer, response);
            return true;
        }
        return false;
    }

    private void targetResponded(PendingTransfer transfer, SipServletResponse response) throws IOException {
        int status = response.getStatus();
        if (status < 300) {
            failover.progressed(transfer.attempts(), response);
        }
        if (status < 200) {
            transfer.timeline().provisional(status, cdrs.clock().instant());
        } else if (status >= 300) {
            targetRefused(transfer, response);
        } else if (!hasBody(response)) {
            // An offer was asked for and none came (RFC 3264 §5): nothing to give the remaining party.
            response.createAck().send();
            response.getSession().createRequest("BYE").send();
            failed(transfer, 488, "Not Acceptable Here", HangupParty.TRUNKLINE);
        } else {
            transfer.timeline().answered(cdrs.clock().instant());
            transfer.targetAnswered(response);
            SipServletRequest reInvite = transfer.remaining().createRequest("INVITE");
            copyBody(response, reInvite);
            reInvite.send();
        }
    }

    /** A gateway's error: answered (digest), moved on from (failover), or the transfer's outcome. */
    private void targetRefused(PendingTransfer transfer, SipServletResponse response) throws IOException {
        int status = response.getStatus();
        boolean challenge = status == 401 || status == 407;
        try {
            if (challenge && failover.answeredChallenge(transfer.attempts(), response)
                    || failover.movedOnAfter(transfer, response)) {
                return;
            }
        } catch (TooManyHopsException e) {
            failed(transfer, 483, "Too Many Hops", HangupParty.TRUNKLINE);
            return;
        }
        if (challenge) {
            // As for a routed call: the referrer cannot answer the target trunk's challenge, so it hears a refusal.
            failed(transfer, 403, "Trunk Authentication Failed", HangupParty.TRUNKLINE);
        } else {
            failed(transfer, status, response.getReasonPhrase(), HangupParty.CALLEE);
        }
    }

    private void remainingResponded(PendingTransfer transfer, SipServletResponse response) throws IOException {
        int status = response.getStatus();
        if (status < 200) {
            return;
        }
        SipServletRequest targetAck = transfer.targetAnswer().createAck();
        if (status >= 300) {
            // The container acknowledged the error itself; the target's 2xx still needs its ACK before the BYE.
            targetAck.send();
            transfer.target().createRequest("BYE").send();
            failed(transfer, status, response.getReasonPhrase(), HangupParty.CALLER);
            return;
        }
        response.createAck().send();
        copyBody(response, targetAck);
        targetAck.send();
        completed(transfer);
    }

    /** The remaining party talks to the target: the referrer hears the outcome and is released. */
    private void completed(PendingTransfer transfer) throws IOException {
        SipApplicationSession call = transfer.remaining().getApplicationSession();
        SipSession referrer = transfer.referrer();
        LinkedLegs.relink(transfer.refer(), transfer.remaining(), transfer.target());
        HangupParty referrerSide = CallLegs.side(referrer) == CallLegs.Side.CALLER
                ? HangupParty.CALLER : HangupParty.CALLEE;
        cdrs.end(CallLegs.timeline(call), 200, referrerSide, EndCause.TRANSFERRED);
        CallLegs.replaceTimeline(call, transfer.timeline());
        CallLegs.markCaller(transfer.remaining());
        CallLegs.transferOver(call);
        TransferNotifier.outcome(transfer.refer(), 200, "OK");
        CallLegs.markReleased(referrer);
        referrer.createRequest("BYE").send();
    }

    /** The target could not be reached or refused: the referrer hears why and the call stays as it was. */
    private void failed(PendingTransfer transfer, int status, String reason, HangupParty party) {
        failed(transfer, status, reason, party,
                party == HangupParty.CALLEE ? EndCause.ofCalleeRefusal(status, false) : EndCause.TRANSFER_FAILED);
    }

    private void failed(PendingTransfer transfer, int status, String reason, HangupParty party, EndCause cause) {
        CallLegs.transferOver(transfer.remaining().getApplicationSession());
        transfer.channels().release();
        TransferNotifier.outcome(transfer.refer(), status, reason);
        cdrs.end(transfer.timeline(), status, party, cause);
    }

    /**
     * A party hung up while its transfer was under way: the new leg is cancelled (or released, once answered) so
     * that it does not ring on for nobody. When the one who hung up is the transferee, the referrer, still in its
     * dialog until the BYE reaches it, is told in the final NOTIFY (RFC 3515) that the transfer ended with 487.
     *
     * @param hungUp the leg whose BYE ends the call
     */
    void abandon(SipSession hungUp) {
        SipApplicationSession call = hungUp.getApplicationSession();
        PendingTransfer transfer = CallLegs.transfer(call);
        if (transfer == null) {
            return;
        }
        CallLegs.transferOver(call);
        failover.stop(call, transfer.attempts());
        transfer.channels().release();
        try {
            if (transfer.phase() == PendingTransfer.Phase.INVITING) {
                if (transfer.targetInvite() != null) {
                    transfer.targetInvite().createCancel().send();
                }
            } else {
                transfer.targetAnswer().createAck().send();
                transfer.target().createRequest("BYE").send();
            }
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "Abandoned transfer leg of " + call.getId() + " not released", e);
        }
        if (!hungUp.equals(transfer.refer().getSession())) {
            TransferNotifier.outcome(transfer.refer(), 487, "Request Terminated");
        }
        cdrs.end(transfer.timeline(), 487, HangupParty.TRUNKLINE, EndCause.TRANSFER_ABANDONED);
    }

    private static boolean hasBody(SipServletMessage message) throws IOException {
        byte[] body = message.getRawContent();
        return body != null && body.length > 0;
    }

    private static void copyBody(SipServletMessage from, SipServletMessage to) throws IOException {
        if (hasBody(from)) {
            to.setContent(from.getRawContent(), from.getContentType());
        }
    }
}
