package io.trunkline.limits;

import io.trunkline.routing.HostResolver;
import io.trunkline.routing.RoutingSnapshot;
import io.trunkline.trunk.Trunk;
import io.trunkline.trunk.TrunkLimits;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static io.trunkline.limits.ChannelAccountingTest.trunk;
import static io.trunkline.limits.Direction.INBOUND;
import static io.trunkline.limits.Direction.OUTBOUND;
import static org.assertj.core.api.Assertions.assertThat;

/** A call is admitted on both its trunks or on neither, against the limits configured when it arrives. */
class CallAdmissionTest {
    private static final TrunkLimits ONE_CHANNEL = new TrunkLimits(1, 0, 0, 0, 0, 0);
    private final AtomicReference<RoutingSnapshot> configuration = new AtomicReference<>();
    private final ChannelAccounting accounting = new ChannelAccounting(() -> 0L);
    private final CallAdmission admission = new CallAdmission(configuration::get, accounting);

    private void configure(Trunk... trunks) {
        configuration.set(new RoutingSnapshot(List.of(trunks), List.of(), List.of(), HostResolver.literal()));
    }

    private Lease admitted(Admission answer) {
        assertThat(answer).isInstanceOf(Admission.Admitted.class);
        return ((Admission.Admitted) answer).lease();
    }

    @Test
    void aCallAdmittedOnBothTrunksGivesBothChannelsBackOnceWhenReleased() {
        configure(trunk("carrier", ONE_CHANNEL), trunk("pbx", ONE_CHANNEL));
        Lease call = admitted(admission.admit("carrier", "pbx"));
        assertThat(accounting.inUse("carrier", INBOUND)).isEqualTo(1);
        assertThat(accounting.inUse("pbx", OUTBOUND)).isEqualTo(1);

        call.release();
        call.release();

        assertThat(accounting.inUse("carrier", INBOUND)).isZero();
        assertThat(accounting.inUse("pbx", OUTBOUND)).isZero();
        admitted(admission.admit("carrier", "pbx"));
    }

    @Test
    void aCallRefusedByItsOutboundTrunkHoldsNoInboundChannel() {
        configure(trunk("carrier", ONE_CHANNEL), trunk("pbx", ONE_CHANNEL), trunk("other", TrunkLimits.none()));
        admitted(admission.admit("other", "pbx"));

        Admission refused = admission.admit("carrier", "pbx");

        assertThat(refused).isEqualTo(new Admission.Refused("Trunk Channel Limit Reached", 5));
        assertThat(accounting.inUse("carrier", INBOUND)).isZero();
    }

    @Test
    void theInboundCallRateTokenIsSpentOnceTheCallArrivedEvenIfItsOutboundTrunkRefusesIt() {
        configure(trunk("carrier", new TrunkLimits(0, 0, 0, 0, 1, 0)), trunk("pbx", ONE_CHANNEL),
                trunk("other", TrunkLimits.none()));
        admitted(admission.admit("other", "pbx"));

        assertThat(admission.admit("carrier", "pbx"))
                .isEqualTo(new Admission.Refused("Trunk Channel Limit Reached", 5));

        assertThat(admission.admitInbound("carrier"))
                .isEqualTo(new Admission.Refused("Trunk Call Rate Limit Reached", 1));
    }

    @Test
    void aCallRefusedByItsInboundTrunkTakesNothingOnItsOutboundTrunk() {
        configure(trunk("carrier", ONE_CHANNEL), trunk("pbx", ONE_CHANNEL));
        admitted(admission.admitInbound("carrier"));

        assertThat(admission.admit("carrier", "pbx")).isInstanceOf(Admission.Refused.class);

        assertThat(accounting.inUse("pbx", OUTBOUND)).isZero();
        admitted(admission.admitOutbound("pbx"));
    }

    @Test
    void aCallToASipUriDestinationHoldsOnlyItsInboundChannel() {
        configure(trunk("carrier", ONE_CHANNEL));

        Lease call = admitted(admission.admit("carrier", null));

        assertThat(accounting.inUse("carrier", INBOUND)).isEqualTo(1);
        call.release();
        assertThat(accounting.inUse("carrier", INBOUND)).isZero();
    }

    @Test
    void aTrunkDeletedSinceRoutingHasNoLimitLeft() {
        configure();

        Lease call = admitted(admission.admit("gone", "also-gone"));

        call.release();
        assertThat(accounting.inUse("gone", INBOUND)).isZero();
    }

    @Test
    void aLimitLoweredByAConfigurationChangeAppliesToTheNextCallWhileEarlierOnesHoldTheirChannels() {
        configure(trunk("carrier", new TrunkLimits(2, 0, 0, 0, 0, 0)));
        Lease first = admitted(admission.admitInbound("carrier"));
        Lease second = admitted(admission.admitInbound("carrier"));

        configure(trunk("carrier", ONE_CHANNEL));

        assertThat(admission.admitInbound("carrier")).isInstanceOf(Admission.Refused.class);
        first.release();
        assertThat(admission.admitInbound("carrier")).isInstanceOf(Admission.Refused.class);
        second.release();
        admitted(admission.admitInbound("carrier"));
    }

    @Test
    void aLimitRaisedByAConfigurationChangeAdmitsTheNextCallAtOnce() {
        configure(trunk("carrier", ONE_CHANNEL));
        admitted(admission.admitInbound("carrier"));
        assertThat(admission.admitInbound("carrier")).isInstanceOf(Admission.Refused.class);

        configure(trunk("carrier", new TrunkLimits(2, 0, 0, 0, 0, 0)));

        admitted(admission.admitInbound("carrier"));
        assertThat(accounting.inUse("carrier", INBOUND)).isEqualTo(2);
    }
}
