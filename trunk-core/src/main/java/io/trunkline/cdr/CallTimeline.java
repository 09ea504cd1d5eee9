package io.trunkline.cdr;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;

/**
 * The CDR of one call while it runs. Events may arrive in any order the network produces; each is recorded once
 * and the first {@link #end} wins, so a BYE racing a CANCEL or an error still yields exactly one record.
 *
 * <p>States: ATTEMPTING (created) → RINGING (first provisional) → ANSWERED (2xx) → ENDED; ATTEMPTING or RINGING may
 * go straight to ENDED. Serializable because it lives in the SIP application session.
 */
public final class CallTimeline implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String inboundCallId;
    private String callingNumber;
    private String calledNumber;
    private final Instant invitedAt;
    private String inboundTrunk;
    private String outboundTrunk;
    private String outboundCallId;
    private Instant firstProvisionalAt;
    private Instant answeredAt;
    private Instant endedAt;
    private int finalStatus;
    private HangupParty hangupParty;
    private EndCause endCause;

    public CallTimeline(String inboundCallId, String callingNumber, String calledNumber, Instant invitedAt) {
        this.inboundCallId = inboundCallId;
        this.callingNumber = callingNumber;
        this.calledNumber = calledNumber;
        this.invitedAt = invitedAt;
    }

    public static CallTimeline begin(String inboundCallId, String callingNumber, String calledNumber, Clock clock) {
        return new CallTimeline(inboundCallId, callingNumber, calledNumber, clock.instant());
    }

    public synchronized void routed(String inbound, String outbound, String outboundLegCallId) {
        this.inboundTrunk = inbound;
        this.outboundTrunk = outbound;
        this.outboundCallId = outboundLegCallId;
    }

    /** Replaces the numbers as received with their normalised (E.164) form once routing has read them. */
    public synchronized void normalizedNumbers(String calling, String called) {
        this.callingNumber = calling;
        this.calledNumber = called;
    }

    /**
     * Notes the first provisional response above 100 Trying: 100 is hop-by-hop and says nothing about the called side
     * (RFC 3261 §21.1.1). Anything outside 101-199 is not provisional and is ignored, as is a 1xx that arrives after
     * the answer or the end (a late or reordered retransmission), so it cannot move the ringing time.
     */
    public synchronized void provisional(int status, Instant at) {
        boolean ringing = status > 100 && status < 200;
        if (ringing && firstProvisionalAt == null && answeredAt == null && endedAt == null) {
            firstProvisionalAt = at;
        }
    }

    public synchronized void answered(Instant at) {
        if (answeredAt == null && endedAt == null) {
            answeredAt = at;
            finalStatus = 200;
        }
    }

    public synchronized boolean isAnswered() {
        return answeredAt != null;
    }

    public synchronized boolean isEnded() {
        return endedAt != null;
    }

    /**
     * Ends the call. An answered call keeps status 200 whatever ends it; an unanswered one takes {@code status}.
     * The party and cause are those of the first end, like everything else.
     *
     * @return the finished record the first time, {@code null} when the call had already ended
     */
    public synchronized CallDetailRecord end(int status, HangupParty party, EndCause cause, Instant at) {
        if (endedAt != null) {
            return null;
        }
        endedAt = at;
        hangupParty = party;
        endCause = cause;
        if (answeredAt == null) {
            finalStatus = status;
        }
        return new CallDetailRecord(null, inboundCallId, outboundCallId, callingNumber, calledNumber, inboundTrunk,
                outboundTrunk, invitedAt, firstProvisionalAt, answeredAt, endedAt, finalStatus, hangupParty, endCause);
    }
}
