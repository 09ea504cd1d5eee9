package io.trunkline.sip;

import javax.servlet.sip.Rel100Exception;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reliable provisional responses across the two legs (RFC 3262). A reliable provisional from the callee goes to the
 * caller reliably when the caller supports 100rel, and the caller's PRACK (with any SDP in it, §5) becomes the
 * callee's PRACK; its answer goes back the same way. When the caller cannot take it reliably, Trunkline
 * acknowledges the callee itself (§4: the UAC must PRACK) and relays the provisional plainly.
 */
final class ReliableProvisionals {
    private static final Logger LOG = Logger.getLogger(ReliableProvisionals.class.getName());
    private static final String REL100 = "100rel";

    private final RelayedHeaders headers;

    ReliableProvisionals(RelayedHeaders headers) {
        this.headers = headers;
    }

    /** Sends {@code toCaller}, the copy of the callee's provisional {@code fromCallee}, reliably when it can be. */
    void relay(SipServletResponse fromCallee, SipServletResponse toCaller, SipServletRequest callerInvite)
            throws IOException {
        boolean reliableIn = RelayedHeaders.lists(fromCallee, "Require", REL100);
        boolean reliableOut = fromCallee.getStatus() > 100 && RelayedHeaders.accepts(callerInvite, REL100)
                && (reliableIn || RelayedHeaders.lists(callerInvite, "Require", REL100));
        if (reliableOut && sentReliably(toCaller)) {
            if (reliableIn) {
                CallLegs.awaitPrack(callerInvite.getSession(), rseqOf(toCaller), fromCallee);
            }
            return;
        }
        if (reliableIn) {
            prackOf(fromCallee).send();
        }
        toCaller.send();
    }

    private static boolean sentReliably(SipServletResponse response) throws IOException {
        try {
            response.sendReliably();
            return true;
        } catch (Rel100Exception | IllegalStateException e) {
            // RFC 3262 §3: one unacknowledged reliable provisional at a time; this one goes unreliably instead.
            LOG.log(Level.FINE, "Provisional " + response.getStatus() + " sent unreliably", e);
            return false;
        }
    }

    /** The caller's PRACK: relayed to the callee, or answered here if Trunkline already acknowledged the callee. */
    void relayPrack(SipServletRequest callerPrack) throws IOException {
        SipServletResponse provisional = CallLegs.takeAwaitingPrack(callerPrack.getSession(), rackSequence(callerPrack));
        if (provisional == null) {
            callerPrack.createResponse(200).send();
            return;
        }
        SipServletRequest across = prackOf(provisional);
        headers.carry(callerPrack, across);
        B2buaCalls.copyBody(callerPrack, across);
        CallLegs.linkPrack(across, callerPrack);
        across.send();
    }

    /** The callee's answer to a relayed PRACK goes back to the caller's PRACK with its body. */
    void relayPrackAnswer(SipServletResponse answer) throws IOException {
        SipServletRequest callerPrack = CallLegs.callerPrack(answer.getRequest());
        if (callerPrack == null || callerPrack.isCommitted() || answer.getStatus() < 200) {
            return;
        }
        SipServletResponse relayed = callerPrack.createResponse(answer.getStatus(), answer.getReasonPhrase());
        headers.carry(answer, relayed);
        B2buaCalls.copyBody(answer, relayed);
        relayed.send();
    }

    /** JSR 289 §6.7.1: a PRACK is created from the reliable provisional it acknowledges. */
    private static SipServletRequest prackOf(SipServletResponse provisional) throws IOException {
        try {
            return provisional.createPrack();
        } catch (Rel100Exception e) {
            throw new IOException("Cannot acknowledge " + provisional.getStatus() + " reliably", e);
        }
    }

    private static String rseqOf(SipServletResponse response) {
        String rseq = response.getHeader("RSeq");
        return rseq == null ? "" : rseq.trim();
    }

    /** RFC 3262 §7.2: RAck is "response-num CSeq-num Method"; the first is the RSeq it acknowledges. */
    private static String rackSequence(SipServletRequest prack) {
        String rack = prack.getHeader("RAck");
        return rack == null || rack.isBlank() ? "" : rack.trim().split("\\s+")[0];
    }
}
