package io.trunkline.routing;

import io.trunkline.cdr.EndCause;
import io.trunkline.number.Destination;
import io.trunkline.number.Did;
import io.trunkline.number.E164Number;
import io.trunkline.number.NumberNormalizer;
import io.trunkline.routing.RoutingDecision.Forward;
import io.trunkline.routing.RoutingDecision.Reject;
import io.trunkline.trunk.Gateway;
import io.trunkline.trunk.Transport;
import io.trunkline.trunk.Trunk;
import io.trunkline.trunk.TrunkRole;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A call sent to a trunk's registered Contact belongs to that trunk whatever address it comes from. */
class RegisteredTrunkRoutingTest {
    private static final Trunk REGISTERED = new Trunk("registered", TrunkRole.CARRIER, "US",
            List.of(new Gateway("192.0.2.10", 5060, Transport.UDP)));
    private static final Trunk PBX = new Trunk("pbx", TrunkRole.PBX, "US",
            List.of(new Gateway("10.1.0.5", 5070, Transport.UDP)));
    private final RoutingSnapshot snapshot = new RoutingSnapshot(List.of(REGISTERED, PBX),
            List.of(new Did(new E164Number("+12125550199"), "registered", new Destination.ToTrunk("pbx"))),
            List.of(), HostResolver.literal());
    private final CallRouter router = new CallRouter(() -> snapshot, new NumberNormalizer());

    @Test
    void callToTheRegisteredContactFromAnUnknownAddressIsTheTrunks() {
        RoutingDecision decision = router.route(new CallAttempt("203.0.113.7", 5060, "2125550199", "+14155550100",
                "registered"));

        assertThat(decision).isInstanceOfSatisfying(Forward.class, forward -> {
            assertThat(forward.inboundTrunk()).isEqualTo("registered");
            assertThat(forward.outboundTrunk()).isEqualTo("pbx");
        });
    }

    @Test
    void theSameCallWithoutTheContactIsRefused() {
        RoutingDecision decision = router.route(new CallAttempt("203.0.113.7", 5060, "2125550199", "+14155550100"));

        assertThat(decision).isEqualTo(new Reject(403, "Source Address Not Recognised", EndCause.UNKNOWN_SOURCE));
    }
}
