package io.trunkline.limits;

import java.util.concurrent.atomic.AtomicBoolean;

/** A channel held by one call on one trunk. Releasing twice is harmless: only the first counts. */
public final class Lease {
    private final Runnable onRelease;
    private final AtomicBoolean released = new AtomicBoolean();

    Lease(Runnable onRelease) {
        this.onRelease = onRelease;
    }

    public void release() {
        if (released.compareAndSet(false, true)) {
            onRelease.run();
        }
    }

    public boolean isReleased() {
        return released.get();
    }
}
