package io.trunkline.number;

/**
 * Who an INVITE says is calling, as received, before any trust decision.
 *
 * @param fromUser         user part of the From URI (anything the caller chose)
 * @param assertedUser     user part of the P-Asserted-Identity (RFC 3325 §9.1) or, lacking one, of the
 *                         Remote-Party-ID with party=calling (draft-ietf-sip-privacy-04 §6); {@code null} when neither
 * @param privacyRequested whether a Privacy header asks for id privacy (RFC 3325 §9.3, RFC 3323 §4.2)
 * @param assertedWithheld whether the Remote-Party-ID says privacy=full or privacy=uri (the draft's equivalent)
 */
public record ReceivedIdentity(String fromUser, String assertedUser, boolean privacyRequested,
                               boolean assertedWithheld) {
    public static ReceivedIdentity fromOnly(String fromUser) {
        return new ReceivedIdentity(fromUser, null, false, false);
    }
}
