package io.trunkline.limits;

/** The answer to "may this call use this trunk now?". */
public sealed interface Admission {

    /** Admitted: the call holds a channel until {@link Lease#release()}. */
    record Admitted(Lease lease) implements Admission {
    }

    /**
     * Refused: answer 503 with this reason and Retry-After (RFC 3261 §21.5.4).
     *
     * @param reason            reason phrase naming the limit
     * @param retryAfterSeconds when a retry may succeed
     */
    record Refused(String reason, int retryAfterSeconds) implements Admission {
    }
}
