package io.trunkline.routing;

import io.trunkline.cdr.EndCause;
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
     * @param nextTrunks    the trunks to move on to, in order, when every target of this one failed or this
     *                      trunk is over its limits (outbound least-cost routing); empty for a single trunk
     */
    record Forward(String inboundTrunk, String outboundTrunk, String calledNumber, String callingNumber,
                   List<Target> targets, FailoverPolicy failover, PresentedNumbers presented,
                   List<TrunkTargets> nextTrunks) implements RoutingDecision, Serializable {
        private static final long serialVersionUID = 3L;

        public Forward {
            if (targets == null || targets.isEmpty()) {
                throw new IllegalArgumentException("a forward needs at least one target");
            }
            targets = List.copyOf(targets);
            failover = failover == null ? FailoverPolicy.defaults() : failover;
            presented = presented == null ? PresentedNumbers.plain(calledNumber, callingNumber) : presented;
            nextTrunks = nextTrunks == null ? List.of() : List.copyOf(nextTrunks);
        }

        /** A forward to the targets of one trunk, with nowhere else to go. */
        public Forward(String inboundTrunk, String outboundTrunk, String calledNumber, String callingNumber,
                       List<Target> targets, FailoverPolicy failover, PresentedNumbers presented) {
            this(inboundTrunk, outboundTrunk, calledNumber, callingNumber, targets, failover, presented, List.of());
        }

        /** A forward that presents the numbers in E.164, without an asserted identity. */
        public Forward(String inboundTrunk, String outboundTrunk, String calledNumber, String callingNumber,
                       List<Target> targets, FailoverPolicy failover, List<TrunkTargets> nextTrunks) {
            this(inboundTrunk, outboundTrunk, calledNumber, callingNumber, targets, failover, null, nextTrunks);
        }

        /** A forward to one trunk that presents the numbers in E.164, without an asserted identity. */
        public Forward(String inboundTrunk, String outboundTrunk, String calledNumber, String callingNumber,
                       List<Target> targets, FailoverPolicy failover) {
            this(inboundTrunk, outboundTrunk, calledNumber, callingNumber, targets, failover, null, List.of());
        }

        /** A forward to a single target with the default failover policy. */
        public Forward(String inboundTrunk, String outboundTrunk, String calledNumber, String callingNumber,
                       Target target) {
            this(inboundTrunk, outboundTrunk, calledNumber, callingNumber, List.of(target), null);
        }

        /** The first target to try. */
        public Target target() {
            return targets.get(0);
        }

        public boolean hasNextTrunk() {
            return !nextTrunks.isEmpty();
        }

        /**
         * The same call on the next trunk: its targets, failover policy and presentation of the numbers (each trunk
         * has its own format and verified caller-ID), the trunks after it still to come.
         */
        public Forward onNextTrunk() {
            if (nextTrunks.isEmpty()) {
                throw new IllegalStateException("no trunk left after " + outboundTrunk);
            }
            TrunkTargets next = nextTrunks.get(0);
            String calling = next.callingNumber() == null ? callingNumber : next.callingNumber();
            return new Forward(inboundTrunk, next.trunk(), calledNumber, calling, next.targets(), next.failover(),
                    next.presented(), nextTrunks.subList(1, nextTrunks.size()));
        }
    }

    /**
     * A trunk a call may leave on, with its gateways in the order to try them.
     *
     * @param trunk         the trunk's name
     * @param targets       its usable gateways, never empty
     * @param failover      its failover policy
     * @param callingNumber the calling identity as decided for this trunk (its verified caller-ID), or null to keep
     *                      the call's
     * @param presented     the numbers in this trunk's format, or null for plain E.164
     */
    record TrunkTargets(String trunk, List<Target> targets, FailoverPolicy failover, String callingNumber,
                        PresentedNumbers presented) implements Serializable {
        private static final long serialVersionUID = 2L;

        public TrunkTargets {
            if (targets == null || targets.isEmpty()) {
                throw new IllegalArgumentException("a trunk to try needs at least one target");
            }
            targets = List.copyOf(targets);
            failover = failover == null ? FailoverPolicy.defaults() : failover;
        }

        /** A trunk whose numbers are presented in plain E.164 with the call's calling number. */
        public TrunkTargets(String trunk, List<Target> targets, FailoverPolicy failover) {
            this(trunk, targets, failover, null, null);
        }
    }

    /**
     * Refuse the call.
     *
     * @param status SIP status code (4xx-6xx)
     * @param reason reason phrase sent to the caller
     * @param cause  why, as the call's CDR records it
     */
    record Reject(int status, String reason, EndCause cause) implements RoutingDecision {
        public Reject {
            if (status < 400 || status > 699) {
                throw new IllegalArgumentException("a rejection needs a final error status, not " + status);
            }
            cause = cause == null ? EndCause.CALL_REFUSED : cause;
        }

        /** A refusal by a rule that names no finer cause. */
        public Reject(int status, String reason) {
            this(status, reason, EndCause.CALL_REFUSED);
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
