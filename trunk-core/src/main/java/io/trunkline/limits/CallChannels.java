package io.trunkline.limits;

/**
 * The channels one call holds: one on the trunk it arrived on, and one on the outbound trunk currently trying to
 * carry it. When the call moves on to the next candidate trunk, the channel on the one it leaves is given back at
 * once, so a trunk never counts a call it is not carrying. Releasing is idempotent.
 */
public final class CallChannels {
    private final Lease inbound;
    private Lease outbound;
    private boolean released;

    public CallChannels(Lease inbound) {
        this.inbound = inbound;
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

    /** Gives back every channel the call holds. */
    public synchronized void release() {
        released = true;
        inbound.release();
        if (outbound != null) {
            outbound.release();
        }
    }

    public synchronized boolean isReleased() {
        return released;
    }
}
