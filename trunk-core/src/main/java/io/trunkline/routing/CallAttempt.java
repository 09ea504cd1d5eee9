package io.trunkline.routing;

/**
 * What routing needs from an initial INVITE.
 *
 * @param sourceAddress IP address the request arrived from (the last hop, not any header claim)
 * @param sourcePort    port it arrived from; tells apart trunks that share an address
 * @param calledUser    user part of the Request-URI
 * @param callingUser   user part of the From URI (display only; may be anything)
 */
public record CallAttempt(String sourceAddress, int sourcePort, String calledUser, String callingUser) {
}
