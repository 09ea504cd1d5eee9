package io.trunkline.limits;

import java.util.ArrayList;
import java.util.List;

/**
 * The channels one call holds: one on the trunk it arrived on, and one on the outbound trunk currently trying to
 * carry it. When the call moves on to the next candidate trunk, the channel on the one it leaves is given back at
 * once, so a trunk never counts a call it is not carrying. A transfer's new leg holds its own channels, which the
 * call it belongs to gives back with its own ({@link #alsoRelease}). Releasing is idempotent.
 */
public final class CallChannels {
    private final Lease inbound;
    private final List<CallChannels> dependents = new ArrayList<>();
    private Lease outbound;
    private boolean released;

    public CallChannels(Lease inbound) {
        this.inbound = inbound;
    }

    /**
     * The channels of a transfer's new leg: the party that stays is already counted on its inbound trunk by the
     * call it arrived in, so only the outbound trunk the new leg takes is admitted.
     */
    public static CallChannels outboundOnly() {
        return new CallChannels(new Lease(() -> { }));
    }

    /**
     * The call now leaves on another trunk: gives back the previous outbound channel and holds this one (null when
     * the new trunk's admission refused the call). Arriving after the call ended, the lease is released at once.
     */
    public synchronized void moveOutbound(Lease next) {
        if (outbound != null) {
            outbound.release();
        }
        outbound = next;
        if (released && next != null) {
            next.release();
        }
    }

    /** Releasing this call releases {@code other} too (at once if this call has ended already). */
    public void alsoRelease(CallChannels other) {
        boolean now;
        synchronized (this) {
            now = released;
            if (!now) {
                dependents.add(other);
            }
        }
        if (now) {
            other.release();
        }
    }

    /** Gives back every channel the call holds. */
    public void release() {
        List<CallChannels> others;
        synchronized (this) {
            released = true;
            inbound.release();
            if (outbound != null) {
                outbound.release();
            }
            others = List.copyOf(dependents);
            dependents.clear();
        }
        others.forEach(CallChannels::release);
    }

    public synchronized boolean isReleased() {
        return released;
    }
}
