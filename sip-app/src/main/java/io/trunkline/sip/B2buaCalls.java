package io.trunkline.sip;

import io.trunkline.cdr.BatchingCdrWriter;
import io.trunkline.cdr.CallDetailRecord;
import io.trunkline.cdr.CallTimeline;
import io.trunkline.cdr.HangupParty;
import io.trunkline.routing.CallAttempt;
import io.trunkline.routing.CallRouter;
import io.trunkline.routing.RoutingDecision;
import io.trunkline.routing.RoutingDecision.Forward;
import io.trunkline.routing.RoutingDecision.Reject;

import javax.servlet.sip.B2buaHelper;
import javax.servlet.sip.ServletParseException;
import javax.servlet.sip.TooManyHopsException;
import javax.servlet.sip.SipServletMessage;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import javax.servlet.sip.SipSession;
import javax.servlet.sip.UAMode;
import javax.servlet.sip.URI;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Back-to-back user agent calls: the one class that uses {@link B2buaHelper}. A call is two dialogs linked by the
 * helper; when one side speaks the message is re-created on the other, so Call-ID, tags, Via, Contact and
 * Record-Route of one side never reach the other (topology hiding by construction).
 */
final class B2buaCalls {
    private final CallRouter router;
    private final BatchingCdrWriter cdrs;
    private final Clock clock;
    private final SipAddresses addresses;
    private final Optional<String> advertisedHost;

    B2buaCalls(CallRouter router, BatchingCdrWriter cdrs, Clock clock, SipAddresses addresses,
               Optional<String> advertisedHost) {
        this.router = router;
        this.cdrs = cdrs;
        this.clock = clock;
        this.addresses = addresses;
        this.advertisedHost = advertisedHost;
    }

    /** Routes an initial INVITE and either rejects it or creates the outbound leg. */
    void start(SipServletRequest invite) throws IOException {
        String called = SipAddresses.userOf(invite.getRequestURI());
        String calling = SipAddresses.userOf(invite.getFrom().getURI());
        CallTimeline timeline = CallTimeline.begin(invite.getCallId(), calling, called, clock);
        RoutingDecision decision = router.route(
                new CallAttempt(invite.getRemoteAddr(), invite.getRemotePort(), called, calling));
        if (decision instanceof Reject reject) {
            invite.createResponse(reject.status(), reject.reason()).send();
            record(timeline.end(reject.status(), HangupParty.TRUNKLINE, clock.instant()));
            return;
        }
        try {
            forward(invite, (Forward) decision, timeline);
        } catch (IOException e) {
            // send() failed: the target cannot be reached over its transport (RFC 3261 §8.1.3.1).
            rejectAfterFailure(invite, timeline, 503, "Destination Unreachable");
        } catch (TooManyHopsException e) {
            rejectAfterFailure(invite, timeline, 483, "Too Many Hops"); // RFC 3261 §16.3 step 3
        } catch (ServletParseException e) {
            rejectAfterFailure(invite, timeline, 500, "Destination URI Not Usable");
        }
    }

    private void rejectAfterFailure(SipServletRequest invite, CallTimeline timeline, int status, String reason)
            throws IOException {
        if (!invite.isCommitted()) {
            invite.createResponse(status, reason).send();
        }
        record(timeline.end(status, HangupParty.TRUNKLINE, clock.instant()));
    }

    private void forward(SipServletRequest invite, Forward forward, CallTimeline timeline)
            throws IOException, ServletParseException, TooManyHopsException {
        URI target = addresses.requestUri(forward);
        String localHost = advertisedHost.orElse(invite.getLocalAddr());
        Map<String, List<String>> headers = Map.of(
                "From", List.of(addresses.from(forward, invite.getFrom().getDisplayName(), localHost)),
                "To", List.of(addresses.to(forward, target)));
        B2buaHelper helper = invite.getB2buaHelper();
        SipServletRequest outbound = helper.createRequest(invite, true, headers);
        outbound.setRequestURI(target);
        // Reliable provisionals need PRACK relay on both legs (RFC 3262), which this B2BUA does not do yet:
        // offer the callee only what can be honoured.
        outbound.removeHeader("Supported");
        timeline.normalizedNumbers(forward.callingNumber(), forward.calledNumber());
        timeline.routed(forward.inboundTrunk(), forward.outboundTrunk(), outbound.getCallId());
        CallLegs.bind(invite.getApplicationSession(), timeline, invite.getSession(), outbound.getSession());
        outbound.send();
    }

    /** Relays a response received on the callee leg to the caller leg, and notes it in the call's timeline. */
    void relayResponse(SipServletResponse response) throws IOException {
        int status = response.getStatus();
        String method = response.getMethod();
        if (status == 100 || "CANCEL".equals(method) || "BYE".equals(method)) {
            return; // 100 is hop-by-hop; CANCEL and BYE are answered locally (see relayCancel, relayBye).
        }
        B2buaHelper helper = response.getRequest().getB2buaHelper();
        SipServletRequest original = helper.getLinkedSipServletRequest(response.getRequest());
        boolean initialInvite = "INVITE".equals(method) && original != null && original.isInitial();
        if (original == null || original.isCommitted()) {
            if (initialInvite && status < 300 && status >= 200) {
                hangUpLateAnswer(response); // the caller cancelled while this 200 was on its way (RFC 3261 §9.1)
            }
            return;
        }
        if (initialInvite) {
            noteInviteResponse(response);
        }
        SipServletResponse relayed = original.createResponse(status, response.getReasonPhrase());
        copyBody(response, relayed);
        relayed.send();
    }

    private void noteInviteResponse(SipServletResponse response) {
        CallTimeline timeline = CallLegs.timeline(response.getApplicationSession());
        if (timeline == null) {
            return;
        }
        int status = response.getStatus();
        if (status < 200) {
            timeline.provisional(status, clock.instant());
        } else if (status < 300) {
            timeline.answered(clock.instant());
        } else {
            record(timeline.end(status, HangupParty.CALLEE, clock.instant()));
        }
    }

    private static void hangUpLateAnswer(SipServletResponse response) throws IOException {
        response.createAck().send();
        response.getSession().createRequest("BYE").send();
    }

    /** Forwards the caller's ACK for a 2xx to the callee, acknowledging the 2xx still pending there. */
    void relayAck(SipServletRequest ack) throws IOException {
        B2buaHelper helper = ack.getB2buaHelper();
        SipSession other = helper.getLinkedSession(ack.getSession());
        if (other == null || !other.isValid()) {
            return;
        }
        for (SipServletMessage pending : helper.getPendingMessages(other, UAMode.UAC)) {
            if (pending instanceof SipServletResponse response && "INVITE".equals(response.getMethod())
                    && response.getStatus() / 100 == 2) {
                SipServletRequest relayed = response.createAck();
                copyBody(ack, relayed);
                relayed.send();
            }
        }
    }

    /**
     * A BYE from either side ends the call: answered at once (the dialog is over for its sender whatever the other
     * side says), recorded, and sent on to the other side.
     */
    void relayBye(SipServletRequest bye) throws IOException {
        bye.createResponse(200).send();
        CallTimeline timeline = CallLegs.timeline(bye.getApplicationSession());
        if (timeline != null) {
            HangupParty party = CallLegs.side(bye.getSession()) == CallLegs.Side.CALLER
                    ? HangupParty.CALLER : HangupParty.CALLEE;
            record(timeline.end(200, party, clock.instant()));
        }
        SipSession other = bye.getB2buaHelper().getLinkedSession(bye.getSession());
        if (other != null && other.isValid() && other.getState() != SipSession.State.TERMINATED) {
            bye.getB2buaHelper().createRequest(other, bye, null).send();
        }
    }

    /**
     * The caller gave up before an answer. The container has already answered the CANCEL with 200 and the INVITE
     * with 487 (JSR 289 §11.2.5); what is left is to cancel the callee leg and record the call.
     */
    void relayCancel(SipServletRequest cancel) throws IOException {
        CallTimeline timeline = CallLegs.timeline(cancel.getApplicationSession());
        if (timeline != null) {
            record(timeline.end(487, HangupParty.CALLER, clock.instant()));
        }
        B2buaHelper helper = cancel.getB2buaHelper();
        SipSession other = helper.getLinkedSession(cancel.getSession());
        if (other != null && other.isValid() && other.getState() != SipSession.State.TERMINATED
                && other.getState() != SipSession.State.CONFIRMED) {
            helper.createCancel(other).send();
        }
    }

    /** Relays a mid-dialog request (re-INVITE, UPDATE, INFO, OPTIONS) to the other leg. */
    void relayInDialog(SipServletRequest request) throws IOException {
        B2buaHelper helper = request.getB2buaHelper();
        SipSession other = helper.getLinkedSession(request.getSession());
        if (other == null || !other.isValid() || other.getState() == SipSession.State.TERMINATED) {
            request.createResponse(481, "Call/Transaction Does Not Exist").send();
            return;
        }
        SipServletRequest relayed = helper.createRequest(other, request, null);
        copyBody(request, relayed);
        relayed.send();
    }

    /** Ends the call after an unexpected failure in Trunkline itself, so that a CDR still says what happened. */
    void failed(SipServletRequest request) {
        CallTimeline timeline = CallLegs.timeline(request.getApplicationSession());
        if (timeline != null) {
            record(timeline.end(500, HangupParty.TRUNKLINE, clock.instant()));
        }
    }

    private void record(CallDetailRecord finished) {
        if (finished != null) {
            cdrs.submit(finished);
        }
    }

    private static void copyBody(SipServletMessage from, SipServletMessage to) throws IOException {
        byte[] body = from.getRawContent();
        if (body != null && body.length > 0) {
            to.setContent(body, from.getContentType());
        }
    }
}
