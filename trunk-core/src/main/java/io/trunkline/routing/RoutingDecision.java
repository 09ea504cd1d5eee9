package io.trunkline.routing;

import io.trunkline.number.PresentedNumbers;
import io.trunkline.trunk.FailoverPolicy;
import io.trunkline.trunk.Gateway;

import java.io.Serializable;
import java.util.List;

/** The outcome of routing one INVITE: forward it, or answer it with a final error status. */
public sealed interface RoutingDecision {

    /**
     * Forward the call as a new dialog.
     *
     * @param inboundTrunk  the trunk the call arrived on
     * @param outboundTrunk the trunk it leaves on, or {@code null} for a URI destination
     * @param calledNumber  the called number to present, in E.164; for a URI destination too it is the DID that was
     *                      dialled, not the user part of the destination URI
     * @param callingNumber the calling identity Trunkline decided on (trust, verified caller-ID; what the CDR shows),
     *                      E.164 when it could be read as one, else as received
     * @param targets       where to send it, in the order to try them (never empty)
     * @param failover      when to move on from one target to the next
     * @param presented     the number strings to write into the outbound INVITE, in the destination's format
     */
    record Forward(String inboundTrunk, String outboundTrunk, String calledNumber, String callingNumber,
                   List<Target> targets, FailoverPolicy failover, PresentedNumbers presented)
            implements RoutingDecision, Serializable {
        private static final long serialVersionUID = 1L;

        public Forward {
            if (targets == null || targets.isEmpty()) {
                throw new IllegalArgumentException("a forward needs at least one target");
            }
            targets = List.copyOf(targets);
            failover = failover == null ? FailoverPolicy.defaults() : failover;
            presented = presented == null ? PresentedNumbers.plain(calledNumber, callingNumber) : presented;
        }

        /** A forward that presents the numbers in E.164, without an asserted identity. */
        public Forward(String inboundTrunk, String outboundTrunk, String calledNumber, String callingNumber,
                       List<Target> targets, FailoverPolicy failover) {
            this(inboundTrunk, outboundTrunk, calledNumber, callingNumber, targets, failover, null);
        }

        /** A forward to a single target with the default failover policy. */
        public Forward(String inboundTrunk, String outboundTrunk, String calledNumber, String callingNumber,
                       Target target) {
            this(inboundTrunk, outboundTrunk, calledNumber, callingNumber, List.of(target), null, null);
        }

        /** The first target to try. */
        public Target target() {
            return targets.get(0);
        }
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
    sealed interface Target extends Serializable {
    }

    record GatewayTarget(Gateway gateway) implements Target {
    }

    record UriTarget(String uri) implements Target {
    }
}
