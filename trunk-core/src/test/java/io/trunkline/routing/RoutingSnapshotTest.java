package io.trunkline.routing;

import io.trunkline.trunk.Gateway;
import io.trunkline.trunk.Transport;
import io.trunkline.trunk.Trunk;
import io.trunkline.trunk.TrunkRole;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoutingSnapshotTest {
    private static final Trunk CARRIER = new Trunk("carrier", TrunkRole.CARRIER, "US",
            List.of(new Gateway("192.0.2.10", 5060, Transport.UDP)));
    private static final Trunk OTHER_CARRIER = new Trunk("other-carrier", TrunkRole.CARRIER, "US",
            List.of(new Gateway("192.0.2.10", 5080, Transport.UDP)));
    private static final Trunk INTRUDER = new Trunk("intruder", TrunkRole.PBX, "US", List.of());

    private final RoutingSnapshot snapshot = new RoutingSnapshot(List.of(CARRIER, OTHER_CARRIER), List.of(),
            List.of(), HostResolver.literal());

    @Test
    void trunksFoundByAddressAndPortCannotBeChangedByTheCaller() {
        List<Trunk> exact = snapshot.trunksAt("192.0.2.10", 5060);

        assertThatThrownBy(() -> exact.add(INTRUDER)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(snapshot.trunksAt("192.0.2.10", 5060)).containsExactly(CARRIER);
    }

    @Test
    void trunksFoundByAddressAloneCannotBeChangedByTheCaller() {
        // An ephemeral source port, as from a TCP client: every trunk at the address.
        List<Trunk> atAddress = snapshot.trunksAt("192.0.2.10", 49152);

        assertThatThrownBy(() -> atAddress.remove(0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(atAddress::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThat(snapshot.trunksAt("192.0.2.10", 49152)).containsExactlyInAnyOrder(CARRIER, OTHER_CARRIER);
    }

    @Test
    void anUnknownSourceFindsAnEmptyListThatCannotBeChangedEither() {
        List<Trunk> none = snapshot.trunksAt("203.0.113.1", 5060);

        assertThat(none).isEmpty();
        assertThatThrownBy(() -> none.add(INTRUDER)).isInstanceOf(UnsupportedOperationException.class);
    }
}
