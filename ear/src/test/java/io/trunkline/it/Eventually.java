package io.trunkline.it;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/** Polls for a condition with a deadline, instead of sleeping for a guessed time. */
final class Eventually {
    private Eventually() {
    }

    static <T> T await(String what, Duration timeout, Callable<T> probe, Predicate<T> done) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        T last = probe.call();
        while (!done.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out after " + timeout + " waiting for " + what + "; last: " + last);
            }
            Thread.onSpinWait();
            Thread.sleep(100); // poll interval, not a wait for the condition itself
            last = probe.call();
        }
        return last;
    }
}
