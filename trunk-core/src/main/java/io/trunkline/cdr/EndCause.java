package io.trunkline.cdr;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Why a call ended, as Trunkline saw it: the finer word beside {@link HangupParty} (who) and the final status (what
 * the caller heard). Records stored before causes were kept have none.
 */
public enum EndCause {
    /** An answered call ended with a BYE from either party. */
    NORMAL_CLEARING,
    /** The caller sent CANCEL before the call was answered. */
    CALLER_CANCELLED,
    /** The callee rang for its trunk's ring timeout without answering: Trunkline cancelled it, the caller heard 480. */
    NO_ANSWER,
    /** The called side answered 486 Busy Here or 600 Busy Everywhere. */
    CALLEE_BUSY,
    /** The called side refused the call with another final error (404, 480, 603, ...). */
    CALLEE_REJECTED,
    /** The source address (or registered line, or transfer's trunk) matched no single configured trunk: 403. */
    UNKNOWN_SOURCE,
    /** The called number could not be read as a number of the trunk's region and dial plan: 484. */
    ADDRESS_INCOMPLETE,
    /** A carrier delivered a number that is no DID, DID range or catch-all of Trunkline's: 404. */
    NUMBER_NOT_IN_SERVICE,
    /** A PBX dialled a number that no route's prefix covers: 404. */
    NO_ROUTE,
    /** Trunkline refused the call by a rule that names no finer cause. */
    CALL_REFUSED,
    /** Routing found the destination trunk(s) but none with a gateway up: 503. */
    NO_GATEWAY_AVAILABLE,
    /** The inbound trunk, or every outbound trunk, was at its channel or call-rate limit: 503 with Retry-After. */
    TRUNK_LIMIT,
    /** Every gateway tried failed: an error its trunk counts as a gateway failure, unreachable, or no setup reply. */
    GATEWAY_FAILURE,
    /** The outbound trunk refused Trunkline's credentials (403, or a second challenge) or challenged without any. */
    TRUNK_AUTH_FAILED,
    /** The caller required an extension Trunkline does not support (RFC 3261 §8.2.2.3): 420. */
    BAD_EXTENSION,
    /** The caller asked for a session interval below the minimum (RFC 4028 §6): 422. */
    SESSION_INTERVAL_TOO_SMALL,
    /** Max-Forwards reached zero (RFC 3261 §16.3 step 3): 483. */
    TOO_MANY_HOPS,
    /** No session refresh came in time (RFC 4028 §10): Trunkline sent BYE both ways. */
    SESSION_EXPIRED,
    /** The caller never sent the ACK for the 2xx within 64*T1 (RFC 3261 §13.3.1.4). */
    NO_ACK,
    /** The caller never sent PRACK for a reliable provisional within 64*T1 (RFC 3262 §3): 504. */
    NO_PRACK,
    /** A leg answered an in-dialog request with 481: its dialog is gone (RFC 5057 §5.1). */
    DIALOG_GONE,
    /** A leg answered an in-dialog request with 408, or never answered it (RFC 5057 §5.1). */
    PEER_TIMEOUT,
    /** A blind transfer completed: the referrer left and the call went on in a new CDR. */
    TRANSFERRED,
    /** A transfer's new leg could not be set up: no usable target, no offer from it, or the transferee refused it. */
    TRANSFER_FAILED,
    /** A party hung up while its transfer was under way, so Trunkline released the new leg. */
    TRANSFER_ABANDONED,
    /** Nothing final happened before the call's session expired (minutes): no peer answered, refused or cancelled. */
    SETUP_ABANDONED,
    /** Trunkline failed while handling the call, or the call's dialogs ended without a handler seeing why. */
    INTERNAL_ERROR;

    /**
     * The cause of a final error answer from the called side.
     *
     * @param gatewayFailure whether the outbound trunk's failover policy counts this status as its gateway failing
     */
    public static EndCause ofCalleeRefusal(int status, boolean gatewayFailure) {
        return ofCalleeRefusal(status, gatewayFailure, false);
    }

    /**
     * The cause of a final error answer from the called side to an INVITE that may have carried Trunkline's
     * credentials: a 403 to those is the trunk refusing them ("authorization will not help", RFC 3261 §21.4.4).
     */
    public static EndCause ofCalleeRefusal(int status, boolean gatewayFailure, boolean credentialsSent) {
        if (credentialsSent && status == 403) {
            return TRUNK_AUTH_FAILED;
        }
        if (gatewayFailure) {
            return GATEWAY_FAILURE;
        }
        return status == 486 || status == 600 ? CALLEE_BUSY : CALLEE_REJECTED;
    }

    /** The cause of an in-dialog request failing on one leg: 481 means its dialog is gone, else its peer is. */
    public static EndCause ofInDialogFailure(int status) {
        return status == 481 ? DIALOG_GONE : PEER_TIMEOUT;
    }

    /** The cause when the last gateway is given up: limits on every trunk, or gateways that all failed. */
    public static EndCause ofNoGatewayLeft(boolean everyTrunkOverLimits) {
        return everyTrunkOverLimits ? TRUNK_LIMIT : GATEWAY_FAILURE;
    }

    /** Reads a cause by its exact name, as the API accepts it. */
    public static Optional<EndCause> named(String name) {
        return Arrays.stream(values()).filter(cause -> cause.name().equals(name)).findFirst();
    }

    /** Every name, comma separated, for messages that list the choices. */
    public static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
