package io.trunkline.limits;

import java.util.function.LongSupplier;

/**
 * A per-second limiter (calls per second, and the admin account's slow password checks): holds up to {@code rate}
 * tokens (one second's burst), refilled continuously at {@code rate} per second. Time comes from an injected
 * nanosecond clock so tests need no waiting.
 */
public final class TokenBucket {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private final LongSupplier nanoTime;
    private int rate;
    private double tokens;
    private long refilledAt;

    public TokenBucket(int rate, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.rate = rate;
        this.tokens = rate;
        this.refilledAt = nanoTime.getAsLong();
    }

    /**
     * Applies a changed rate without resetting the tokens already earned (capped at the new burst). A bucket that
     * had no limit (rate 0) holds no tokens, so a limit newly set starts with its full burst rather than refusing
     * the first calls after the change.
     */
    synchronized void rate(int newRate) {
        refill();
        tokens = rate == 0 ? newRate : Math.min(tokens, newRate);
        rate = newRate;
    }

    public synchronized boolean tryTake() {
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

    /**
     * A clock that steps back (a wall clock corrected, a test) earns nothing rather than taking tokens away, which
     * would refuse calls for as long as the step; a long gap earns at most one full burst.
     */
    private void refill() {
        long now = nanoTime.getAsLong();
        long elapsed = Math.max(0, now - refilledAt);
        tokens = Math.min(rate, tokens + elapsed * (double) rate / NANOS_PER_SECOND);
        refilledAt = now;
    }
}
