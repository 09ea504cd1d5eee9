package io.trunkline.limits;

import io.trunkline.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The calls-per-second bucket, on a clock the test moves (forwards, backwards and far). */
class TokenBucketTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private final MutableClock clock = new MutableClock(START);
    private final TokenBucket bucket = new TokenBucket(3, this::nanos);

    private long nanos() {
        return Duration.between(START, clock.instant()).toNanos();
    }

    private int takeAll() {
        int taken = 0;
        while (bucket.tryTake()) {
            taken++;
        }
        return taken;
    }

    @Test
    void aFullBucketAllowsOneSecondsBurstAndNoMore() {
        assertThat(takeAll()).isEqualTo(3);
        assertThat(bucket.tryTake()).isFalse();
    }

    @Test
    void tokensComeBackAtTheRatePerSecond() {
        takeAll();

        clock.advance(Duration.ofMillis(334));

        assertThat(bucket.tryTake()).isTrue();
        assertThat(bucket.tryTake()).isFalse();
    }

    @Test
    void fractionsOfATokenAddUpAcrossRefills() {
        takeAll();
        clock.advance(Duration.ofMillis(200)); // 0.6 of a token
        assertThat(bucket.tryTake()).isFalse();

        clock.advance(Duration.ofMillis(140)); // 1.02 tokens: the 0.6 was kept, not rounded away

        assertThat(bucket.tryTake()).isTrue();
        assertThat(bucket.tryTake()).isFalse();
    }

    @Test
    void aLongPauseEarnsOneBurstAtMost() {
        takeAll();

        clock.advance(Duration.ofDays(365 * 100L));

        assertThat(takeAll()).isEqualTo(3);
    }

    @Test
    void aClockGoingBackwardsEarnsNothingAndTakesNothingAway() {
        takeAll();

        clock.advance(Duration.ofSeconds(-10));
        assertThat(bucket.tryTake()).isFalse();

        // From the earlier time on, tokens come back at the usual rate, not after the 10 s the clock lost.
        clock.advance(Duration.ofMillis(334));
        assertThat(bucket.tryTake()).isTrue();
    }

    @Test
    void aClockGoingBackwardsLeavesTheTokensAlreadyEarned() {
        assertThat(bucket.tryTake()).isTrue();

        clock.advance(Duration.ofHours(-1));

        assertThat(takeAll()).isEqualTo(2);
    }

    @Test
    void aTokenGivenBackCanBeTakenAgainButNeverOverfillsTheBucket() {
        assertThat(bucket.tryTake()).isTrue();
        bucket.giveBack();
        bucket.giveBack();

        assertThat(takeAll()).isEqualTo(3);
    }

    @Test
    void aLowerRateCapsTheTokensAtItsBurst() {
        bucket.rate(1);

        assertThat(takeAll()).isEqualTo(1);
        clock.advance(Duration.ofMillis(500));
        assertThat(bucket.tryTake()).isFalse(); // half a token at 1 per second
    }

    @Test
    void aHigherRateKeepsTheTokensEarnedAndRefillsFaster() {
        takeAll();

        bucket.rate(10);
        clock.advance(Duration.ofMillis(100));

        assertThat(takeAll()).isEqualTo(1);
    }

    @Test
    void aLimitSetWhereThereWasNoneStartsWithItsFullBurst() {
        TokenBucket unlimited = new TokenBucket(0, this::nanos);
        assertThat(unlimited.tryTake()).isFalse(); // rate 0 means no limit: callers do not ask the bucket

        unlimited.rate(2);

        assertThat(unlimited.tryTake()).isTrue();
        assertThat(unlimited.tryTake()).isTrue();
        assertThat(unlimited.tryTake()).isFalse();
    }
}
