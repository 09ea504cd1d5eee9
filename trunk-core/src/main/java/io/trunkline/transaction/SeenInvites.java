package io.trunkline.transaction;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The identities of the initial INVITEs received in the last horizon (and up to twice that), so that a
 * copy arriving after the container has dropped the transaction is not routed as a second call.
 *
 * <p>Why it is needed: Trunkline keeps the container's INVITE server transactions for a few seconds after the
 * 2xx rather than the 32 s of RFC 6026's Accepted state (the messages they hold are most of the heap at
 * 1,000 calls/s), but a caller that heard none of our responses retransmits its INVITE for up to Timer B
 * (64*T1 = 32 s) and the copy can spend up to T4 (5 s) in the network. Such a copy reaches the servlet as a new
 * initial request. An identity is about 200 bytes against the several kilobytes the container's transaction
 * holds.
 *
 * <p>Two generations instead of one timestamp per entry: lookups check both, new identities go into the current
 * one, and once per horizon the older generation is dropped whole, so nothing scans the entries. Thread-safe.
 */
public final class SeenInvites {
    /** Timer B (64*T1, the longest a caller retransmits) plus T4 (the longest a copy is in transit), rounded up. */
    public static final Duration DEFAULT_HORIZON = Duration.ofSeconds(40);

    private final Clock clock;
    private final Duration horizon;
    private volatile Generations generations;

    public SeenInvites(Clock clock, Duration horizon) {
        if (horizon.isNegative() || horizon.isZero()) {
            throw new IllegalArgumentException("horizon must be positive, not " + horizon);
        }
        this.clock = clock;
        this.horizon = horizon;
        this.generations = new Generations(ConcurrentHashMap.newKeySet(), Set.of(), clock.instant().plus(horizon));
    }

    /**
     * Records the INVITE and says whether this is its first sight: false means an INVITE with this identity arrived
     * within the horizon, so this one is a retransmission of it.
     */
    public boolean firstSight(InviteIdentity invite) {
        Generations seen = current();
        return !seen.previous().contains(invite) && seen.current().add(invite);
    }

    /** The generations to use now; one snapshot, so a rotation meanwhile cannot split a lookup across two. */
    private Generations current() {
        Instant now = clock.instant();
        Generations seen = generations;
        if (now.isBefore(seen.rotateAt())) {
            return seen;
        }
        synchronized (this) {
            seen = generations;
            if (now.isBefore(seen.rotateAt())) {
                return seen;
            }
            // After a quiet spell longer than the horizon the current generation is too old to keep as well.
            Set<InviteIdentity> kept = now.isBefore(seen.rotateAt().plus(horizon)) ? seen.current() : Set.of();
            generations = new Generations(ConcurrentHashMap.newKeySet(), kept, now.plus(horizon));
            return generations;
        }
    }

    private record Generations(Set<InviteIdentity> current, Set<InviteIdentity> previous, Instant rotateAt) {
    }
}
