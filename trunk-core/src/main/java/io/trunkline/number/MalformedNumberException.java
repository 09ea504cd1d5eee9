package io.trunkline.number;

/**
 * A dialled string that cannot be a telephone number (maps to SIP 484 Address Incomplete, RFC 3261 §21.4.22).
 *
 * <p>Without a stack trace: it is an expected answer, not a fault, and callers whose From is a name rather than a
 * number ("alice", "anonymous") raise it on every call, where filling in a trace cost measurable CPU (bench/README).
 */
public class MalformedNumberException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedNumberException(String message) {
        super(message, null, false, false);
    }
}
