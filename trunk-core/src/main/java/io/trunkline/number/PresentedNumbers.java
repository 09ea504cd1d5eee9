package io.trunkline.number;

import java.io.Serializable;

/**
 * The number strings for the outbound INVITE, decided by the domain so that the SIP adapter only renders them.
 *
 * @param calledUser   user part of the Request-URI and To
 * @param callingUser  user part of the From; empty when the From must be anonymous
 * @param anonymous    whether the From is the anonymous URI of RFC 3323 §4.1.1.3
 * @param assertedUser user part of the P-Asserted-Identity to send, or {@code null} to send none (untrusted peer)
 * @param privacyId    whether to send Privacy: id with the asserted identity (RFC 3325 §9.3)
 */
public record PresentedNumbers(String calledUser, String callingUser, boolean anonymous, String assertedUser,
                               boolean privacyId) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Numbers sent as decided, in E.164, without an asserted identity. */
    public static PresentedNumbers plain(String calledNumber, String callingNumber) {
        return new PresentedNumbers(calledNumber, callingNumber, false, null, false);
    }
}
