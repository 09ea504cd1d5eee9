package io.trunkline.cdr;

import java.time.Duration;
import java.time.Instant;

/**
 * One finished call.
 *
 * @param id                 store-assigned identifier, {@code null} until stored
 * @param inboundCallId      Call-ID of the leg Trunkline received
 * @param outboundCallId     Call-ID of the leg Trunkline created, {@code null} if the call was never forwarded
 * @param callingNumber      E.164 where readable, else as received
 * @param calledNumber       E.164 where readable, else as received
 * @param inboundTrunk       trunk the call arrived on, {@code null} when the source was not recognised
 * @param outboundTrunk      trunk the call left on, {@code null} if not forwarded or sent to a URI
 * @param invitedAt          when the INVITE arrived
 * @param firstProvisionalAt first 1xx above 100 from the called side, or {@code null}
 * @param answeredAt         2xx to the INVITE, or {@code null}
 * @param endedAt            when the call ended
 * @param finalStatus        final response status of the INVITE transaction as the caller saw it
 * @param hangupParty        who ended the call
 * @param endCause           why it ended, {@code null} for records stored before causes were kept
 */
public record CallDetailRecord(Long id, String inboundCallId, String outboundCallId, String callingNumber,
                               String calledNumber, String inboundTrunk, String outboundTrunk, Instant invitedAt,
                               Instant firstProvisionalAt, Instant answeredAt, Instant endedAt, int finalStatus,
                               HangupParty hangupParty, EndCause endCause) {

    /** A record without a known cause, as stored before causes were kept. */
    public CallDetailRecord(Long id, String inboundCallId, String outboundCallId, String callingNumber,
                            String calledNumber, String inboundTrunk, String outboundTrunk, Instant invitedAt,
                            Instant firstProvisionalAt, Instant answeredAt, Instant endedAt, int finalStatus,
                            HangupParty hangupParty) {
        this(id, inboundCallId, outboundCallId, callingNumber, calledNumber, inboundTrunk, outboundTrunk, invitedAt,
                firstProvisionalAt, answeredAt, endedAt, finalStatus, hangupParty, null);
    }

    /** Billable time: answer to end, zero for unanswered calls. */
    public Duration duration() {
        return answeredAt == null || endedAt == null ? Duration.ZERO : Duration.between(answeredAt, endedAt);
    }

    public CallDetailRecord withId(long newId) {
        return new CallDetailRecord(newId, inboundCallId, outboundCallId, callingNumber, calledNumber, inboundTrunk,
                outboundTrunk, invitedAt, firstProvisionalAt, answeredAt, endedAt, finalStatus, hangupParty, endCause);
    }
}
