package io.trunkline.adapter.jpa;

import io.trunkline.cdr.CallDetailRecord;
import io.trunkline.cdr.EndCause;
import io.trunkline.cdr.HangupParty;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "cdr")
public class CdrEntity {
    private static final int CALL_ID_COLUMN = 255;
    private static final int NUMBER_COLUMN = 128;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cdr_seq")
    @SequenceGenerator(name = "cdr_seq", sequenceName = "cdr_seq", allocationSize = 50)
    private Long id;
    @Column(name = "inbound_call_id", nullable = false)
    private String inboundCallId;
    @Column(name = "outbound_call_id")
    private String outboundCallId;
    @Column(name = "calling_number")
    private String callingNumber;
    @Column(name = "called_number")
    private String calledNumber;
    @Column(name = "inbound_trunk")
    private String inboundTrunk;
    @Column(name = "outbound_trunk")
    private String outboundTrunk;
    @Column(name = "invited_at", nullable = false)
    private Instant invitedAt;
    @Column(name = "first_provisional_at")
    private Instant firstProvisionalAt;
    @Column(name = "answered_at")
    private Instant answeredAt;
    @Column(name = "ended_at", nullable = false)
    private Instant endedAt;
    @Column(name = "final_status", nullable = false)
    private int finalStatus;
    @Column(name = "hangup_party", nullable = false)
    private String hangupParty;
    @Column(name = "duration_ms", nullable = false)
    private long durationMillis;
    @Column(name = "end_cause")
    private String endCause;

    protected CdrEntity() {
    }

    static CdrEntity of(CallDetailRecord r) {
        CdrEntity e = new CdrEntity();
        e.inboundCallId = truncate(r.inboundCallId(), CALL_ID_COLUMN);
        e.outboundCallId = truncate(r.outboundCallId(), CALL_ID_COLUMN);
        e.callingNumber = truncate(r.callingNumber(), NUMBER_COLUMN);
        e.calledNumber = truncate(r.calledNumber(), NUMBER_COLUMN);
        e.inboundTrunk = r.inboundTrunk();
        e.outboundTrunk = r.outboundTrunk();
        e.invitedAt = r.invitedAt();
        e.firstProvisionalAt = r.firstProvisionalAt();
        e.answeredAt = r.answeredAt();
        e.endedAt = r.endedAt();
        e.finalStatus = r.finalStatus();
        e.hangupParty = r.hangupParty().name();
        e.durationMillis = r.duration().toMillis();
        e.endCause = r.endCause() == null ? null : r.endCause().name();
        return e;
    }

    /**
     * Caller-supplied strings are bounded by the column, never a reason to lose the record. Call-IDs count: RFC 3261
     * §25.1 sets no length limit, and one overlong Call-ID would otherwise fail its whole batch on every retry.
     */
    private static String truncate(String value, int column) {
        return value == null || value.length() <= column ? value : value.substring(0, column);
    }

    CallDetailRecord toDomain() {
        return new CallDetailRecord(id, inboundCallId, outboundCallId, callingNumber, calledNumber, inboundTrunk,
                outboundTrunk, invitedAt, firstProvisionalAt, answeredAt, endedAt, finalStatus,
                HangupParty.valueOf(hangupParty), storedCause());
    }

    /** A name this version does not know (written by a newer one) reads as no cause rather than failing the page. */
    private EndCause storedCause() {
        return endCause == null ? null : EndCause.named(endCause).orElse(null);
    }
}
