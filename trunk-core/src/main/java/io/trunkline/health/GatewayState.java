package io.trunkline.health;

/** What Trunkline believes of a gateway. */
public enum GatewayState {
    /** Not probed (probing off, or no answer counted yet): routing uses it. */
    UNKNOWN,
    /** Answered its last probe. */
    UP,
    /** Failed the trunk's downAfter probes in a row: routing skips it until it answers again. */
    DOWN
}
