package io.trunkline.sip;

import io.trunkline.cdr.CallTimeline;
import io.trunkline.cdr.EndCause;
import io.trunkline.cdr.HangupParty;
import io.trunkline.routing.RoutingDecision.Forward;

import javax.servlet.ServletException;
import javax.servlet.sip.SipApplicationSession;
import javax.servlet.sip.SipFactory;
import javax.servlet.sip.SipServletMessage;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import javax.servlet.sip.SipSession;
import javax.servlet.sip.URI;
import javax.servlet.sip.ar.SipApplicationRoutingDirective;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A blind transfer performed by Trunkline (RFC 3515 with RFC 5589's blind flow): 202 and NOTIFY 100 to the referrer,
 * a new leg to the target, the remaining party re-connected to it, NOTIFY with the outcome, BYE to the referrer.
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
    private final SipAddresses addresses;
    private final Optional<String> advertisedHost;
    private final CdrRecorder cdrs;

    BlindTransfer(SipFactory factory, SipAddresses addresses, Optional<String> advertisedHost, CdrRecorder cdrs) {
        this.factory = factory;
        this.addresses = addresses;
        this.advertisedHost = advertisedHost;
        this.cdrs = cdrs;
    }

    boolean inProgress(SipApplicationSession call) {
        return CallLegs.transfer(call) != null;
    }

    /** Accepts the REFER and sends the new leg's INVITE to the first target of {@code forward}. */
    void start(SipServletRequest refer, SipSession remaining, Forward forward) throws IOException {
        refer.createResponse(202, "Accepted").send();
        TransferNotifier.progress(refer, 100, "Trying");
        SipServletRequest invite = targetInvite(refer, forward);
        if (invite == null) {
            TransferNotifier.outcome(refer, 503, "Service Unavailable");
            return;
        }
        CallLegs.markCallee(invite.getSession(), forward.outboundTrunk(), forward.calledNumber());
        CallTimeline timeline = CallTimeline.begin(remaining.getCallId(), forward.callingNumber(),
                forward.calledNumber(), cdrs.clock());
        LegParty party = CallLegs.party(remaining);
        timeline.routed(party == null ? null : party.trunk(), forward.outboundTrunk(), invite.getCallId());
        PendingTransfer transfer = new PendingTransfer(refer, remaining, invite, timeline);
        CallLegs.holdTransfer(refer.getApplicationSession(), transfer);
        try {
            invite.send();
        } catch (IOException | IllegalStateException e) {
            failed(transfer, 503, "Service Unavailable", HangupParty.TRUNKLINE);
        }
    }

    /** The new leg's INVITE, without an offer, in the call's application session; null if it cannot be built. */
    private SipServletRequest targetInvite(SipServletRequest refer, Forward forward) {
        SipApplicationSession call = refer.getApplicationSession();
        try {
            String localHost = advertisedHost.orElse(refer.getLocalAddr());
            URI requestUri = addresses.requestUri(forward, forward.target());
            SipServletRequest invite = factory.createRequest(call, "INVITE",
                    addresses.from(forward, null, localHost), addresses.to(requestUri));
            invite.setRequestURI(requestUri);
            // JSR 289 §15.2.2: a request the application creates is NEW to the application router, and Liberty's
            // default router hands it straight back to Trunkline as an incoming call. CONTINUE, on the call's
            // original INVITE, sends it on the way the B2BUA's own outbound legs go: out to the network.
            invite.setRoutingDirective(SipApplicationRoutingDirective.CONTINUE, CallLegs.callerInvite(call));
            return invite;
        } catch (ServletException | IllegalArgumentException | IllegalStateException e) {
            LOG.log(Level.WARNING, "Transfer target " + forward.target() + " is not a usable URI", e);
            return null;
        }
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
        if (status < 200) {
            transfer.timeline().provisional(status, cdrs.clock().instant());
        } else if (status >= 300) {
            failed(transfer, status, response.getReasonPhrase(), HangupParty.CALLEE);
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
        CallLegs.transferOver(transfer.remaining().getApplicationSession());
        TransferNotifier.outcome(transfer.refer(), status, reason);
        cdrs.end(transfer.timeline(), status, party,
                party == HangupParty.CALLEE ? EndCause.ofCalleeRefusal(status, false) : EndCause.TRANSFER_FAILED);
    }

    /**
     * A party hung up while its transfer was under way: the new leg is cancelled (or released, once answered) so
     * that it does not ring on for nobody.
     */
    void abandon(SipApplicationSession call) {
        PendingTransfer transfer = CallLegs.transfer(call);
        if (transfer == null) {
            return;
        }
        CallLegs.transferOver(call);
        try {
            if (transfer.phase() == PendingTransfer.Phase.INVITING) {
                transfer.targetInvite().createCancel().send();
            } else {
                transfer.targetAnswer().createAck().send();
                transfer.target().createRequest("BYE").send();
            }
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "Abandoned transfer leg of " + call.getId() + " not released", e);
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
