package io.trunkline.limits;

import io.trunkline.testing.MutableClock;
import io.trunkline.trunk.Gateway;
import io.trunkline.trunk.Transport;
import io.trunkline.trunk.Trunk;
import io.trunkline.trunk.TrunkLimits;
import io.trunkline.trunk.TrunkRole;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.trunkline.limits.Direction.INBOUND;
import static io.trunkline.limits.Direction.OUTBOUND;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Channel and call-rate limits of one trunk, counted per direction and in total: what is admitted, what is refused
 * and why, and that a refusal takes nothing from any count or bucket.
 */
class ChannelAccountingTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private final MutableClock clock = new MutableClock(START);
    private final ChannelAccounting accounting =
            new ChannelAccounting(() -> Duration.between(START, clock.instant()).toNanos());

    static Trunk trunk(String name, TrunkLimits limits) {
        return new Trunk(name, TrunkRole.CARRIER, "US", List.of(new Gateway("192.0.2.1", 5060, Transport.UDP)))
                .withLimits(limits);
    }

    private static TrunkLimits channels(int total, int inbound, int outbound) {
        return new TrunkLimits(total, inbound, outbound, 0, 0, 0);
    }

    private static TrunkLimits rates(int total, int inbound, int outbound) {
        return new TrunkLimits(0, 0, 0, total, inbound, outbound);
    }

    private static Lease lease(Admission admission) {
        assertThat(admission).isInstanceOf(Admission.Admitted.class);
        return ((Admission.Admitted) admission).lease();
    }

    private static void assertRefused(Admission admission, String reason, int retryAfter) {
        assertThat(admission).isEqualTo(new Admission.Refused(reason, retryAfter));
    }

    @Test
    void inboundAndOutboundChannelLimitsAreCountedApart() {
        Trunk carrier = trunk("carrier", channels(0, 1, 2));
        lease(accounting.admit(carrier, INBOUND));
        lease(accounting.admit(carrier, OUTBOUND));
        lease(accounting.admit(carrier, OUTBOUND));

        assertRefused(accounting.admit(carrier, INBOUND), "Trunk Channel Limit Reached", 5);
        assertRefused(accounting.admit(carrier, OUTBOUND), "Trunk Channel Limit Reached", 5);
        assertThat(accounting.inUse("carrier", INBOUND)).isEqualTo(1);
        assertThat(accounting.inUse("carrier", OUTBOUND)).isEqualTo(2);
    }

    @Test
    void theTotalChannelLimitCountsBothDirectionsTogether() {
        Trunk carrier = trunk("carrier", channels(2, 2, 2));
        lease(accounting.admit(carrier, INBOUND));
        Lease outbound = lease(accounting.admit(carrier, OUTBOUND));

        assertRefused(accounting.admit(carrier, INBOUND), "Trunk Channel Limit Reached", 5);
        assertRefused(accounting.admit(carrier, OUTBOUND), "Trunk Channel Limit Reached", 5);
        outbound.release();
        lease(accounting.admit(carrier, INBOUND));
        assertThat(accounting.inUse("carrier", INBOUND)).isEqualTo(2);
        assertThat(accounting.inUse("carrier", OUTBOUND)).isZero();
    }

    @Test
    void aLeaseReleasedTwiceGivesItsChannelBackOnce() {
        Trunk carrier = trunk("carrier", channels(0, 2, 0));
        Lease first = lease(accounting.admit(carrier, INBOUND));
        lease(accounting.admit(carrier, INBOUND));

        first.release();
        first.release();

        assertThat(first.isReleased()).isTrue();
        assertThat(accounting.inUse("carrier", INBOUND)).isEqualTo(1);
    }

    @Test
    void aChannelRefusalTakesNoCallRateToken() {
        Trunk carrier = trunk("carrier", new TrunkLimits(0, 1, 0, 0, 2, 0));
        Lease first = lease(accounting.admit(carrier, INBOUND)); // token 1 of 2
        assertRefused(accounting.admit(carrier, INBOUND), "Trunk Channel Limit Reached", 5);
        first.release();

        lease(accounting.admit(carrier, INBOUND)).release(); // token 2: the refusal above took none

        assertRefused(accounting.admit(carrier, INBOUND), "Trunk Call Rate Limit Reached", 1);
        assertThat(accounting.inUse("carrier", INBOUND)).isZero();
    }

    @Test
    void inboundAndOutboundCallRatesHaveBucketsOfTheirOwn() {
        Trunk carrier = trunk("carrier", rates(0, 1, 2));
        lease(accounting.admit(carrier, INBOUND));
        lease(accounting.admit(carrier, OUTBOUND));
        lease(accounting.admit(carrier, OUTBOUND));

        assertRefused(accounting.admit(carrier, INBOUND), "Trunk Call Rate Limit Reached", 1);
        assertRefused(accounting.admit(carrier, OUTBOUND), "Trunk Call Rate Limit Reached", 1);
        clock.advance(Duration.ofSeconds(1));
        lease(accounting.admit(carrier, INBOUND));
    }

    @Test
    void aCallRefusedByItsDirectionsRateGivesTheTotalTokenBack() {
        Trunk carrier = trunk("carrier", rates(2, 1, 0));
        lease(accounting.admit(carrier, INBOUND)); // total 1 of 2, inbound 1 of 1
        assertRefused(accounting.admit(carrier, INBOUND), "Trunk Call Rate Limit Reached", 1);

        lease(accounting.admit(carrier, OUTBOUND)); // total 2 of 2: the refused inbound call kept none

        assertRefused(accounting.admit(carrier, OUTBOUND), "Trunk Call Rate Limit Reached", 1);
        assertThat(accounting.inUse("carrier", OUTBOUND)).isEqualTo(1);
    }

    @Test
    void aLimitLoweredWhileCallsAreUpAdmitsNoneUntilTheyAreBelowIt() {
        Lease[] up = {
                lease(accounting.admit(trunk("carrier", channels(3, 0, 0)), INBOUND)),
                lease(accounting.admit(trunk("carrier", channels(3, 0, 0)), INBOUND)),
                lease(accounting.admit(trunk("carrier", channels(3, 0, 0)), OUTBOUND))};
        Trunk lowered = trunk("carrier", channels(1, 0, 0));

        assertRefused(accounting.admit(lowered, INBOUND), "Trunk Channel Limit Reached", 5);
        up[0].release();
        up[1].release();
        assertRefused(accounting.admit(lowered, OUTBOUND), "Trunk Channel Limit Reached", 5);
        up[2].release();
        lease(accounting.admit(lowered, OUTBOUND));
        assertThat(accounting.inUse("carrier", INBOUND)).isZero();
        assertThat(accounting.inUse("carrier", OUTBOUND)).isEqualTo(1);
    }

    @Test
    void aLimitRaisedWhileCallsAreUpAdmitsMoreAtOnce() {
        Lease up = lease(accounting.admit(trunk("carrier", channels(1, 0, 0)), INBOUND));
        assertRefused(accounting.admit(trunk("carrier", channels(1, 0, 0)), INBOUND), "Trunk Channel Limit Reached", 5);

        Lease more = lease(accounting.admit(trunk("carrier", channels(2, 0, 0)), INBOUND));

        up.release();
        more.release();
        assertThat(accounting.inUse("carrier", INBOUND)).isZero();
    }

    @Test
    void aCallRateLimitSetOnATrunkThatHadNoneAdmitsItsFullBurstAtOnce() {
        lease(accounting.admit(trunk("carrier", TrunkLimits.none()), INBOUND));

        Trunk limited = trunk("carrier", rates(0, 2, 0));

        lease(accounting.admit(limited, INBOUND));
        lease(accounting.admit(limited, INBOUND));
        assertRefused(accounting.admit(limited, INBOUND), "Trunk Call Rate Limit Reached", 1);
    }

    @Test
    void trunksAreCountedApart() {
        lease(accounting.admit(trunk("a", channels(1, 0, 0)), INBOUND));

        lease(accounting.admit(trunk("b", channels(1, 0, 0)), INBOUND));

        assertThat(accounting.inUse("a", INBOUND)).isEqualTo(1);
        assertThat(accounting.inUse("b", INBOUND)).isEqualTo(1);
        assertThat(accounting.inUse("unknown", INBOUND)).isZero();
    }
}
