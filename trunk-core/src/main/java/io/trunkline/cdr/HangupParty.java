package io.trunkline.cdr;

/** Who ended a call. */
public enum HangupParty {
    /** The calling side sent BYE or CANCEL. */
    CALLER,
    /** The called side sent BYE or answered with an error. */
    CALLEE,
    /** Trunkline ended it: rejected by routing, a timeout, or a transport failure. */
    TRUNKLINE
}
