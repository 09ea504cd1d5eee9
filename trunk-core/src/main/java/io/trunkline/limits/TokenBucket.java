package io.trunkline.limits;

import java.util.function.LongSupplier;

/**
 * A calls-per-second limiter: holds up to {@code rate} tokens (one second's burst), refilled continuously at
 * {@code rate} per second. Time comes from an injected nanosecond clock so tests need no waiting.
 */
final class TokenBucket {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private final LongSupplier nanoTime;
    private int rate;
    private double tokens;
    private long refilledAt;

    TokenBucket(int rate, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.rate = rate;
        this.tokens = rate;
        this.refilledAt = nanoTime.getAsLong();
    }

    /** Applies a changed rate without resetting the tokens already earned (capped at the new burst). */
    synchronized void rate(int newRate) {
        refill();
        rate = newRate;
        tokens = Math.min(tokens, newRate);
    }

    synchronized boolean tryTake() {
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** Gives back a token taken by a call that another limit then refused. */
    synchronized void giveBack() {
        tokens = Math.min(rate, tokens + 1);
    }

    private void refill() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(rate, tokens + (now - refilledAt) * (double) rate / NANOS_PER_SECOND);
        refilledAt = now;
    }
}
