package io.trunkline.routing;

import io.trunkline.number.ReceivedIdentity;

/**
 * What routing needs from an initial INVITE.
 *
 * @param sourceAddress   IP address the request arrived from (the last hop, not any header claim)
 * @param sourcePort      port it arrived from; tells apart trunks that share an address
 * @param calledUser      user part of the Request-URI
 * @param callingUser     user part of the From URI (display only; may be anything)
 * @param identity        the From, P-Asserted-Identity/Remote-Party-ID and Privacy claims, judged by the trunk's trust
 * @param registeredTrunk the trunk whose registered Contact the request was sent to, or {@code null}: such a call
 *                        belongs to that trunk wherever it comes from (carriers send from many addresses)
 */
public record CallAttempt(String sourceAddress, int sourcePort, String calledUser, String callingUser,
                          ReceivedIdentity identity, String registeredTrunk) {
    public CallAttempt {
        identity = identity == null ? ReceivedIdentity.fromOnly(callingUser) : identity;
    }

    /** A request not sent to a registered Contact: its trunk is known by its source. */
    public CallAttempt(String sourceAddress, int sourcePort, String calledUser, String callingUser,
                       ReceivedIdentity identity) {
        this(sourceAddress, sourcePort, calledUser, callingUser, identity, null);
    }

    /** An attempt that claims no identity beyond its From. */
    public CallAttempt(String sourceAddress, int sourcePort, String calledUser, String callingUser,
                       String registeredTrunk) {
        this(sourceAddress, sourcePort, calledUser, callingUser, null, registeredTrunk);
    }

    /** An attempt that claims no identity beyond its From, not sent to a registered Contact. */
    public CallAttempt(String sourceAddress, int sourcePort, String calledUser, String callingUser) {
        this(sourceAddress, sourcePort, calledUser, callingUser, null, null);
    }
}
