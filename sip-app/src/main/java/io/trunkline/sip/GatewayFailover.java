package io.trunkline.sip;

import io.trunkline.cdr.CallTimeline;
import io.trunkline.routing.RoutingDecision.Forward;
import io.trunkline.routing.RoutingDecision.Target;
import io.trunkline.security.DigestChallenge;
import io.trunkline.security.DigestResponder;
import io.trunkline.trunk.DigestCredentials;
import io.trunkline.trunk.Transport;

import javax.servlet.ServletException;
import javax.servlet.sip.ServletTimer;
import javax.servlet.sip.SipApplicationSession;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import javax.servlet.sip.SipURI;
import javax.servlet.sip.TimerService;
import javax.servlet.sip.TooManyHopsException;
import javax.servlet.sip.URI;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The outbound side of a routed call: sends the INVITE to the destination's gateways in turn. A gateway that answers
 * with a status in its trunk's retry set, cannot be reached, or shows no progress within the setup timeout is
 * abandoned for the next; after a trunk's last gateway the call moves on to the next candidate trunk (see
 * {@link CandidateTrunks}). The caller hears nothing of it until a gateway answers or none is left. The same
 * sequence sets up a routed call and a transfer's new leg: each {@link AttemptOrigin} says how its INVITEs are made
 * and who hears that no target took the call. Once a gateway's callee rings, the trunk's ring timeout runs instead:
 * when it ends unanswered the callee is cancelled and the origin hears 480 (no other gateway is tried: the gateway
 * did its job).
 */
final class GatewayFailover {
    private static final Logger LOG = Logger.getLogger(GatewayFailover.class.getName());
    /** JSR 289 §6.1.2.2's default application-session lifetime; a longer ring timeout extends the session. */
    private static final Duration SESSION_LIFETIME = Duration.ofMinutes(3);

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
        start(caller(callerInvite));
    }

    /** Starts an origin's attempt sequence: its first target, or the news that none could take the call. */
    void start(AttemptOrigin origin) throws IOException, TooManyHopsException {
        if (!tryNext(origin)) {
            origin.gaveUp(origin.attempts().lastFailure());
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
        return movedOnAfter(caller(callerInvite), response);
    }

    boolean movedOnAfter(AttemptOrigin origin, SipServletResponse response) throws TooManyHopsException {
        OutboundAttempts attempts = origin.attempts();
        if (attempts == null || !attempts.isCurrent(response.getSession().getId())) {
            return false;
        }
        stopTimers(origin.call(), attempts);
        if (followedRedirect(origin, response)) {
            return true;
        }
        if (!attempts.forward().failover().retriesOn(response.getStatus()) || !attempts.hasNext()) {
            return false;
        }
        attempts.failed(response.getStatus());
        origin.leaveAttempt();
        return tryNext(origin);
    }

    /**
     * A redirect from the callee: the call goes again to the same target, for the number the redirect names
     * (RFC 3261 §8.1.3.4 has a UAC recurse on 3xx). At most {@link OutboundAttempts#MAX_REDIRECTS} a call, so two
     * callees redirecting to each other cannot loop it.
     */
    private boolean followedRedirect(AttemptOrigin origin, SipServletResponse response) throws TooManyHopsException {
        OutboundAttempts attempts = origin.attempts();
        if (!RedirectTarget.isRedirect(response.getStatus())) {
            return false;
        }
        Optional<String> user = RedirectTarget.userOf(response);
        if (user.isEmpty() || !attempts.redirectTo(user.get())) {
            return false;
        }
        origin.leaveAttempt();
        attempts.repeatCurrentTarget();
        return tryNext(origin); // a redirect target that cannot be sent to fails as any target does
    }

    /**
     * A redirect Trunkline did not follow (too many, or not a 300-302) still reaches the caller, but its Contact may
     * not name the callee's hosts, and the container's default would name Trunkline with no number. It names the
     * number the callee gave, at Trunkline: a caller that recurses asks Trunkline for that number (JSR 289 §4.1.2
     * leaves a 3xx's Contact to the application). With no number to give, the default stays.
     */
    void pointUnfollowedRedirect(SipServletResponse redirect, SipServletRequest callerRequest,
                                 SipServletResponse relayed) {
        Optional<String> user = RedirectTarget.userOf(redirect);
        if (user.isEmpty()) {
            return;
        }
        Transport transport;
        try {
            transport = Transport.parse(callerRequest.getTransport());
        } catch (RuntimeException e) {
            transport = Transport.UDP;
        }
        String host = advertisedHost.orElse(callerRequest.getLocalAddr());
        relayed.setHeader("Contact", "<" + (transport == Transport.TLS ? "sips:" : "sip:")
                + SipAddresses.escapedUser(user.get()) + "@"
                + SipAddresses.hostPortTransport(host, callerRequest.getLocalPort(), transport) + ">");
    }

    /** Whether this INVITE response belongs to setting up the call on its current attempt. */
    boolean isSetupResponse(SipServletResponse response) {
        OutboundAttempts attempts = CallLegs.attempts(response.getApplicationSession());
        return attempts != null && attempts.isSettingUp(response.getSession().getId());
    }

    boolean answeredChallenge(SipServletResponse challenge) throws IOException {
        return answeredChallenge(CallLegs.attempts(challenge.getApplicationSession()), challenge);
    }

    /**
     * A 401/407 from the trunk: sent again once, in the same session (same Call-ID, next CSeq), with an
     * Authorization or Proxy-Authorization computed from the trunk's credentials (RFC 3261 §22.2, §22.3).
     *
     * @return whether the challenge was answered; false without credentials, or when they were already refused
     */
    boolean answeredChallenge(OutboundAttempts attempts, SipServletResponse challenge) throws IOException {
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

    void progressed(SipServletResponse response) {
        progressed(CallLegs.attempts(response.getApplicationSession()), response);
    }

    /**
     * A provisional or success answer: the current gateway is alive, so its setup timer stops; the first provisional
     * starts the ring timer, the answer stops it.
     */
    void progressed(OutboundAttempts attempts, SipServletResponse response) {
        if (attempts == null || !attempts.isCurrent(response.getSession().getId())) {
            return;
        }
        SipApplicationSession call = response.getApplicationSession();
        stopTimer(call, attempts.progressed());
        if (response.getStatus() / 100 == 2) {
            attempts.answered();
            stopTimer(call, attempts.ringingOver());
        } else if (!attempts.isRinging()) {
            Duration ringTimeout = attempts.forward().failover().ringTimeout();
            if (ringTimeout.compareTo(SESSION_LIFETIME) >= 0) {
                call.setExpires((int) ringTimeout.toMinutes() + 1); // else it would expire while still ringing
            }
            attempts.ringing(timers.createTimer(call, ringTimeout.toMillis(), false,
                    new RingTimeout(response.getSession().getId())).getId());
        }
    }

    /** The caller gave up: no further attempt may start. */
    void stop(SipApplicationSession call) {
        stop(call, CallLegs.attempts(call));
    }

    void stop(SipApplicationSession call, OutboundAttempts attempts) {
        if (attempts != null) {
            stopTimers(call, attempts);
        }
    }

    /** The current gateway showed no progress in time: cancel it and try the next. */
    void setupTimedOut(SipApplicationSession call, String legId) {
        AttemptOrigin origin = originOf(call, legId);
        OutboundAttempts attempts = origin == null ? null : origin.attempts();
        if (attempts == null || !origin.awaitingOutcome() || !attempts.isCurrent(legId) || attempts.isProgressing()) {
            return;
        }
        origin.currentInvite().ifPresent(GatewayFailover::cancelQuietly);
        attempts.failed(408);
        origin.leaveAttempt();
        try {
            start(origin);
        } catch (IOException | TooManyHopsException e) {
            LOG.log(Level.WARNING, "Failover after a setup timeout failed for " + call.getId(), e);
        }
    }

    /** The current attempt rang for the trunk's ring timeout without an answer: cancel it, the origin hears 480. */
    void ringTimedOut(SipApplicationSession call, String legId) {
        AttemptOrigin origin = originOf(call, legId);
        OutboundAttempts attempts = origin == null ? null : origin.attempts();
        if (attempts == null || !origin.awaitingOutcome() || !attempts.isSettingUp(legId)) {
            return;
        }
        attempts.ringingOver();
        origin.currentInvite().ifPresent(GatewayFailover::cancelQuietly);
        try {
            origin.notAnswered();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Telling the caller of " + call.getId() + " that nobody answered failed", e);
        }
    }

    /** The origin whose attempt {@code legId} is: the call's transfer, or else its routed caller. */
    private AttemptOrigin originOf(SipApplicationSession call, String legId) {
        PendingTransfer transfer = CallLegs.transfer(call);
        SipServletRequest callerInvite = CallLegs.callerInvite(call);
        return transfer != null && transfer.attempts().isCurrent(legId) ? transfer
                : callerInvite == null ? null : caller(callerInvite);
    }

    private RoutedCaller caller(SipServletRequest callerInvite) {
        return new RoutedCaller(callerInvite, negotiation, cdrs);
    }

    /** Sends to the targets in turn until one takes the INVITE; false when none is left. */
    private boolean tryNext(AttemptOrigin origin) throws TooManyHopsException {
        OutboundAttempts attempts = origin.attempts();
        while (trunks.readyToSend(origin)) {
            Target target = attempts.next();
            try {
                send(origin, target);
                return true;
            } catch (IOException | IllegalArgumentException | IllegalStateException e) {
                // Unreachable over its transport, or a URI the container refuses: next target (RFC 3261 §8.1.3.1).
                LOG.log(Level.FINE, "Target " + target + " failed for " + origin.call().getId(), e);
                stopTimer(origin.call(), attempts.progressed());
                attempts.failed(503);
                origin.leaveAttempt();
            } catch (TooManyHopsException e) {
                throw e;
            } catch (ServletException e) {
                LOG.log(Level.WARNING, "Target " + target + " is not a usable URI", e);
                attempts.failed(503);
            }
        }
        return false;
    }

    private void send(AttemptOrigin origin, Target target) throws IOException, ServletException {
        Forward forward = origin.attempts().forward();
        URI requestUri = addresses.requestUri(forward, target);
        String redirectedUser = origin.attempts().redirectedUser();
        if (redirectedUser != null && requestUri instanceof SipURI sip) {
            sip.setUser(redirectedUser);
        }
        String localHost = advertisedHost.orElse(origin.localAddress());
        SipServletRequest outbound = origin.newInvite(addresses.from(forward, origin.displayName(), localHost),
                addresses.to(requestUri));
        outbound.setRequestURI(requestUri);
        addresses.identity().write(outbound, forward.presented(), localHost);
        CallLegs.markCallee(outbound.getSession(), forward.outboundTrunk(), forward.calledNumber());
        origin.timeline().routed(origin.inboundTrunk(), forward.outboundTrunk(), outbound.getCallId());
        ServletTimer timer = timers.createTimer(origin.call(), forward.failover().setupTimeout().toMillis(), false,
                new SetupTimeout(outbound.getSession().getId()));
        origin.attempts().sent(outbound.getSession().getId(), timer.getId());
        outbound.send();
    }

    private static void copyIdentity(SipServletRequest previous, SipServletRequest retry) {
        for (String header : List.of(IdentityHeaders.ASSERTED, IdentityHeaders.PRIVACY)) {
            String value = previous.getHeader(header);
            if (value != null) {
                retry.setHeader(header, value);
            }
        }
    }

    /** The attempt is over either way: neither its setup timer nor its ring timer may fire. */
    private static void stopTimers(SipApplicationSession call, OutboundAttempts attempts) {
        stopTimer(call, attempts.progressed());
        stopTimer(call, attempts.ringingOver());
    }

    private static void stopTimer(SipApplicationSession call, String timerId) {
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
