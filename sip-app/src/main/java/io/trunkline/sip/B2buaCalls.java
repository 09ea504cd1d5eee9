package io.trunkline.sip;

import io.trunkline.cdr.CallTimeline;
import io.trunkline.cdr.EndCause;
import io.trunkline.cdr.HangupParty;
import io.trunkline.limits.Admission;
import io.trunkline.limits.CallAdmission;
import io.trunkline.limits.CallChannels;
import io.trunkline.routing.CallAttempt;
import io.trunkline.routing.CallRouter;
import io.trunkline.routing.RoutingDecision;
import io.trunkline.routing.RoutingDecision.Forward;
import io.trunkline.routing.RoutingDecision.Reject;

import javax.servlet.sip.SipServletMessage;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import javax.servlet.sip.SipSession;
import javax.servlet.sip.SipURI;
import javax.servlet.sip.TooManyHopsException;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Back-to-back user agent calls: routes each new INVITE, then relays everything either side says to the other
 * (through {@link LinkedLegs}) and keeps the call's timeline, which becomes its CDR.
 */
final class B2buaCalls {
    private final CallRouter router;
    private final GatewayFailover failover;
    private final CdrRecorder cdrs;
    private final CallAdmission admissions;
    private final Function<String, Optional<String>> lineOwners;
    private final RelayedHeaders headers;
    private final ReliableProvisionals reliable;
    private final SessionTimers sessionTimers;
    private final CallTeardown teardown;

    /** @param lineOwners the trunk that registered the Contact with this line token, if any */
    B2buaCalls(CallRouter router, CallAdmission admissions, GatewayFailover failover, CdrRecorder cdrs,
               RelayedHeaders headers, SessionTimers sessionTimers, CallTeardown teardown,
               Function<String, Optional<String>> lineOwners) {
        this.lineOwners = lineOwners;
        this.teardown = teardown;
        this.router = router;
        this.headers = headers;
        this.reliable = new ReliableProvisionals(headers);
        this.sessionTimers = sessionTimers;
        this.admissions = admissions;
        this.failover = failover;
        this.cdrs = cdrs;
    }

    /** Routes an initial INVITE and either rejects it or starts its outbound side. */
    void start(SipServletRequest invite) throws IOException {
        Optional<String> registeredTrunk = registeredTrunk(invite);
        // A registrar delivers to the registered Contact, so the number called is in To (RFC 3261 §16.5, §10.3).
        String called = SipAddresses.userOf(registeredTrunk.isPresent()
                ? invite.getTo().getURI() : invite.getRequestURI());
        String calling = SipAddresses.userOf(invite.getFrom().getURI());
        CallTimeline timeline = CallTimeline.begin(invite.getCallId(), calling, called, cdrs.clock());
        RoutingDecision decision = router.route(new CallAttempt(invite.getRemoteAddr(), invite.getRemotePort(),
                called, calling, IdentityHeaders.read(invite), registeredTrunk.orElse(null)));
        if (decision instanceof Reject reject) {
            invite.createResponse(reject.status(), reject.reason()).send();
            cdrs.end(timeline, reject.status(), HangupParty.TRUNKLINE, reject.cause());
            return;
        }
        Forward forward = (Forward) decision;
        if (refusedForUnsupportedRequirements(invite)) {
            refusedHere(timeline, forward, 420, EndCause.BAD_EXTENSION);
            return;
        }
        if (!sessionTimers.admit(invite)) {
            refusedHere(timeline, forward, 422, EndCause.SESSION_INTERVAL_TOO_SMALL);
            return;
        }
        // The outbound trunk admits the call as it moves onto it (CandidateTrunks), so a full trunk is skipped.
        Admission admission = admissions.admitInbound(forward.inboundTrunk());
        if (admission instanceof Admission.Refused refused) {
            SipServletResponse busy = invite.createResponse(503, refused.reason());
            busy.setHeader("Retry-After", Integer.toString(refused.retryAfterSeconds())); // RFC 3261 §21.5.4
            busy.send();
            refusedHere(timeline, forward, 503, EndCause.TRUNK_LIMIT);
            return;
        }
        CallLegs.holdChannels(invite, new CallChannels(((Admission.Admitted) admission).lease()));
        try {
            failover.begin(invite, forward, timeline);
        } catch (TooManyHopsException e) {
            if (!invite.isCommitted()) {
                invite.createResponse(483, "Too Many Hops").send(); // RFC 3261 §16.3 step 3
            }
            cdrs.endCall(invite.getApplicationSession(), 483, HangupParty.TRUNKLINE, EndCause.TOO_MANY_HOPS);
        }
    }

    /** The trunk whose registered Contact this INVITE was sent to, known by the Contact's line token. */
    private Optional<String> registeredTrunk(SipServletRequest invite) {
        String line = invite.getRequestURI() instanceof SipURI uri
                ? uri.getParameter(TrunkRegistrar.LINE_PARAMETER) : null;
        return line == null ? Optional.empty() : lineOwners.apply(line);
    }

    private void refusedHere(CallTimeline timeline, Forward forward, int status, EndCause cause) {
        timeline.normalizedNumbers(forward.callingNumber(), forward.calledNumber());
        timeline.routed(forward.inboundTrunk(), forward.outboundTrunk(), null);
        cdrs.end(timeline, status, HangupParty.TRUNKLINE, cause);
    }

    /** Relays a response received on the callee leg to the caller leg, and notes it in the call's timeline. */
    void relayResponse(SipServletResponse response) throws IOException, TooManyHopsException {
        int status = response.getStatus();
        String method = response.getMethod();
        if (status == 100 || "CANCEL".equals(method) || "BYE".equals(method)) {
            return; // 100 is hop-by-hop; CANCEL and BYE are answered locally (see relayCancel, relayBye).
        }
        if ("PRACK".equals(method)) {
            reliable.relayPrackAnswer(response);
            return;
        }
        if ("INVITE".equals(method) && failover.isSetupResponse(response)) {
            relaySetupResponse(response);
            return;
        }
        SipServletRequest original = LinkedLegs.requestAcross(response);
        if (original == null || original.isCommitted()) {
            if ("INVITE".equals(method) && status / 100 == 2 && !failover.isSetupResponse(response)
                    && response.getSession().getState() != SipSession.State.CONFIRMED) {
                hangUpLateAnswer(response); // an abandoned attempt answered after the call moved on
            }
            return;
        }
        relay(response, original).send();
        if (status / 100 == 2 && ("INVITE".equals(method) || "UPDATE".equals(method))) {
            sessionTimers.refreshed(response);
        } else if (status == 481 || status == 408) {
            // RFC 5057 §5.1: 481 means the far dialog is gone, 408 (or a timeout, which the container reports as
            // 408) that the peer is; either way the session is over, so both legs end rather than hang half-dead.
            teardown.endBothLegs(response.getApplicationSession(), status,
                    status == 481 ? "Dialog gone on the other leg" : "Other leg timed out",
                    EndCause.ofInDialogFailure(status));
        }
    }

    /** A response to the INVITE that sets the call up on its current attempt. */
    private void relaySetupResponse(SipServletResponse response) throws IOException, TooManyHopsException {
        int status = response.getStatus();
        SipServletRequest callerInvite = CallLegs.callerInvite(response.getApplicationSession());
        if (callerInvite == null || callerInvite.isCommitted()) {
            if (status / 100 == 2) {
                hangUpLateAnswer(response); // the caller cancelled while this answer was on its way (RFC 3261 §9.1)
            }
            return;
        }
        if (status == 401 || status == 407) {
            if (failover.answeredChallenge(response) || failover.movedOnAfter(response, callerInvite)) {
                return;
            }
            // The trunk refused Trunkline's credentials (or wants some it has none of): the caller can do nothing
            // about that, so it hears a refusal rather than a challenge it cannot answer.
            callerInvite.createResponse(403, "Trunk Authentication Failed").send();
            cdrs.endCall(response.getApplicationSession(), 403, HangupParty.TRUNKLINE, EndCause.TRUNK_AUTH_FAILED);
            return;
        }
        if (!noteInviteResponse(response, callerInvite)) {
            return;
        }
        SipServletResponse relayed = relay(response, callerInvite);
        if (status < 200) {
            reliable.relay(response, relayed, callerInvite);
            return;
        }
        if (status < 300) {
            sessionTimers.answered(callerInvite, response, relayed);
        }
        relayed.send();
    }

    /** The caller-side copy of a callee response: status, reason, body and the headers that may cross. */
    private SipServletResponse relay(SipServletResponse response, SipServletRequest original) throws IOException {
        SipServletResponse relayed = original.createResponse(response.getStatus(), response.getReasonPhrase());
        if (response.getStatus() / 100 == 3) {
            failover.pointUnfollowedRedirect(response, original, relayed);
        }
        headers.carry(response, relayed);
        copyBody(response, relayed);
        return relayed;
    }

    /** @return whether the response goes on to the caller (not when failover moved the call to another gateway) */
    private boolean noteInviteResponse(SipServletResponse response, SipServletRequest callerInvite)
            throws IOException, TooManyHopsException {
        int status = response.getStatus();
        if (status >= 300 && failover.movedOnAfter(response, callerInvite)) {
            return false;
        }
        CallTimeline timeline = CallLegs.timeline(response.getApplicationSession());
        if (status < 300) {
            failover.progressed(response);
        }
        if (timeline == null) {
            return true;
        }
        if (status < 200) {
            timeline.provisional(status, cdrs.clock().instant());
        } else if (status < 300) {
            timeline.answered(cdrs.clock().instant());
        } else {
            cdrs.endCall(response.getApplicationSession(), status, HangupParty.CALLEE,
                    CalleeRefusals.cause(response));
        }
        return true;
    }

    private static void hangUpLateAnswer(SipServletResponse response) throws IOException {
        response.createAck().send();
        response.getSession().createRequest("BYE").send();
    }

    /** Forwards the caller's ACK for a 2xx to the callee, acknowledging the 2xx still pending there. */
    void relayAck(SipServletRequest ack) throws IOException {
        Optional<SipSession> other = LinkedLegs.otherLeg(ack);
        if (other.isEmpty()) {
            return;
        }
        for (SipServletResponse answer : LinkedLegs.unacknowledgedAnswers(ack, other.get())) {
            SipServletRequest relayed = answer.createAck();
            copyBody(ack, relayed);
            relayed.send();
        }
    }

    /**
     * A BYE from either side ends the call: answered at once (the dialog is over for its sender whatever the other
     * side says), recorded, and sent on to the other side.
     */
    void relayBye(SipServletRequest bye) throws IOException {
        bye.createResponse(200).send();
        if (CallLegs.isReleased(bye.getSession())) {
            return; // a referrer leaving after its transfer: the call goes on without it
        }
        HangupParty party = CallLegs.side(bye.getSession()) == CallLegs.Side.CALLER
                ? HangupParty.CALLER : HangupParty.CALLEE;
        cdrs.endCall(bye.getApplicationSession(), 200, party, EndCause.NORMAL_CLEARING);
        Optional<SipSession> other = LinkedLegs.otherLeg(bye);
        if (other.isPresent()) {
            SipServletRequest relayed = LinkedLegs.copyTo(other.get(), bye);
            headers.strip(relayed);
            relayed.send();
        }
    }

    /**
     * The caller gave up before an answer. The container has already answered the CANCEL with 200 and the INVITE
     * with 487 (JSR 289 §11.2.5); what is left is to stop failover, cancel the callee leg and record the call.
     */
    void relayCancel(SipServletRequest cancel) throws IOException {
        CallTimeline timeline = CallLegs.timeline(cancel.getApplicationSession());
        if (timeline != null && timeline.isAnswered()) {
            return; // RFC 3261 §9.2: too late, the 200 went first; the caller ACKs it and sends BYE (§9.1)
        }
        failover.stop(cancel.getApplicationSession());
        cdrs.endCall(cancel.getApplicationSession(), 487, HangupParty.CALLER, EndCause.CALLER_CANCELLED);
        Optional<SipSession> other = LinkedLegs.otherLeg(cancel);
        if (other.isPresent() && other.get().getState() != SipSession.State.CONFIRMED) {
            LinkedLegs.cancelOn(cancel, other.get()).send();
        }
    }

    /** Relays a mid-dialog request (re-INVITE, UPDATE, INFO, OPTIONS) to the other leg. */
    void relayInDialog(SipServletRequest request) throws IOException {
        Optional<SipSession> other = LinkedLegs.otherLeg(request);
        if (other.isEmpty()) {
            request.createResponse(481, "Call/Transaction Does Not Exist").send();
            return;
        }
        // The copy drops Require as the first INVITE's does, so a re-INVITE or UPDATE requiring what Trunkline
        // cannot honour would otherwise be answered 200 by a callee that never saw the requirement.
        if (refusedForUnsupportedRequirements(request)) {
            return;
        }
        SipServletRequest relayed = LinkedLegs.copyTo(other.get(), request);
        IdentityHeaders.dropReceived(relayed); // RFC 3325 §5
        headers.strip(relayed);
        copyBody(request, relayed);
        relayed.send();
    }

    /** RFC 3261 §8.2.2.3: a request requiring an option tag Trunkline does not honour is answered 420. */
    private static boolean refusedForUnsupportedRequirements(SipServletRequest request) throws IOException {
        List<String> unsupported = LegNegotiation.unsupportedRequirements(request);
        if (unsupported.isEmpty()) {
            return false;
        }
        SipServletResponse badExtension = request.createResponse(420, "Bad Extension");
        badExtension.setHeader("Unsupported", String.join(", ", unsupported)); // RFC 3261 §20.40
        badExtension.send();
        return true;
    }

    /** A PRACK from the caller for a reliable provisional (RFC 3262 §7.2). */
    void relayPrack(SipServletRequest prack) throws IOException {
        reliable.relayPrack(prack);
    }

    /** Ends the call after an unexpected failure in Trunkline itself, so that a CDR still says what happened. */
    void failed(SipServletRequest request) {
        cdrs.endCall(request.getApplicationSession(), 500, HangupParty.TRUNKLINE, EndCause.INTERNAL_ERROR);
    }

    static void copyBody(SipServletMessage from, SipServletMessage to) throws IOException {
        byte[] body = from.getRawContent();
        if (body != null && body.length > 0) {
            to.setContent(body, from.getContentType());
        }
    }
}
