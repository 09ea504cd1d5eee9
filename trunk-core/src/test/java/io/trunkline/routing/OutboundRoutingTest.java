package io.trunkline.routing;

import io.trunkline.cdr.EndCause;
import io.trunkline.number.PresentedNumbers;
import io.trunkline.number.NumberNormalizer;
import io.trunkline.routing.RoutingDecision.Forward;
import io.trunkline.routing.RoutingDecision.GatewayTarget;
import io.trunkline.routing.RoutingDecision.Reject;
import io.trunkline.routing.RoutingDecision.TrunkTargets;
import io.trunkline.trunk.FailoverPolicy;
import io.trunkline.trunk.Gateway;
import io.trunkline.trunk.Transport;
import io.trunkline.trunk.Trunk;
import io.trunkline.trunk.TrunkRole;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Outbound routing with several candidate trunks: least-cost order, tenant routes, trunks left out. */
class OutboundRoutingTest {
    private static final Gateway TENANT_A = new Gateway("10.1.0.5", 5060, Transport.UDP);
    private static final Gateway TENANT_B = new Gateway("10.1.0.6", 5060, Transport.UDP);
    private static final String LONDON = "+442079460000";
    private static final FailoverPolicy PATIENT = new FailoverPolicy(Set.of(503), Set.of(486), Duration.ofSeconds(9));

    private final List<Trunk> trunks = new ArrayList<>(List.of(
            new Trunk("tenant-a", TrunkRole.PBX, "GB", List.of(TENANT_A)),
            new Trunk("tenant-b", TrunkRole.PBX, "GB", List.of(TENANT_B)),
            carrier("cheap", 1), carrier("dear", 2), new Trunk("patient", TrunkRole.CARRIER, "GB",
                    List.of(gateway(3))).withFailover(PATIENT),
            new Trunk("empty", TrunkRole.CARRIER, "GB", List.of())));
    private final List<Route> routes = new ArrayList<>();
    private final Map<String, RateDeck> decks = new HashMap<>(Map.of(
            "cheap", RateDeckCsv.parse("44,0.010\n"),
            "dear", RateDeckCsv.parse("44,0.030\n"),
            "patient", RateDeckCsv.parse("44,0.020\n")));

    private static Gateway gateway(int n) {
        return new Gateway("198.51.100." + n, 5060, Transport.UDP);
    }

    private static Trunk carrier(String name, int n) {
        return new Trunk(name, TrunkRole.CARRIER, "GB", List.of(gateway(n)));
    }

    private static Route route(String prefix, String fromTrunk, String... trunks) {
        return new Route(prefix, fromTrunk, java.util.Arrays.stream(trunks).map(t -> new RouteCandidate(t, 1)).toList());
    }

    private RoutingDecision call(Gateway from, String number) {
        RoutingSnapshot snapshot = new RoutingSnapshot(trunks, List.of(), routes, HostResolver.literal(),
                new RoutingSnapshot.InboundExtensions(List.of(), List.of()), decks);
        CallRouter router = new CallRouter(() -> snapshot, new NumberNormalizer(),
                new GatewayOrder(new SplittableRandom(7)), GatewayOrder.Availability.allUp());
        return router.route(new CallAttempt(from.host(), from.port(), number, "02079460001"));
    }

    private List<String> trunkOrder(RoutingDecision decision) {
        Forward forward = (Forward) decision;
        List<String> order = new ArrayList<>(List.of(forward.outboundTrunk()));
        forward.nextTrunks().forEach(next -> order.add(next.trunk()));
        return order;
    }

    @Test
    void theCheapestCandidateCarriesTheCallAndTheOthersFollowInPriceOrder() {
        routes.add(route("44", null, "dear", "patient", "cheap"));

        RoutingDecision decision = call(TENANT_A, LONDON);

        assertThat(decision).isEqualTo(new Forward("tenant-a", "cheap", LONDON, "+442079460001",
                List.of(new GatewayTarget(gateway(1))), FailoverPolicy.defaults(), List.of(
                        new TrunkTargets("patient", List.of(new GatewayTarget(gateway(3))), PATIENT,
                                "+442079460001", PresentedNumbers.plain(LONDON, "+442079460001")),
                        new TrunkTargets("dear", List.of(new GatewayTarget(gateway(2))), FailoverPolicy.defaults(),
                                "+442079460001", PresentedNumbers.plain(LONDON, "+442079460001")))));
    }

    @Test
    void movingOnToTheNextTrunkTakesItsGatewaysAndFailoverPolicy() {
        routes.add(route("44", null, "dear", "patient", "cheap"));

        Forward next = ((Forward) call(TENANT_A, LONDON)).onNextTrunk();

        assertThat(next.outboundTrunk()).isEqualTo("patient");
        assertThat(next.targets()).containsExactly(new GatewayTarget(gateway(3)));
        assertThat(next.failover()).isEqualTo(PATIENT);
        assertThat(next.onNextTrunk().outboundTrunk()).isEqualTo("dear");
        assertThat(next.onNextTrunk().hasNextTrunk()).isFalse();
    }

    @Test
    void aCandidateWithoutUsableGatewaysOrThatNoLongerExistsIsLeftOut() {
        decks.put("empty", RateDeckCsv.parse("44,0.001\n"));
        routes.add(route("44", null, "empty", "deleted", "dear"));

        assertThat(trunkOrder(call(TENANT_A, LONDON))).containsExactly("dear");
    }

    @Test
    void aRouteWhoseCandidatesAllLackGatewaysIsServiceUnavailable() {
        routes.add(route("44", null, "empty", "deleted"));

        assertThat(call(TENANT_A, LONDON)).isEqualTo(
                new Reject(503, "No Gateway Available", EndCause.NO_GATEWAY_AVAILABLE));
    }

    @Test
    void aTenantRouteIsUsedForItsPbxOnly() {
        routes.add(route("44", null, "cheap"));
        routes.add(route("44", "tenant-b", "dear"));

        assertThat(trunkOrder(call(TENANT_A, LONDON))).containsExactly("cheap");
        assertThat(trunkOrder(call(TENANT_B, LONDON))).containsExactly("dear");
    }

    @Test
    void aTenantRouteWinsOverAGenericRouteWithAShorterPrefix() {
        routes.add(route("4420", null, "cheap"));
        routes.add(route("", "tenant-b", "dear"));
        routes.add(route("44", "tenant-b", "patient"));

        assertThat(trunkOrder(call(TENANT_B, "+447400123456"))).containsExactly("patient");
        assertThat(trunkOrder(call(TENANT_B, "+4930123456"))).containsExactly("dear");
    }

    @Test
    void aGenericRouteWithALongerPrefixWinsOverATenantRoute() {
        routes.add(route("4420", null, "cheap"));
        routes.add(route("44", "tenant-b", "patient"));

        assertThat(trunkOrder(call(TENANT_B, LONDON))).containsExactly("cheap");
    }

    @Test
    void aPbxWithNoRouteOfItsOwnAndNoGenericRouteGetsNotFound() {
        routes.add(route("44", "tenant-b", "patient"));

        assertThat(call(TENANT_A, LONDON)).isInstanceOfSatisfying(Reject.class,
                reject -> assertThat(reject.status()).isEqualTo(404));
    }
}
