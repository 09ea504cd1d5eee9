package io.trunkline.limits;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Keeps track of overload protection's probes: requests Trunkline sends to its own SIP port, one at a time, whose
 * time from sending to reaching the application is the wait a caller's request has at that moment. Each probe that
 * arrives is reported to {@link OverloadControl} with that time. While one is on its way past the target, each
 * round reports its age so far: at the onset of an overload the queue grows faster than a probe crosses it, and
 * waiting for the probe let a freshly started server time out calls for seconds before shedding any (measured
 * with a burst at 3,000 calls/s: 20 % of the calls failed). A probe that never arrives (UDP dropped it when the
 * socket's buffer was full) is reported as {@link #LOST_AFTER} late, and the next one sent.
 *
 * <p>States: idle (nothing on its way: the next {@link #due} sends one) and waiting (one on its way, until it
 * arrives or is lost).
 */
public final class OverloadProbes {
    /** Twice RFC 3261's T1: by then a caller has retransmitted its INVITE, so the probe counts as lost. */
    public static final Duration LOST_AFTER = Duration.ofSeconds(1);

    private final OverloadControl control;
    private final LongSupplier nanoTime;
    private final Supplier<String> newId;
    private String waitingFor;
    private long sentAt;
    private long lost;

    /** @param newId a fresh, unguessable id for each probe (its Call-ID) */
    public OverloadProbes(OverloadControl control, LongSupplier nanoTime, Supplier<String> newId) {
        this.control = control;
        this.nanoTime = nanoTime;
        this.newId = newId;
    }

    /**
     * One round, ten times a second.
     *
     * @return the id of a probe to send now, or empty while the last one is still on its way
     */
    public synchronized Optional<String> due() {
        long now = nanoTime.getAsLong();
        if (waitingFor != null) {
            Duration age = Duration.ofNanos(now - sentAt);
            if (age.compareTo(LOST_AFTER) < 0) {
                if (age.compareTo(control.target()) > 0) {
                    control.observed(age);
                }
                return Optional.empty();
            }
            lost++;
            control.observed(LOST_AFTER);
        }
        waitingFor = newId.get();
        sentAt = now;
        return Optional.of(waitingFor);
    }

    /**
     * A probe reached the application.
     *
     * @return whether it was the probe on its way (a late copy of a lost one, or a forged id, is not)
     */
    public synchronized boolean arrived(String id) {
        if (waitingFor == null || !waitingFor.equals(id)) {
            return false;
        }
        control.observed(Duration.ofNanos(nanoTime.getAsLong() - sentAt));
        waitingFor = null;
        return true;
    }

    /** Probes that never arrived, since the server started. */
    public synchronized long lost() {
        return lost;
    }
}
