package io.trunkline.sip;

import io.trunkline.cdr.CallTimeline;
import io.trunkline.limits.CallChannels;

import javax.servlet.ServletException;
import javax.servlet.sip.SipApplicationSession;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.TooManyHopsException;
import java.io.IOException;
import java.util.Optional;

/**
 * The party an outbound attempt sequence ({@link GatewayFailover}) works for: a routed caller waiting on its INVITE
 * ({@link RoutedCaller}), or the party that stays in a call being transferred ({@link PendingTransfer}). The
 * sequence itself (targets, candidate trunks, admission, setup timer, digest) is the same for both; what differs
 * is how each attempt's INVITE is made and who hears that every target failed.
 */
interface AttemptOrigin {
    SipApplicationSession call();

    OutboundAttempts attempts();

    /** The CDR timeline of the call being set up. */
    CallTimeline timeline();

    /** The channels that the trunk each attempt leaves on is counted against; null once the call has ended. */
    CallChannels channels();

    /** The trunk the CDR names as the call's inbound trunk. */
    String inboundTrunk();

    /** The address Trunkline is reached at by the party, for From when no advertised host is set. */
    String localAddress();

    /** The display name the callee is shown, or null. */
    String displayName();

    /** A new INVITE for the next attempt, From and To given, body and extensions as this origin offers them. */
    SipServletRequest newInvite(String from, String to) throws TooManyHopsException, ServletException;

    /** The INVITE of the attempt under way, if one is. */
    Optional<SipServletRequest> currentInvite();

    /** The attempt under way failed: it is let go so that the next one can take its place. */
    void leaveAttempt();

    /** Whether the outcome is still awaited (nobody gave up, nothing answered yet). */
    boolean awaitingOutcome();

    /** Every target failed or was refused: tells the party why and ends the attempt's CDR. */
    void gaveUp(int status) throws IOException;

    /** The target rang for its trunk's ring timeout and was cancelled: tells the party (480) and ends the CDR. */
    void notAnswered() throws IOException;
}
