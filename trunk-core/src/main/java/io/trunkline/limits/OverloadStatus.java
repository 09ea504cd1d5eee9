package io.trunkline.limits;

import java.time.Duration;
import java.time.Instant;

/**
 * What overload protection is doing now.
 *
 * @param enabled        false when its target delay is zero
 * @param shedding       whether some new calls are being refused
 * @param refusedShare   the share of new calls refused now, 0 to 1
 * @param target         the probe time above which it sheds
 * @param lastDelay      how long the last probe took to reach the application
 * @param lastObservedAt when it arrived (or was given up as lost); null before the first
 * @param sheddingSince  when the current shedding began; null when not shedding
 * @param callsRefused   new calls refused since the server started
 */
public record OverloadStatus(boolean enabled, boolean shedding, double refusedShare, Duration target,
                             Duration lastDelay, Instant lastObservedAt, Instant sheddingSince, long callsRefused) {

    /** The share refused in whole percent, rounded up so that a share being refused never reads as 0 %. */
    public int refusingPercent() {
        return (int) Math.ceil(refusedShare * 100);
    }
}
