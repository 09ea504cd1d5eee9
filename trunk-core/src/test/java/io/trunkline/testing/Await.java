package io.trunkline.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for a condition that another thread makes true, up to a deadline: the wait ends as soon as the condition
 * holds, not after a guessed delay.
 */
public final class Await {
    private Await() {
    }

    /**
     * Re-checks the condition whenever the monitor is notified.
     *
     * @param monitor   the object whose {@code notifyAll()} announces a possible change of the condition
     * @param condition evaluated while holding {@code monitor}
     * @param describe  what is the case instead, for the failure message
     */
    public static void until(Object monitor, BooleanSupplier condition, Duration timeout, Supplier<String> describe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            while (!condition.getAsBoolean()) {
                long remainingMillis = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
                if (remainingMillis <= 0) {
                    throw new AssertionError("condition not met within " + timeout + ": " + describe.get());
                }
                try {
                    monitor.wait(remainingMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted while waiting: " + describe.get(), e);
                }
            }
        }
    }

    /** Re-checks the condition continually, for states nothing announces (such as another thread's state). */
    public static void until(BooleanSupplier condition, Duration timeout, Supplier<String> describe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("condition not met within " + timeout + ": " + describe.get());
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }
}
