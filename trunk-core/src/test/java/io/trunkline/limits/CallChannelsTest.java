package io.trunkline.limits;

import io.trunkline.trunk.Gateway;
import io.trunkline.trunk.Transport;
import io.trunkline.trunk.Trunk;
import io.trunkline.trunk.TrunkLimits;
import io.trunkline.trunk.TrunkRole;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A call moving from one candidate trunk to the next holds a channel on the one carrying it, and only there. */
class CallChannelsTest {
    private final ChannelAccounting accounting = new ChannelAccounting(() -> 0L);
    private final Trunk pbx = trunk("pbx", TrunkRole.PBX);
    private final Trunk cheap = trunk("cheap", TrunkRole.CARRIER);
    private final Trunk dear = trunk("dear", TrunkRole.CARRIER);

    private static Trunk trunk(String name, TrunkRole role) {
        return new Trunk(name, role, "US", List.of(new Gateway("192.0.2.1", 5060, Transport.UDP)))
                .withLimits(new TrunkLimits(0, 0, 1, 0, 0, 0));
    }

    private Lease admit(Trunk trunk, Direction direction) {
        return ((Admission.Admitted) accounting.admit(trunk, direction)).lease();
    }

    @Test
    void movingToTheNextTrunkGivesTheChannelOnThePreviousOneBack() {
        CallChannels call = new CallChannels(admit(pbx, Direction.INBOUND));
        call.moveOutbound(admit(cheap, Direction.OUTBOUND));
        assertThat(accounting.inUse("cheap", Direction.OUTBOUND)).isEqualTo(1);

        call.moveOutbound(admit(dear, Direction.OUTBOUND));

        assertThat(accounting.inUse("cheap", Direction.OUTBOUND)).isZero();
        assertThat(accounting.inUse("dear", Direction.OUTBOUND)).isEqualTo(1);
        call.release();
        assertThat(accounting.inUse("dear", Direction.OUTBOUND)).isZero();
        assertThat(accounting.inUse("pbx", Direction.INBOUND)).isZero();
    }

    @Test
    void aRefusalOnTheNextTrunkStillGivesThePreviousChannelBack() {
        CallChannels call = new CallChannels(admit(pbx, Direction.INBOUND));
        call.moveOutbound(admit(cheap, Direction.OUTBOUND));

        call.moveOutbound(null);

        assertThat(accounting.inUse("cheap", Direction.OUTBOUND)).isZero();
        call.release();
        call.release();
        assertThat(accounting.inUse("pbx", Direction.INBOUND)).isZero();
    }

    @Test
    void aChannelTakenAfterTheCallEndedIsGivenBackAtOnce() {
        CallChannels call = new CallChannels(admit(pbx, Direction.INBOUND));
        call.release();

        call.moveOutbound(admit(cheap, Direction.OUTBOUND));

        assertThat(accounting.inUse("cheap", Direction.OUTBOUND)).isZero();
    }

    @Test
    void aTransferLegHoldsOnlyItsOutboundChannelAndIsGivenBackWithTheCall() {
        CallChannels call = new CallChannels(admit(pbx, Direction.INBOUND));
        CallChannels transfer = CallChannels.outboundOnly();
        call.alsoRelease(transfer);
        transfer.moveOutbound(admit(cheap, Direction.OUTBOUND));
        assertThat(accounting.inUse("cheap", Direction.OUTBOUND)).isEqualTo(1);

        call.release();

        assertThat(accounting.inUse("cheap", Direction.OUTBOUND)).isZero();
        assertThat(accounting.inUse("pbx", Direction.INBOUND)).isZero();
    }

    @Test
    void aTransferLegReleasedOnItsOwnIsNotCountedAgainWhenTheCallEnds() {
        CallChannels call = new CallChannels(admit(pbx, Direction.INBOUND));
        CallChannels transfer = CallChannels.outboundOnly();
        call.alsoRelease(transfer);
        transfer.moveOutbound(admit(cheap, Direction.OUTBOUND));
        transfer.release();
        assertThat(accounting.inUse("cheap", Direction.OUTBOUND)).isZero();
        CallChannels other = new CallChannels(admit(dear, Direction.INBOUND));
        other.moveOutbound(admit(cheap, Direction.OUTBOUND));

        call.release();

        assertThat(accounting.inUse("cheap", Direction.OUTBOUND)).isEqualTo(1);
    }

    @Test
    void aTransferLegJoiningAnEndedCallIsGivenBackAtOnce() {
        CallChannels call = new CallChannels(admit(pbx, Direction.INBOUND));
        call.release();
        CallChannels transfer = CallChannels.outboundOnly();
        transfer.moveOutbound(admit(cheap, Direction.OUTBOUND));

        call.alsoRelease(transfer);

        assertThat(accounting.inUse("cheap", Direction.OUTBOUND)).isZero();
    }
}
