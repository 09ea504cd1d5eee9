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
 */
public record CdrFilter(String trunk, String number, String callId, Instant from, Instant to, Integer status) {
    public static CdrFilter none() {
        return new CdrFilter(null, null, null, null, null, null);
    }
}
