package io.trunkline.sip;

import io.trunkline.cdr.CallTimeline;
import io.trunkline.limits.CallChannels;

import javax.servlet.ServletException;
import javax.servlet.sip.SipApplicationSession;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import javax.servlet.sip.SipSession;
import java.io.IOException;
import java.util.Optional;

/**
 * A blind transfer under way, held by the call until it completes or fails. States: INVITING (the new leg's INVITE
 * is out, without an offer, to one target after another as {@link GatewayFailover} moves on) → REINVITING (the
 * target answered with its offer; the remaining party is re-INVITEd with it) → over (the call forgets it). Holds
 * live container objects, as {@link CallLegs} does for the caller's INVITE: the application is not distributable.
 */
final class PendingTransfer implements AttemptOrigin {
    enum Phase { INVITING, REINVITING }

    private final BlindTransfer transfers;
    private final SipServletRequest refer;
    private final SipSession remaining;
    private final OutboundAttempts attempts;
    private final CallTimeline timeline;
    private final CallChannels channels;
    private SipServletRequest targetInvite;
    private Phase phase = Phase.INVITING;
    private SipServletResponse targetAnswer;

    /** @param channels the new leg's own channels, given back when the new call ends or the transfer fails */
    PendingTransfer(BlindTransfer transfers, SipServletRequest refer, SipSession remaining, OutboundAttempts attempts,
                    CallTimeline timeline, CallChannels channels) {
        this.transfers = transfers;
        this.refer = refer;
        this.remaining = remaining;
        this.attempts = attempts;
        this.timeline = timeline;
        this.channels = channels;
    }

    SipServletRequest refer() {
        return refer;
    }

    SipSession referrer() {
        return refer.getSession();
    }

    SipSession remaining() {
        return remaining;
    }

    /** The leg of the current attempt, or null before the first INVITE went out. */
    SipSession target() {
        return targetInvite == null ? null : targetInvite.getSession();
    }

    SipServletRequest targetInvite() {
        return targetInvite;
    }

    Phase phase() {
        return phase;
    }

    void targetAnswered(SipServletResponse answer) {
        targetAnswer = answer;
        phase = Phase.REINVITING;
    }

    /** The target's 2xx, still waiting for the ACK that carries the remaining party's answer. */
    SipServletResponse targetAnswer() {
        return targetAnswer;
    }

    @Override
    public SipApplicationSession call() {
        return remaining.getApplicationSession();
    }

    @Override
    public OutboundAttempts attempts() {
        return attempts;
    }

    /** The new call's own CDR timeline: the remaining party calling the target. */
    @Override
    public CallTimeline timeline() {
        return timeline;
    }

    @Override
    public CallChannels channels() {
        return channels;
    }

    /** The remaining party's trunk: the new call is that party calling the target. */
    @Override
    public String inboundTrunk() {
        LegParty party = CallLegs.party(remaining);
        return party == null ? null : party.trunk();
    }

    @Override
    public String localAddress() {
        return refer.getLocalAddr();
    }

    @Override
    public String displayName() {
        return null;
    }

    @Override
    public SipServletRequest newInvite(String from, String to) throws ServletException {
        targetInvite = transfers.targetInvite(call(), from, to);
        return targetInvite;
    }

    @Override
    public Optional<SipServletRequest> currentInvite() {
        return Optional.ofNullable(targetInvite);
    }

    @Override
    public void leaveAttempt() {
        // Not linked to any other leg: the next attempt's INVITE simply takes its place.
    }

    @Override
    public boolean awaitingOutcome() {
        return phase == Phase.INVITING && CallLegs.transfer(call()) == this;
    }

    @Override
    public void gaveUp(int status) {
        transfers.gaveUp(this, status);
    }

    @Override
    public void notAnswered() {
        transfers.notAnswered(this);
    }
}
