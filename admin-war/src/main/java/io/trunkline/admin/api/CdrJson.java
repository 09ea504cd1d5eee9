package io.trunkline.admin.api;

import io.trunkline.cdr.CallDetailRecord;
import io.trunkline.cdr.CdrPage;

import javax.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;

/** JSON form of a CDR; times are ISO-8601 UTC strings; events that did not happen are explicit nulls. */
@JsonbNillable
public class CdrJson {
    public Long id;
    public String inboundCallId;
    public String outboundCallId;
    public String callingNumber;
    public String calledNumber;
    public String inboundTrunk;
    public String outboundTrunk;
    public String invitedAt;
    public String firstProvisionalAt;
    public String answeredAt;
    public String endedAt;
    public int finalStatus;
    public String hangupParty;
    public long durationMillis;
    /** Why the call ended (an {@code EndCause} name), null for calls recorded before causes were kept. */
    public String endCause;

    static CdrJson of(CallDetailRecord r) {
        CdrJson json = new CdrJson();
        json.id = r.id();
        json.inboundCallId = r.inboundCallId();
        json.outboundCallId = r.outboundCallId();
        json.callingNumber = r.callingNumber();
        json.calledNumber = r.calledNumber();
        json.inboundTrunk = r.inboundTrunk();
        json.outboundTrunk = r.outboundTrunk();
        json.invitedAt = text(r.invitedAt());
        json.firstProvisionalAt = text(r.firstProvisionalAt());
        json.answeredAt = text(r.answeredAt());
        json.endedAt = text(r.endedAt());
        json.finalStatus = r.finalStatus();
        json.hangupParty = r.hangupParty().name();
        json.durationMillis = r.duration().toMillis();
        json.endCause = r.endCause() == null ? null : r.endCause().name();
        return json;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** A page of CDRs with paging facts. */
    public static class Page {
        public List<CdrJson> items;
        public int page;
        public int size;
        public long total;

        static Page of(CdrPage page) {
            Page json = new Page();
            json.items = page.items().stream().map(CdrJson::of).toList();
            json.page = page.page();
            json.size = page.size();
            json.total = page.total();
            return json;
        }
    }
}
