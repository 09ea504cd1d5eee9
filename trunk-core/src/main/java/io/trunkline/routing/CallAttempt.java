package io.trunkline.routing;

/**
 * What routing needs from an initial INVITE.
 *
 * @param sourceAddress IP address the request arrived from (the last hop, not any header claim)
 * @param sourcePort    port it arrived from; tells apart trunks that share an address
 * @param calledUser    user part of the Request-URI
 * @param callingUser   user part of the From URI (display only; may be anything)
 * @param registeredTrunk the trunk whose registered Contact the request was sent to, or {@code null}: such a call
 *                        belongs to that trunk wherever it comes from (carriers send from many addresses)
 */
public record CallAttempt(String sourceAddress, int sourcePort, String calledUser, String callingUser,
                          String registeredTrunk) {

    /** A request not sent to a registered Contact: its trunk is known by its source. */
    public CallAttempt(String sourceAddress, int sourcePort, String calledUser, String callingUser) {
        this(sourceAddress, sourcePort, calledUser, callingUser, null);
    }
}
