package io.trunkline.routing;

import io.trunkline.trunk.Gateway;

/** The outcome of routing one INVITE: forward it, or answer it with a final error status. */
public sealed interface RoutingDecision {

    /**
     * Forward the call as a new dialog.
     *
     * @param inboundTrunk  the trunk the call arrived on
     * @param outboundTrunk the trunk it leaves on, or {@code null} for a URI destination
     * @param calledNumber  the called number to present, in E.164; for a URI destination too it is the DID that was
     *                      dialled, not the user part of the destination URI
     * @param callingNumber the calling number, E.164 when it could be read as one, else as received
     * @param target        where to send it
     */
    record Forward(String inboundTrunk, String outboundTrunk, String calledNumber, String callingNumber,
                   Target target) implements RoutingDecision {
    }

    /**
     * Refuse the call.
     *
     * @param status SIP status code (4xx-6xx)
     * @param reason reason phrase sent to the caller
     */
    record Reject(int status, String reason) implements RoutingDecision {
        public Reject {
            if (status < 400 || status > 699) {
                throw new IllegalArgumentException("a rejection needs a final error status, not " + status);
            }
        }
    }

    /** A forwarding target: a trunk gateway (the Request-URI is built from it) or a fixed SIP URI. */
    sealed interface Target {
    }

    record GatewayTarget(Gateway gateway) implements Target {
    }

    record UriTarget(String uri) implements Target {
    }
}
