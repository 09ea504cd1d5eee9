package io.trunkline.routing;

import io.trunkline.cdr.EndCause;
import io.trunkline.number.CatchAll;
import io.trunkline.number.Destination;
import io.trunkline.number.Did;
import io.trunkline.number.DidRange;
import io.trunkline.number.E164Number;
import io.trunkline.number.NumberNormalizer;
import io.trunkline.routing.RoutingDecision.Forward;
import io.trunkline.routing.RoutingDecision.Reject;
import io.trunkline.trunk.Gateway;
import io.trunkline.trunk.Transport;
import io.trunkline.trunk.Trunk;
import io.trunkline.trunk.TrunkRole;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Carrier calls: exact DID, then the DID block holding the number, then the arriving trunk's catch-all. */
class InboundRulesTest {
    private static final Gateway CARRIER = new Gateway("192.0.2.10", 5060, Transport.UDP);
    private static final Gateway OTHER_CARRIER = new Gateway("192.0.2.20", 5060, Transport.UDP);
    private static final Destination SALES = new Destination.ToTrunk("sales-pbx");
    private static final Destination SUPPORT = new Destination.ToTrunk("support-pbx");
    private static final Destination OPERATOR = new Destination.ToUri("sip:operator@10.0.0.9");

    private final List<Trunk> trunks = List.of(
            new Trunk("carrier", TrunkRole.CARRIER, "US", List.of(CARRIER)),
            new Trunk("other-carrier", TrunkRole.CARRIER, "US", List.of(OTHER_CARRIER)),
            new Trunk("sales-pbx", TrunkRole.PBX, "US", List.of(new Gateway("10.1.0.5", 5060, Transport.UDP))),
            new Trunk("support-pbx", TrunkRole.PBX, "US", List.of(new Gateway("10.1.0.6", 5060, Transport.UDP))));
    private final List<Did> dids = new ArrayList<>();
    private final List<DidRange> ranges = new ArrayList<>(List.of(
            range("+14155550100", "+14155550199", SALES),
            range("+14155550300", "+14155550300", SUPPORT)));
    private final List<CatchAll> catchAlls = new ArrayList<>();

    private static DidRange range(String first, String last, Destination destination) {
        return new DidRange(new E164Number(first), new E164Number(last), "carrier", destination);
    }

    private RoutingDecision call(Gateway from, String number) {
        RoutingSnapshot snapshot = new RoutingSnapshot(trunks, dids, List.of(), HostResolver.literal(),
                new RoutingSnapshot.InboundExtensions(ranges, catchAlls), Map.of());
        return new CallRouter(() -> snapshot, new NumberNormalizer())
                .route(new CallAttempt(from.host(), from.port(), number, "+12125550199"));
    }

    private static String outboundTrunk(RoutingDecision decision) {
        assertThat(decision).isInstanceOf(Forward.class);
        return ((Forward) decision).outboundTrunk();
    }

    @Test
    void everyNumberOfABlockReachesItsDestinationIncludingBothEnds() {
        assertThat(outboundTrunk(call(CARRIER, "+14155550100"))).isEqualTo("sales-pbx");
        assertThat(outboundTrunk(call(CARRIER, "4155550142"))).isEqualTo("sales-pbx");
        assertThat(outboundTrunk(call(CARRIER, "+14155550199"))).isEqualTo("sales-pbx");
        assertThat(outboundTrunk(call(CARRIER, "+14155550300"))).isEqualTo("support-pbx");
    }

    @Test
    void numbersJustOutsideABlockAreNotInIt() {
        assertThat(call(CARRIER, "+14155550099")).isInstanceOf(Reject.class);
        assertThat(call(CARRIER, "+14155550200")).isInstanceOf(Reject.class);
        assertThat(call(CARRIER, "+14155550301")).isInstanceOf(Reject.class);
    }

    @Test
    void anExactDidInsideABlockWinsOverTheBlock() {
        dids.add(new Did(new E164Number("+14155550150"), "carrier", SUPPORT));

        assertThat(outboundTrunk(call(CARRIER, "+14155550150"))).isEqualTo("support-pbx");
        assertThat(outboundTrunk(call(CARRIER, "+14155550151"))).isEqualTo("sales-pbx");
    }

    @Test
    void theCatchAllOfTheArrivingTrunkTakesNumbersThatAreNoDidAndInNoBlock() {
        catchAlls.add(new CatchAll("carrier", OPERATOR));

        RoutingDecision decision = call(CARRIER, "+14155559999");

        assertThat(decision).isInstanceOfSatisfying(Forward.class, forward -> {
            assertThat(forward.target()).isEqualTo(new RoutingDecision.UriTarget("sip:operator@10.0.0.9"));
            assertThat(forward.calledNumber()).isEqualTo("+14155559999");
        });
        assertThat(outboundTrunk(call(CARRIER, "+14155550142"))).as("a block still wins").isEqualTo("sales-pbx");
    }

    @Test
    void aCatchAllCatchesOnlyItsOwnTrunksCalls() {
        catchAlls.add(new CatchAll("carrier", SUPPORT));

        assertThat(call(OTHER_CARRIER, "+14155559999")).isEqualTo(
                new Reject(404, "Number Not In Service", EndCause.NUMBER_NOT_IN_SERVICE));
        assertThat(outboundTrunk(call(CARRIER, "+14155559999"))).isEqualTo("support-pbx");
    }
}
