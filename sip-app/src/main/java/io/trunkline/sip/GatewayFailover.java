package io.trunkline.sip;

import io.trunkline.cdr.CallTimeline;
import io.trunkline.cdr.EndCause;
import io.trunkline.cdr.HangupParty;
import io.trunkline.routing.RoutingDecision.Forward;
import io.trunkline.routing.RoutingDecision.Target;
import io.trunkline.security.DigestChallenge;
import io.trunkline.security.DigestResponder;
import io.trunkline.trunk.DigestCredentials;

import javax.servlet.sip.ServletParseException;
import javax.servlet.sip.ServletTimer;
import javax.servlet.sip.SipApplicationSession;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import javax.servlet.sip.TimerService;
import javax.servlet.sip.TooManyHopsException;
import javax.servlet.sip.URI;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The outbound side of a routed call: sends the INVITE to the destination's gateways in turn. A gateway that answers
 * with a status in its trunk's retry set, cannot be reached, or shows no progress within the setup timeout is
 * abandoned for the next; after a trunk's last gateway the call moves on to the next candidate trunk (see
 * {@link CandidateTrunks}). The caller hears nothing of it until a gateway answers or none is left.
 */
final class GatewayFailover {
    private static final Logger LOG = Logger.getLogger(GatewayFailover.class.getName());

    private final SipAddresses addresses;
    private final TimerService timers;
    private final Optional<String> advertisedHost;
    private final CdrRecorder cdrs;
    private final Function<String, Optional<DigestCredentials>> credentials;
    private final CandidateTrunks trunks;
    private final LegNegotiation negotiation;

    GatewayFailover(SipAddresses addresses, TimerService timers, Optional<String> advertisedHost, CdrRecorder cdrs,
                    Function<String, Optional<DigestCredentials>> credentials, CandidateTrunks trunks,
                    LegNegotiation negotiation) {
        this.trunks = trunks;
        this.credentials = credentials;
        this.negotiation = negotiation;
        this.addresses = addresses;
        this.timers = timers;
        this.advertisedHost = advertisedHost;
        this.cdrs = cdrs;
    }

    /** Starts the outbound side of a call routing has forwarded. */
    void begin(SipServletRequest callerInvite, Forward forward, CallTimeline timeline)
            throws IOException, TooManyHopsException {
        OutboundAttempts attempts = new OutboundAttempts(forward);
        timeline.normalizedNumbers(forward.callingNumber(), forward.calledNumber());
        CallLegs.bindCaller(callerInvite, timeline, attempts);
        if (!tryNext(callerInvite, attempts, timeline)) {
            giveUp(callerInvite, attempts, timeline);
        }
    }

    /**
     * An error answer to the current attempt: if its trunk says the gateway failed and another is left, the call
     * moves on and the answer is swallowed.
     *
     * @return whether the call moved on (otherwise the caller gets this answer)
     */
    boolean movedOnAfter(SipServletResponse response, SipServletRequest callerInvite)
            throws IOException, TooManyHopsException {
        SipApplicationSession call = callerInvite.getApplicationSession();
        OutboundAttempts attempts = CallLegs.attempts(call);
        if (attempts == null || !attempts.isCurrent(response.getSession().getId())) {
            return false;
        }
        stopSetupTimer(call, attempts.progressed());
        if (!attempts.forward().failover().retriesOn(response.getStatus()) || !attempts.hasNext()) {
            return false;
        }
        attempts.failed(response.getStatus());
        LinkedLegs.unlink(callerInvite);
        return tryNext(callerInvite, attempts, CallLegs.timeline(call));
    }

    /** Whether this INVITE response belongs to setting up the call on its current attempt. */
    boolean isSetupResponse(SipServletResponse response) {
        OutboundAttempts attempts = CallLegs.attempts(response.getApplicationSession());
        return attempts != null && attempts.isSettingUp(response.getSession().getId());
    }

    /**
     * A 401/407 from the trunk: sent again once, in the same session (same Call-ID, next CSeq), with an
     * Authorization or Proxy-Authorization computed from the trunk's credentials (RFC 3261 §22.2, §22.3).
     *
     * @return whether the challenge was answered; false without credentials, or when they were already refused
     */
    boolean answeredChallenge(SipServletResponse challenge) throws IOException {
        OutboundAttempts attempts = CallLegs.attempts(challenge.getApplicationSession());
        Optional<DigestCredentials> account = attempts == null || attempts.forward().outboundTrunk() == null
                ? Optional.empty() : credentials.apply(attempts.forward().outboundTrunk());
        if (account.isEmpty() || !attempts.answerChallengeOnce()) {
            return false;
        }
        boolean proxy = challenge.getStatus() == 407;
        Optional<DigestChallenge> digest = DigestChallenge.parse(
                challenge.getHeader(proxy ? "Proxy-Authenticate" : "WWW-Authenticate"));
        if (digest.isEmpty()) {
            return false;
        }
        SipServletRequest previous = challenge.getRequest();
        SipServletRequest retry = challenge.getSession().createRequest("INVITE");
        retry.setRequestURI(previous.getRequestURI());
        copyIdentity(previous, retry); // a request created in the session carries only its dialog's headers
        byte[] body = previous.getRawContent();
        if (body != null && body.length > 0) {
            retry.setContent(body, previous.getContentType());
        }
        negotiation.carryOver(previous, retry);
        retry.setHeader(proxy ? "Proxy-Authorization" : "Authorization", DigestResponder.answer(digest.get(),
                account.get(), "INVITE", previous.getRequestURI().toString()));
        retry.send();
        return true;
    }

    /** A provisional or success answer: the current gateway is alive, so its setup timer stops. */
    void progressed(SipServletResponse response) {
        SipApplicationSession call = response.getApplicationSession();
        OutboundAttempts attempts = CallLegs.attempts(call);
        if (attempts != null && attempts.isCurrent(response.getSession().getId())) {
            stopSetupTimer(call, attempts.progressed());
            if (response.getStatus() / 100 == 2) {
                attempts.answered();
            }
        }
    }

    /** The caller gave up: no further attempt may start. */
    void stop(SipApplicationSession call) {
        OutboundAttempts attempts = CallLegs.attempts(call);
        if (attempts != null) {
            stopSetupTimer(call, attempts.progressed());
        }
    }

    /** The current gateway showed no progress in time: cancel it and try the next. */
    void setupTimedOut(SipApplicationSession call, String legId) {
        OutboundAttempts attempts = CallLegs.attempts(call);
        SipServletRequest callerInvite = CallLegs.callerInvite(call);
        if (attempts == null || callerInvite == null || callerInvite.isCommitted()
                || !attempts.isCurrent(legId) || attempts.isProgressing()) {
            return;
        }
        LinkedLegs.outboundInvite(callerInvite).ifPresent(GatewayFailover::cancelQuietly);
        attempts.failed(408);
        LinkedLegs.unlink(callerInvite);
        try {
            if (!tryNext(callerInvite, attempts, CallLegs.timeline(call))) {
                giveUp(callerInvite, attempts, CallLegs.timeline(call));
            }
        } catch (IOException | TooManyHopsException e) {
            LOG.log(Level.WARNING, "Failover after a setup timeout failed for " + callerInvite.getCallId(), e);
        }
    }

    /** Sends to the targets in turn until one takes the INVITE; false when none is left. */
    private boolean tryNext(SipServletRequest callerInvite, OutboundAttempts attempts, CallTimeline timeline)
            throws TooManyHopsException {
        while (trunks.readyToSend(callerInvite.getApplicationSession(), attempts, timeline)) {
            Target target = attempts.next();
            try {
                send(callerInvite, attempts, target, timeline);
                return true;
            } catch (IOException | IllegalArgumentException e) {
                // Unreachable over its transport, or a URI the container refuses: next target (RFC 3261 §8.1.3.1).
                LOG.log(Level.FINE, "Target " + target + " failed for " + callerInvite.getCallId(), e);
                stopSetupTimer(callerInvite.getApplicationSession(), attempts.progressed());
                attempts.failed(503);
                LinkedLegs.unlink(callerInvite);
            } catch (TooManyHopsException e) {
                throw e;
            } catch (ServletParseException e) {
                LOG.log(Level.WARNING, "Target " + target + " is not a usable URI", e);
                attempts.failed(503);
            }
        }
        return false;
    }

    private void send(SipServletRequest callerInvite, OutboundAttempts attempts, Target target,
                      CallTimeline timeline) throws IOException, ServletParseException, TooManyHopsException {
        Forward forward = attempts.forward();
        URI requestUri = addresses.requestUri(forward, target);
        String localHost = advertisedHost.orElse(callerInvite.getLocalAddr());
        Map<String, List<String>> headers = Map.of(
                "From", List.of(addresses.from(forward, callerInvite.getFrom().getDisplayName(), localHost)),
                "To", List.of(addresses.to(requestUri)));
        SipServletRequest outbound = LinkedLegs.createOutbound(callerInvite, headers);
        outbound.setRequestURI(requestUri);
        addresses.identity().write(outbound, forward.presented(), localHost);
        negotiation.prepareOutbound(callerInvite, outbound);
        CallLegs.markCallee(outbound.getSession(), forward.outboundTrunk(), forward.calledNumber());
        timeline.routed(forward.inboundTrunk(), forward.outboundTrunk(), outbound.getCallId());
        ServletTimer timer = timers.createTimer(callerInvite.getApplicationSession(),
                forward.failover().setupTimeout().toMillis(), false, new SetupTimeout(outbound.getSession().getId()));
        attempts.sent(outbound.getSession().getId(), timer.getId());
        outbound.send();
    }

    /** Every target failed: the caller gets the last failure's status (408 after a timeout, else 503 or relayed). */
    private void giveUp(SipServletRequest callerInvite, OutboundAttempts attempts, CallTimeline timeline)
            throws IOException {
        int status = attempts.lastFailure();
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
        cdrs.endCall(callerInvite.getApplicationSession(), status, HangupParty.TRUNKLINE,
                EndCause.ofNoGatewayLeft(attempts.refusal() != null));
    }

    private static void copyIdentity(SipServletRequest previous, SipServletRequest retry) {
        for (String header : List.of(IdentityHeaders.ASSERTED, IdentityHeaders.PRIVACY)) {
            String value = previous.getHeader(header);
            if (value != null) {
                retry.setHeader(header, value);
            }
        }
    }

    private static void stopSetupTimer(SipApplicationSession call, String timerId) {
        ServletTimer timer = timerId == null || !call.isValid() ? null : call.getTimer(timerId);
        if (timer != null) {
            timer.cancel();
        }
    }

    /** RFC 3261 §9.1: a CANCEL before any provisional is held by the stack; either way this attempt is over. */
    private static void cancelQuietly(SipServletRequest outboundInvite) {
        try {
            outboundInvite.createCancel().send();
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "CANCEL of an abandoned attempt not sent", e);
        }
    }
}
