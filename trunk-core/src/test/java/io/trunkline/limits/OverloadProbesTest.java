package io.trunkline.limits;

import io.trunkline.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/** One probe on its way at a time; its time, or its loss, reported to overload protection. */
class OverloadProbesTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private final MutableClock clock = new MutableClock(START);
    private final AtomicInteger ids = new AtomicInteger();
    private final OverloadControl control = new OverloadControl(Duration.ofMillis(100), clock, () -> 0.5);
    private final OverloadProbes probes = new OverloadProbes(control,
            () -> Duration.between(START, clock.instant()).toNanos(), () -> "probe-" + ids.incrementAndGet());

    @Test
    void aProbeIsSentWhenNoneIsOnItsWayAndItsTimeIsReportedWhenItArrives() {
        String sent = probes.due().orElseThrow();
        clock.advance(Duration.ofMillis(30));

        assertThat(probes.due()).isEmpty(); // still on its way
        assertThat(probes.arrived(sent)).isTrue();

        assertThat(control.status().lastDelay()).isEqualTo(Duration.ofMillis(30));
        assertThat(control.status().shedding()).isFalse();
        assertThat(probes.due()).contains("probe-2");
    }

    @Test
    void threeLateProbesInARowStartShedding() {
        for (int i = 0; i < 3; i++) {
            String sent = probes.due().orElseThrow();
            clock.advance(Duration.ofMillis(400));
            probes.arrived(sent);
        }

        assertThat(control.status().shedding()).isTrue();
        assertThat(control.status().refusingPercent()).isEqualTo(15);
    }

    @Test
    void aProbeThatNeverArrivesIsCountedLostAfterASecondAndReplaced() {
        String first = probes.due().orElseThrow();
        clock.advance(Duration.ofMillis(999));
        assertThat(probes.due()).isEmpty();

        clock.advance(Duration.ofMillis(1));
        String second = probes.due().orElseThrow();

        assertThat(second).isNotEqualTo(first);
        assertThat(probes.lost()).isEqualTo(1);
        assertThat(control.status().lastDelay()).isEqualTo(OverloadProbes.LOST_AFTER);
        assertThat(probes.arrived(first)).isFalse(); // its late copy is no measurement
    }

    @Test
    void aProbeStillOnItsWayPastTheTargetIsReportedAtItsAgeEachRound() {
        String sent = probes.due().orElseThrow();
        clock.advance(Duration.ofMillis(100));
        probes.due(); // on target: nothing to report yet

        assertThat(control.status().lastObservedAt()).isNull();

        clock.advance(Duration.ofMillis(200));
        probes.due(); // 300 ms: late, the first time

        assertThat(control.status().lastDelay()).isEqualTo(Duration.ofMillis(300));
        assertThat(control.status().shedding()).isFalse();

        clock.advance(Duration.ofMillis(100));
        probes.due(); // 400 ms, the second time
        clock.advance(Duration.ofMillis(100));
        probes.due(); // 500 ms, the third: four targets past, at most 15 %

        assertThat(control.status().refusedShare()).isEqualTo(0.15, offset(1e-9));

        clock.advance(Duration.ofMillis(50));
        probes.arrived(sent); // 550 ms: 15 % more

        assertThat(control.status().refusedShare()).isEqualTo(0.3, offset(1e-9));
    }

    @Test
    void anIdThatIsNotTheProbeOnItsWayIsIgnored() {
        probes.due();
        clock.advance(Duration.ofMillis(500));

        assertThat(probes.arrived("forged")).isFalse();
        assertThat(control.status().lastObservedAt()).isNull();
    }
}
