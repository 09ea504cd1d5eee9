package io.trunkline.limits;

import io.trunkline.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

/** How the share of new calls refused follows the probes' times, as the test reports them. */
class OverloadControlTest {
    private static final Duration TARGET = Duration.ofMillis(100);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final Random random = new Random(7);
    private final OverloadControl control = new OverloadControl(TARGET, clock, random::nextDouble);

    private void probes(int count, long lateMillis) {
        for (int i = 0; i < count; i++) {
            clock.advance(Duration.ofMillis(100));
            control.observed(Duration.ofMillis(lateMillis));
        }
    }

    private long admittedOf(int calls) {
        return IntStream.range(0, calls).filter(i -> control.admitsNewCall()).count();
    }

    @Test
    void probesOnTimeAdmitEveryCall() {
        probes(20, 3);

        assertThat(admittedOf(10_000)).isEqualTo(10_000);
        OverloadStatus status = control.status();
        assertThat(status.shedding()).isFalse();
        assertThat(status.callsRefused()).isZero();
        assertThat(status.lastDelay()).isEqualTo(Duration.ofMillis(3));
        assertThat(status.sheddingSince()).isNull();
    }

    @Test
    void lateProbesRefuseAShareOfNewCallsInProportionToTheirLateness() {
        probes(3, 300); // the third in a row starts shedding: two targets past the target, 10 %

        long admitted = admittedOf(10_000);

        assertThat(admitted).isBetween(8_700L, 9_300L);
        OverloadStatus status = control.status();
        assertThat(status.shedding()).isTrue();
        assertThat(status.refusedShare()).isEqualTo(0.1, offset(1e-9));
        assertThat(status.callsRefused()).isEqualTo(10_000 - admitted);
        assertThat(status.sheddingSince()).isEqualTo(clock.instant());
    }

    @Test
    void oneOrTwoLateProbesRefuseNothing() {
        probes(2, 1_200);

        assertThat(control.status().shedding()).isFalse();
        assertThat(admittedOf(1_000)).isEqualTo(1_000);
        assertThat(control.status().lastDelay()).isEqualTo(Duration.ofMillis(1_200));
    }

    @Test
    void aProbeOnTimeBetweenLateOnesStartsTheCountAgain() {
        probes(2, 300);
        probes(1, 5);
        probes(2, 300);

        assertThat(control.status().shedding()).isFalse();
    }

    @Test
    void aProbeFarPastTheTargetRaisesTheShareByAtMostFifteenPercent() {
        probes(3, 1_200);

        assertThat(control.status().refusedShare()).isEqualTo(0.15, offset(1e-9));
    }

    @Test
    void probesFarPastTheTargetInARowRefuseEveryNewCall() {
        probes(9, 1_200); // the last seven raise it

        assertThat(admittedOf(1_000)).isZero();
        assertThat(control.status().refusedShare()).isEqualTo(1.0);
    }

    @Test
    void probesOnTimeLowerTheShareTheMoreTheEarlierTheyArriveUntilEveryCallIsAdmittedAgain() {
        probes(6, 600); // the last four raise it 0.15 each
        probes(1, 90);  // a tenth under the target: 0.003 off

        assertThat(control.status().refusedShare()).isEqualTo(0.597, offset(1e-9));

        probes(4, 5);   // 0.0285 off each

        assertThat(control.status().refusedShare()).isEqualTo(0.483, offset(1e-9));
        assertThat(control.status().shedding()).isTrue();

        probes(17, 5);

        assertThat(control.status().shedding()).isFalse();
        assertThat(control.status().sheddingSince()).isNull();
        assertThat(admittedOf(1_000)).isEqualTo(1_000);
    }

    @Test
    void aProbeExactlyOnTargetCountsAsOnTime() {
        probes(1, 100);

        assertThat(control.status().shedding()).isFalse();
    }

    @Test
    void aProbeJustPastTheTargetRaisesTheShareOnlyALittle() {
        probes(3, 110);

        assertThat(control.status().refusedShare()).isEqualTo(0.005, offset(1e-9));
    }

    @Test
    void sheddingKeepsTheTimeItBeganWhileItLasts() {
        probes(3, 300);
        Instant began = clock.instant();
        probes(3, 300);

        assertThat(control.status().sheddingSince()).isEqualTo(began);
    }

    @Test
    void aZeroTargetTurnsProtectionOffButStillReportsTheDelay() {
        OverloadControl off = new OverloadControl(Duration.ZERO, clock, random::nextDouble);

        off.observed(Duration.ofSeconds(5));

        assertThat(off.enabled()).isFalse();
        assertThat(off.admitsNewCall()).isTrue();
        assertThat(off.status().shedding()).isFalse();
        assertThat(off.status().lastDelay()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aNegativeTargetIsRefused() {
        assertThatThrownBy(() -> new OverloadControl(Duration.ofMillis(-1), clock, random::nextDouble))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be negative");
    }
}
