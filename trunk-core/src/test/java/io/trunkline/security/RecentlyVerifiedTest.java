package io.trunkline.security;

import io.trunkline.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RecentlyVerifiedTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T04:00:00Z"));
    private final RecentlyVerified verified = new RecentlyVerified(Duration.ofMinutes(5), clock);

    @Test
    void recognisesNothingBeforeAPasswordWasVerified() {
        assertThat(verified.recognises("s3cret")).isFalse();
    }

    @Test
    void recognisesTheVerifiedPasswordAndNoOtherWithinTheWindow() {
        verified.remember("s3cret");
        clock.advance(Duration.ofMinutes(4));

        assertThat(verified.recognises("s3cret")).isTrue();
        assertThat(verified.recognises("s3cret ")).isFalse();
        assertThat(verified.recognises("S3cret")).isFalse();
        assertThat(verified.recognises("")).isFalse();
        assertThat(verified.recognises(null)).isFalse();
    }

    @Test
    void forgetsThePasswordWhenTheWindowEnds() {
        verified.remember("s3cret");
        clock.advance(Duration.ofMinutes(5));

        assertThat(verified.recognises("s3cret")).isFalse();
    }

    @Test
    void eachRecognitionStartsTheWindowAgain() {
        verified.remember("s3cret");
        clock.advance(Duration.ofMinutes(4));
        assertThat(verified.recognises("s3cret")).isTrue();
        clock.advance(Duration.ofMinutes(4));
        assertThat(verified.recognises("s3cret")).isTrue();
        assertThat(verified.recognises("other")).isFalse();
        clock.advance(Duration.ofMinutes(5));

        assertThat(verified.recognises("s3cret")).isFalse();
    }

    @Test
    void aNewVerificationReplacesTheOneBefore() {
        verified.remember("old-password");
        verified.remember("new-password");

        assertThat(verified.recognises("new-password")).isTrue();
        assertThat(verified.recognises("old-password")).isFalse();
    }

    @Test
    void aFingerprintFromOneProcessMeansNothingToAnother() {
        RecentlyVerified elsewhere = new RecentlyVerified(Duration.ofMinutes(5), clock);
        verified.remember("s3cret");

        assertThat(elsewhere.recognises("s3cret")).isFalse();
    }
}
