package io.trunkline.cdr;

import java.time.Instant;

/**
 * Criteria for listing CDRs; {@code null} fields do not filter.
 *
 * @param trunk   matches either the inbound or the outbound trunk
 * @param number  matches either the calling or the called number exactly
 * @param callId  matches either leg's Call-ID
 * @param from    invited at or after
 * @param to      invited before
 * @param status  final status
 * @param cause   end cause (records without one never match a cause)
 */
public record CdrFilter(String trunk, String number, String callId, Instant from, Instant to, Integer status,
                        EndCause cause) {
    /** Criteria that do not look at the end cause. */
    public CdrFilter(String trunk, String number, String callId, Instant from, Instant to, Integer status) {
        this(trunk, number, callId, from, to, status, null);
    }

    public static CdrFilter none() {
        return new CdrFilter(null, null, null, null, null, null, null);
    }
}
