package io.trunkline.health;

import io.trunkline.testing.MutableClock;
import io.trunkline.trunk.Gateway;
import io.trunkline.trunk.HealthProbe;
import io.trunkline.trunk.Transport;
import io.trunkline.trunk.Trunk;
import io.trunkline.trunk.TrunkRole;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayHealthTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(4);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final GatewayHealth health = new GatewayHealth(clock);
    private final Gateway first = new Gateway("10.0.0.1", 5060, Transport.UDP);
    private final Gateway second = new Gateway("10.0.0.2", 5060, Transport.UDP);

    private static Trunk probed(int intervalSeconds, int downAfter, Gateway... gateways) {
        return new Trunk("carrier", TrunkRole.CARRIER, "US", List.of(gateways))
                .withProbe(new HealthProbe(intervalSeconds, downAfter));
    }

    @Test
    void unprobedGatewaysAreUnknownAndUsedByRouting() {
        Trunk off = new Trunk("pbx", TrunkRole.PBX, "US", List.of(first));

        assertThat(health.due(List.of(off))).isEmpty();
        assertThat(health.isUp(first)).isTrue();
        assertThat(health.status(first).state()).isEqualTo(GatewayState.UNKNOWN);
    }

    @Test
    void everyGatewayIsDueOnceThenAgainOnlyAfterTheInterval() {
        List<Trunk> trunks = List.of(probed(30, 3, first, second));

        assertThat(health.due(trunks)).containsExactly(first, second);
        health.answered(first, 200);
        health.answered(second, 200);
        clock.advance(Duration.ofSeconds(29));
        assertThat(health.due(trunks)).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(health.due(trunks)).containsExactly(first, second);
    }

    @Test
    void anOutstandingProbeIsNotRepeated() {
        List<Trunk> trunks = List.of(probed(1, 3, first));

        assertThat(health.due(trunks)).containsExactly(first);
        clock.advance(Duration.ofSeconds(2));
        assertThat(health.due(trunks)).as("still waiting for the first answer").isEmpty();
    }

    @Test
    void downOnlyAfterTheConfiguredNumberOfConsecutiveFailures() {
        List<Trunk> trunks = List.of(probed(1, 2, first));

        failOneRound(trunks);
        assertThat(health.status(first).state()).isNotEqualTo(GatewayState.DOWN);
        assertThat(health.isUp(first)).isTrue();
        failOneRound(trunks);

        GatewayStatus status = health.status(first);
        assertThat(status.state()).isEqualTo(GatewayState.DOWN);
        assertThat(status.consecutiveFailures()).isEqualTo(2);
        assertThat(status.lastChangeAt()).isEqualTo(clock.instant());
        assertThat(health.isUp(first)).isFalse();
    }

    @Test
    void oneAnswerBringsADownGatewayBackAndResetsTheCount() {
        List<Trunk> trunks = List.of(probed(1, 1, first));
        failOneRound(trunks);
        assertThat(health.isUp(first)).isFalse();

        clock.advance(Duration.ofSeconds(1));
        assertThat(health.due(trunks)).containsExactly(first);
        health.answered(first, 200);

        assertThat(health.status(first).state()).isEqualTo(GatewayState.UP);
        assertThat(health.status(first).consecutiveFailures()).isZero();
        assertThat(health.isUp(first)).isTrue();
    }

    @Test
    void anyFinalAnswerProvesLifeExcept408And503() {
        List<Trunk> trunks = List.of(probed(1, 1, first, second));
        health.due(trunks);

        health.answered(first, 405); // a gateway that refuses OPTIONS still has a working SIP stack
        health.answered(second, 503);

        assertThat(health.status(first).state()).isEqualTo(GatewayState.UP);
        assertThat(health.status(second).state()).isEqualTo(GatewayState.DOWN);
    }

    @Test
    void aProbeIsOnlyCountedAsFailedOnceItsTimeoutHasPassed() {
        List<Trunk> trunks = List.of(probed(1, 1, first));
        health.due(trunks);

        clock.advance(TIMEOUT);
        health.expire(trunks, TIMEOUT);
        assertThat(health.status(first).consecutiveFailures()).isZero();
        clock.advance(Duration.ofMillis(1));
        health.expire(trunks, TIMEOUT);
        assertThat(health.status(first).state()).isEqualTo(GatewayState.DOWN);
    }

    @Test
    void aGatewaySharedByTwoTrunksIsProbedOnceAndHasOneHealth() {
        Trunk a = probed(1, 1, first);
        Trunk b = new Trunk("other", TrunkRole.PBX, "US", List.of(first)).withProbe(new HealthProbe(1, 1));

        assertThat(health.due(List.of(a, b))).containsExactly(first);
        clock.advance(TIMEOUT.plusSeconds(1));
        health.expire(List.of(a, b), TIMEOUT);

        assertThat(health.status(first).consecutiveFailures()).isEqualTo(1);
        assertThat(health.isUp(first)).isFalse();
    }

    private void failOneRound(List<Trunk> trunks) {
        clock.advance(Duration.ofSeconds(1));
        assertThat(health.due(trunks)).contains(first);
        clock.advance(TIMEOUT.plusSeconds(1));
        health.expire(trunks, TIMEOUT);
    }
}
