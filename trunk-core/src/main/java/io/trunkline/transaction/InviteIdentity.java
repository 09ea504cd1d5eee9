package io.trunkline.transaction;

import java.util.Objects;

/**
 * What makes two INVITEs copies of one request: the same Call-ID, From tag and CSeq number (RFC 3261 §8.2.2.2)
 * and the same top Via branch, which is the transaction itself (§17.2.3). A new request, even in the same call,
 * always carries a new branch. The CSeq number is compared as the request carried it: copies carry the same text.
 */
public record InviteIdentity(String callId, String fromTag, String cseq, String branch) {
    public InviteIdentity {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(cseq, "cseq");
        fromTag = fromTag == null ? "" : fromTag;
        branch = branch == null ? "" : branch;
    }
}
