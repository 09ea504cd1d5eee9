package io.trunkline.limits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;

/**
 * Server-wide overload protection: refuses a share of new calls while requests take too long to reach the
 * application, so that the calls already admitted keep their time.
 *
 * <p>Why: past its capacity a B2BUA queues every message, so every call slows together. A PBX's 180 or 200 then
 * waits in the queue past the setup timeout, and calls that were answered in time fail after ringing (measured in
 * bench/README, sixth look: a quarter of the calls lost at 1,000 calls/s on a slowed host, most of them answered by
 * the PBX). Refusing some new INVITEs at once costs far less than carrying them, and leaves the CPU to the calls in
 * progress.
 *
 * <p>The signal is the wait a request has between Trunkline's SIP socket and the application, measured by
 * {@link OverloadProbes} ({@link #observed}). The share refused follows the idea of RFC 7339's loss-based scheme
 * (drop a percentage of the load, not all of it), applied here by the overloaded server itself: each late probe
 * raises the share in proportion to how far past the target it was, each probe on time lowers it in proportion to
 * how far under, so it settles where the rest of the load is served in time, rather than switching all traffic
 * off and on as a 503 with Retry-After does to an upstream server (RFC 5390). Shedding starts only after
 * {@link #LATE_IN_A_ROW_TO_START} late probes in a row.
 *
 * <p>States: <em>normal</em> (share 0: every call admitted) and <em>shedding</em> (share above 0). Only new calls
 * are refused: requests and responses inside calls are never counted here.
 */
public final class OverloadControl {
    private static final System.Logger LOG = System.getLogger(OverloadControl.class.getName());
    /**
     * The share a probe adds for each target's worth of time past the target, at most {@link #MOST_RAISED}: one just
     * past it adds almost nothing, so the share settles where probes arrive about on target. Measured past
     * capacity (bench/README, overload): raising by a probe's whole time, or by up to 0.3 a probe, swung the share
     * between 50 % and 100 % every few seconds, and every swing to 100 % refused calls the server had room for.
     */
    static final double RAISE_PER_TARGET = 0.05;
    static final double MOST_RAISED = 0.15;
    /**
     * Late probes in a row before shedding starts: a single slow one (a collector stall, a burst of compiles) is no
     * overload. Measured: starting on the first late probe at a 100 ms target refused 3,662 calls of a 1,500
     * calls/s trial, on a server whose zero-failure rate is 1,650-1,850 calls/s.
     */
    static final int LATE_IN_A_ROW_TO_START = 3;
    /** The share a probe arriving at once takes off (less the nearer it comes to the target): all of it in 3.3 s. */
    static final double MOST_LOWERED = 0.03;

    private final Duration target;
    private final Clock clock;
    private final DoubleSupplier random;
    private final LongAdder refused = new LongAdder();
    private volatile double share;
    private int lateInARow;
    private volatile Duration lastLateness = Duration.ZERO;
    private volatile Instant lastObservedAt;
    private volatile Instant sheddingSince;

    /**
     * @param target a probe's time above which the server counts as overloaded; zero turns protection off
     * @param random uniform in [0, 1): chooses which calls fall in the refused share
     */
    public OverloadControl(Duration target, Clock clock, DoubleSupplier random) {
        if (target.isNegative()) {
            throw new IllegalArgumentException("The overload target delay cannot be negative: " + target);
        }
        this.target = target;
        this.clock = clock;
        this.random = random;
    }

    public boolean enabled() {
        return !target.isZero();
    }

    public Duration target() {
        return target;
    }

    /** One probe took {@code lateness} to reach the application. */
    public synchronized void observed(Duration lateness) {
        lastLateness = lateness;
        lastObservedAt = clock.instant();
        if (!enabled()) {
            return;
        }
        double error = (double) (lateness.toNanos() - target.toNanos()) / target.toNanos(); // -1 at once, 0 on target
        lateInARow = error > 0 ? lateInARow + 1 : 0;
        if (share == 0 && lateInARow < LATE_IN_A_ROW_TO_START) {
            return;
        }
        double next = error > 0
                ? share + Math.min(MOST_RAISED, RAISE_PER_TARGET * error)
                : share + MOST_LOWERED * error;
        // A thousandth is rounding left over from the steps down: none refused, not 1e-17 of the calls.
        share = next < 0.001 ? 0.0 : Math.min(1.0, next);
        noteChange(lateness);
    }

    /** Keeps when shedding began, and logs its start and end (once each, not for every probe). */
    private void noteChange(Duration lateness) {
        if (share > 0 && sheddingSince == null) {
            sheddingSince = lastObservedAt;
            LOG.log(System.Logger.Level.WARNING, () -> String.format("Overloaded: a request took %d ms to reach "
                    + "Trunkline (target %d ms); refusing %.0f %% of new calls with 503", lateness.toMillis(),
                    target.toMillis(), share * 100));
        } else if (share == 0 && sheddingSince != null) {
            Duration lasted = Duration.between(sheddingSince, lastObservedAt);
            LOG.log(System.Logger.Level.INFO, () -> "Overload over after " + lasted.toSeconds() + " s; "
                    + refused.sum() + " new calls refused since the server started");
            sheddingSince = null;
        }
    }

    /** Whether a new call may start now; a refused call is counted. Lock-free: every initial INVITE asks. */
    public boolean admitsNewCall() {
        double current = share;
        if (current > 0 && random.getAsDouble() < current) {
            refused.increment();
            return false;
        }
        return true;
    }

    public OverloadStatus status() {
        double current = share;
        return new OverloadStatus(enabled(), current > 0, current, target, lastLateness, lastObservedAt,
                sheddingSince, refused.sum());
    }
}
