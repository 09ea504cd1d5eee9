package io.trunkline.transaction;

import io.trunkline.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeenInvitesTest {
    private static final Duration HORIZON = Duration.ofSeconds(40);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T01:00:00Z"));
    private final SeenInvites seen = new SeenInvites(clock, HORIZON);
    private final InviteIdentity invite = new InviteIdentity("a84b4c76e66710", "1928301774", "314159",
            "z9hG4bKnashds8");

    @Test
    void aCopyOfAnInviteSeenWithinTheHorizonIsNotAFirstSight() {
        assertTrue(seen.firstSight(invite));
        clock.advance(Duration.ofSeconds(7));
        assertFalse(seen.firstSight(new InviteIdentity("a84b4c76e66710", "1928301774", "314159", "z9hG4bKnashds8")));
    }

    @Test
    void anotherBranchCseqFromTagOrCallIdIsAnotherRequest() {
        assertTrue(seen.firstSight(invite));
        assertTrue(seen.firstSight(new InviteIdentity("a84b4c76e66710", "1928301774", "314159", "z9hG4bKother")));
        assertTrue(seen.firstSight(new InviteIdentity("a84b4c76e66710", "1928301774", "314160", "z9hG4bKnashds8")));
        assertTrue(seen.firstSight(new InviteIdentity("a84b4c76e66710", "other", "314159", "z9hG4bKnashds8")));
        assertTrue(seen.firstSight(new InviteIdentity("other", "1928301774", "314159", "z9hG4bKnashds8")));
    }

    @Test
    void aCopyIsRecognisedUntilAtLeastTheHorizonHasPassedAcrossARotation() {
        clock.advance(Duration.ofSeconds(39));
        assertTrue(seen.firstSight(invite));
        clock.advance(Duration.ofSeconds(2)); // the generations rotate here: the identity moves to the older one
        assertFalse(seen.firstSight(invite));
        clock.advance(Duration.ofSeconds(37)); // 39 s after it was first seen: still within the horizon
        assertFalse(seen.firstSight(invite));
    }

    @Test
    void anIdentityIsForgottenOnceTwoHorizonsHavePassed() {
        assertTrue(seen.firstSight(invite));
        clock.advance(HORIZON.plusSeconds(1));
        seen.firstSight(new InviteIdentity("traffic", "t", "1", "b"));
        clock.advance(HORIZON.plusSeconds(1));
        assertTrue(seen.firstSight(invite));
    }

    @Test
    void afterAQuietSpellLongerThanTheHorizonOldIdentitiesAreGone() {
        assertTrue(seen.firstSight(invite));
        clock.advance(HORIZON.multipliedBy(2).plusSeconds(1));
        assertTrue(seen.firstSight(invite));
    }

    @Test
    void concurrentCopiesOfOneInviteHaveExactlyOneFirstSight() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            AtomicInteger firsts = new AtomicInteger();
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                done.add(pool.submit(() -> {
                    if (seen.firstSight(new InviteIdentity("race", "tag", "1", "z9hG4bKrace"))) {
                        firsts.incrementAndGet();
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(10, TimeUnit.SECONDS);
            }
            assertEquals(1, firsts.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void missingTagAndBranchAreEmptyNotNull() {
        InviteIdentity bare = new InviteIdentity("c", null, "1", null);
        assertEquals("", bare.fromTag());
        assertEquals("", bare.branch());
        assertThrows(NullPointerException.class, () -> new InviteIdentity(null, "t", "1", "b"));
        assertThrows(IllegalArgumentException.class, () -> new SeenInvites(clock, Duration.ZERO));
    }
}
