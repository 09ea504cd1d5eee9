package io.trunkline.routing;

import io.trunkline.cdr.EndCause;
import io.trunkline.number.Destination;
import io.trunkline.number.Did;
import io.trunkline.number.E164Number;
import io.trunkline.number.NumberNormalizer;
import io.trunkline.routing.RoutingDecision.Forward;
import io.trunkline.routing.RoutingDecision.GatewayTarget;
import io.trunkline.routing.RoutingDecision.Reject;
import io.trunkline.routing.RoutingDecision.Target;
import io.trunkline.routing.RoutingDecision.UriTarget;
import io.trunkline.trunk.FailoverPolicy;
import io.trunkline.trunk.Gateway;
import io.trunkline.trunk.Transport;
import io.trunkline.trunk.Trunk;
import io.trunkline.trunk.TrunkRole;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class CallRouterTest {
    private static final Gateway CARRIER_GATEWAY = new Gateway("192.0.2.10", 5060, Transport.UDP);
    private static final Gateway PBX_PRIMARY = new Gateway("10.1.0.5", 5070, Transport.TCP, 1, 1);
    private static final Gateway PBX_SECONDARY = new Gateway("10.1.0.6", 5070, Transport.TCP, 2, 1);
    private static final Gateway UK_GATEWAY = new Gateway("198.51.100.44", 5060, Transport.UDP);
    private static final Gateway LONDON_GATEWAY = new Gateway("198.51.100.20", 5061, Transport.TLS);
    private static final Gateway LONDON_PBX_GATEWAY = new Gateway("10.2.0.5", 5060, Transport.UDP);

    private static final Trunk US_CARRIER = new Trunk("us-carrier", TrunkRole.CARRIER, "US", List.of(CARRIER_GATEWAY));
    private static final Trunk OFFICE_PBX = new Trunk("office-pbx", TrunkRole.PBX, "US",
            List.of(PBX_SECONDARY, PBX_PRIMARY));
    private static final Trunk LONDON_PBX = new Trunk("london-pbx", TrunkRole.PBX, "GB", List.of(LONDON_PBX_GATEWAY));
    private static final Trunk UK_CARRIER = new Trunk("uk-carrier", TrunkRole.CARRIER, "GB", List.of(UK_GATEWAY));
    private static final Trunk LONDON_CARRIER = new Trunk("london-carrier", TrunkRole.CARRIER, "GB",
            List.of(LONDON_GATEWAY));
    private static final Trunk IDLE_CARRIER = new Trunk("idle-carrier", TrunkRole.CARRIER, "US", List.of());
    private static final Trunk IDLE_PBX = new Trunk("idle-pbx", TrunkRole.PBX, "US", List.of());
    private static final Reject NO_GATEWAY = new Reject(503, "No Gateway Available",
            EndCause.NO_GATEWAY_AVAILABLE);

    private final List<Trunk> trunks = new ArrayList<>(List.of(US_CARRIER, OFFICE_PBX, LONDON_PBX, UK_CARRIER,
            LONDON_CARRIER, IDLE_CARRIER, IDLE_PBX));
    private final List<Did> dids = new ArrayList<>(List.of(
            did("+12125550199", "us-carrier", new Destination.ToTrunk("office-pbx")),
            did("+12125550100", "us-carrier", new Destination.ToUri("sip:reception@10.0.0.5:5070;transport=tcp")),
            did("+12125550111", "us-carrier", new Destination.ToTrunk("idle-pbx")),
            did("+12125550122", "us-carrier", new Destination.ToTrunk("deleted-pbx"))));
    private final List<Route> routes = new ArrayList<>(List.of(
            new Route("", "us-carrier"),
            new Route("44", "uk-carrier"),
            new Route("4420", "london-carrier"),
            new Route("1900", "idle-carrier")));
    private HostResolver resolver = HostResolver.literal();
    private final Set<Gateway> down = new HashSet<>();
    /** Seeded, so that the order inside a priority group is the same on every run. */
    private final GatewayOrder gatewayOrder = new GatewayOrder(new SplittableRandom(42));

    private RoutingDecision route(String sourceAddress, int sourcePort, String called, String calling) {
        RoutingSnapshot snapshot = new RoutingSnapshot(trunks, dids, routes, resolver);
        CallRouter router = new CallRouter(() -> snapshot, new NumberNormalizer(), gatewayOrder,
                gateway -> !down.contains(gateway));
        return router.route(new CallAttempt(sourceAddress, sourcePort, called, calling));
    }

    private static List<Target> targets(Gateway... gateways) {
        return Arrays.stream(gateways).<Target>map(GatewayTarget::new).toList();
    }

    private static Did did(String number, String carrier, Destination destination) {
        return new Did(new E164Number(number), carrier, destination);
    }

    private static void assertRejected(RoutingDecision decision, int status, EndCause cause) {
        assertThat(decision).isInstanceOfSatisfying(Reject.class, reject -> {
            assertThat(reject.status()).isEqualTo(status);
            assertThat(reject.cause()).isEqualTo(cause);
            assertThat(reject.reason()).isNotBlank();
        });
    }

    @Test
    void carrierCallToADidGoesToTheGatewaysOfItsPbxTrunkInPriorityOrder() {
        RoutingDecision decision = route("192.0.2.10", 5060, "2125550199", "4155550123");

        assertThat(decision).isEqualTo(new Forward("us-carrier", "office-pbx", "+12125550199", "+14155550123",
                targets(PBX_PRIMARY, PBX_SECONDARY), FailoverPolicy.defaults()));
    }

    @Test
    void carrierCallToADidWithAUriDestinationGoesToThatUri() {
        RoutingDecision decision = route("192.0.2.10", 5060, "+1 212 555 0100", "+442079460000");

        assertThat(decision).isEqualTo(new Forward("us-carrier", null, "+12125550100", "+442079460000",
                new UriTarget("sip:reception@10.0.0.5:5070;transport=tcp")));
    }

    @Test
    void callFromAnUnknownAddressIsForbidden() {
        assertRejected(route("203.0.113.99", 5060, "+12125550199", "+14155550123"), 403, EndCause.UNKNOWN_SOURCE);
    }

    @Test
    void carrierCallToANumberThatIsNotADidIsNotFound() {
        assertRejected(route("192.0.2.10", 5060, "+12125550000", "+14155550123"), 404, EndCause.NUMBER_NOT_IN_SERVICE);
    }

    @Test
    void calledNumberThatCannotBeANumberIsAddressIncomplete() {
        assertRejected(route("192.0.2.10", 5060, "55501", "+14155550123"), 484, EndCause.ADDRESS_INCOMPLETE);
        assertRejected(route("192.0.2.10", 5060, "reception", "+14155550123"), 484, EndCause.ADDRESS_INCOMPLETE);
        assertRejected(route("10.1.0.5", 5070, "", "+14155550123"), 484, EndCause.ADDRESS_INCOMPLETE);
    }

    @Test
    void pbxCallTakesTheRouteWithTheLongestMatchingPrefix() {
        assertThat(route("10.1.0.5", 5070, "+442079460000", "2125550199")).isEqualTo(new Forward(
                "office-pbx", "london-carrier", "+442079460000", "+12125550199", new GatewayTarget(LONDON_GATEWAY)));
        assertThat(route("10.1.0.5", 5070, "+447400123456", "2125550199")).isEqualTo(new Forward(
                "office-pbx", "uk-carrier", "+447400123456", "+12125550199", new GatewayTarget(UK_GATEWAY)));
        assertThat(route("10.1.0.5", 5070, "+4930123456", "2125550199")).isEqualTo(new Forward(
                "office-pbx", "us-carrier", "+4930123456", "+12125550199", new GatewayTarget(CARRIER_GATEWAY)));
    }

    @Test
    void pbxCallInNationalFormatIsReadInThePbxRegionBeforeRouting() {
        RoutingDecision decision = route("10.2.0.5", 5060, "020 7946 0000", "07400 123456");

        assertThat(decision).isEqualTo(new Forward("london-pbx", "london-carrier", "+442079460000", "+447400123456",
                new GatewayTarget(LONDON_GATEWAY)));
    }

    @Test
    void pbxCallWithNoMatchingRouteAndNoDefaultIsNotFound() {
        routes.removeIf(route -> route.prefix().isEmpty());

        assertRejected(route("10.1.0.5", 5070, "+4930123456", "2125550199"), 404, EndCause.NO_ROUTE);
    }

    @Test
    void callRoutedToATrunkWithoutGatewaysIsServiceUnavailable() {
        assertThat(route("10.1.0.5", 5070, "+19005550100", "2125550199")).isEqualTo(NO_GATEWAY);
        assertThat(route("192.0.2.10", 5060, "+12125550111", "+14155550123")).isEqualTo(NO_GATEWAY);
    }

    @Test
    void didPointingAtATrunkThatNoLongerExistsIsServiceUnavailable() {
        assertThat(route("192.0.2.10", 5060, "+12125550122", "+14155550123")).isEqualTo(NO_GATEWAY);
    }

    @Test
    void targetsFollowThePriorityOfTheGatewaysNotTheOrderTheyWereConfiguredIn() {
        Gateway third = new Gateway("203.0.113.30", 5060, Transport.UDP, 30, 1000);
        Gateway first = new Gateway("203.0.113.10", 5060, Transport.UDP, 0, 1);
        Gateway second = new Gateway("203.0.113.20", 5061, Transport.TLS, 10, 0);
        trunks.add(new Trunk("tiered-carrier", TrunkRole.CARRIER, "US", List.of(third, first, second)));
        routes.add(new Route("49", "tiered-carrier"));

        assertThat(route("10.1.0.5", 5070, "+4930123456", "2125550199")).isEqualTo(new Forward("office-pbx",
                "tiered-carrier", "+4930123456", "+12125550199", targets(first, second, third),
                FailoverPolicy.defaults()));
    }

    @Test
    void callsSpreadOverTheGatewaysOfOnePriorityAndEachCallTriesThemAll() {
        Gateway east = new Gateway("203.0.113.10", 5060, Transport.UDP);
        Gateway west = new Gateway("203.0.113.20", 5060, Transport.UDP);
        trunks.add(new Trunk("twin-carrier", TrunkRole.CARRIER, "US", List.of(east, west)));
        routes.add(new Route("49", "twin-carrier"));
        Set<Target> firstTried = new HashSet<>();

        for (int call = 0; call < 100; call++) {
            Forward forward = (Forward) route("10.1.0.5", 5070, "+4930123456", "2125550199");
            assertThat(forward.targets()).containsExactlyInAnyOrderElementsOf(targets(east, west));
            firstTried.add(forward.target());
        }

        assertThat(firstTried).containsExactlyInAnyOrderElementsOf(targets(east, west));
    }

    @Test
    void aGatewayThatIsDownIsLeftOutOfTheTargets() {
        down.add(PBX_PRIMARY);

        assertThat(route("192.0.2.10", 5060, "+12125550199", "+14155550123"))
                .isInstanceOfSatisfying(Forward.class, forward ->
                        assertThat(forward.targets()).isEqualTo(targets(PBX_SECONDARY)));
    }

    @Test
    void callToATrunkWhoseGatewaysAreAllDownIsServiceUnavailable() {
        down.addAll(List.of(PBX_PRIMARY, PBX_SECONDARY));

        assertThat(route("192.0.2.10", 5060, "+12125550199", "+14155550123")).isEqualTo(NO_GATEWAY);
    }

    @Test
    void aGatewayThatIsDownIsStillRecognisedAsTheSourceOfACall() {
        // Being down only keeps calls from being sent there; a call it sends shows it can reach us.
        down.add(PBX_PRIMARY);

        assertThat(route("10.1.0.5", 5070, "+447400123456", "2125550199")).isEqualTo(new Forward(
                "office-pbx", "uk-carrier", "+447400123456", "+12125550199", new GatewayTarget(UK_GATEWAY)));
    }

    @Test
    void forwardCarriesTheFailoverPolicyOfTheDestinationTrunk() {
        FailoverPolicy patient = new FailoverPolicy(Set.of(503), Set.of(404, 480, 486), Duration.ofSeconds(8));
        trunks.add(new Trunk("patient-carrier", TrunkRole.CARRIER, "US",
                List.of(new Gateway("203.0.113.10", 5060, Transport.UDP))).withFailover(patient));
        routes.add(new Route("49", "patient-carrier"));
        trunks.replaceAll(trunk -> trunk.name().equals("office-pbx")
                ? new Trunk("office-pbx", TrunkRole.PBX, "US", trunk.gateways())
                        .withFailover(new FailoverPolicy(Set.of(408), Set.of(), Duration.ofSeconds(1)))
                : trunk);

        assertThat(route("10.1.0.5", 5070, "+4930123456", "2125550199"))
                .isInstanceOfSatisfying(Forward.class, forward ->
                        assertThat(forward.failover()).isEqualTo(patient));
    }

    @Test
    void forwardToAUriDestinationUsesTheDefaultFailoverPolicy() {
        assertThat(route("192.0.2.10", 5060, "+12125550100", "+442079460000"))
                .isInstanceOfSatisfying(Forward.class, forward ->
                        assertThat(forward.failover()).isEqualTo(FailoverPolicy.defaults()));
    }

    @Test
    void trunksSharingAnAddressAreToldApartByPort() {
        Trunk second = new Trunk("second-carrier", TrunkRole.CARRIER, "US",
                List.of(new Gateway("192.0.2.10", 5080, Transport.UDP)));
        trunks.add(second);
        dids.add(did("+12125550133", "second-carrier", new Destination.ToTrunk("office-pbx")));

        assertThat(route("192.0.2.10", 5080, "+12125550133", "+14155550123"))
                .isInstanceOfSatisfying(Forward.class, forward ->
                        assertThat(forward.inboundTrunk()).isEqualTo("second-carrier"));
        assertThat(route("192.0.2.10", 5060, "+12125550133", "+14155550123"))
                .isInstanceOfSatisfying(Forward.class, forward ->
                        assertThat(forward.inboundTrunk()).isEqualTo("us-carrier"));
    }

    @Test
    void sharedAddressFromAPortOfNeitherTrunkIsForbidden() {
        trunks.add(new Trunk("second-carrier", TrunkRole.CARRIER, "US",
                List.of(new Gateway("192.0.2.10", 5080, Transport.UDP))));

        assertRejected(route("192.0.2.10", 40312, "+12125550199", "+14155550123"), 403, EndCause.UNKNOWN_SOURCE);
    }

    @Test
    void singleTrunkAtAnAddressIsRecognisedFromAnyPort() {
        // TCP and TLS peers connect from ephemeral ports.
        assertThat(route("10.1.0.5", 49152, "+442079460000", "2125550199"))
                .isInstanceOfSatisfying(Forward.class, forward ->
                        assertThat(forward.inboundTrunk()).isEqualTo("office-pbx"));
    }

    @Test
    void gatewayHostNameIsRecognisedByTheAddressesItResolvesTo() {
        trunks.add(new Trunk("named-carrier", TrunkRole.CARRIER, "US",
                List.of(new Gateway("sip.carrier.example", 5060, Transport.UDP))));
        dids.add(did("+12125550144", "named-carrier", new Destination.ToTrunk("office-pbx")));
        Map<String, Set<String>> dns = Map.of("sip.carrier.example", Set.of("203.0.113.7", "203.0.113.8"));
        resolver = host -> dns.getOrDefault(host, Set.of(host));

        assertThat(route("203.0.113.8", 5060, "+12125550144", "+14155550123"))
                .isInstanceOfSatisfying(Forward.class, forward ->
                        assertThat(forward.inboundTrunk()).isEqualTo("named-carrier"));
    }

    @Test
    void callingNumberIsPresentedInE164WhenItReadsAsANumber() {
        assertThat(route("192.0.2.10", 5060, "+12125550199", "(415) 555-0123;phone-context=+1"))
                .isInstanceOfSatisfying(Forward.class, forward ->
                        assertThat(forward.callingNumber()).isEqualTo("+14155550123"));
    }

    @Test
    void callingUserThatIsNotANumberIsPassedOnAsSent() {
        assertThat(route("192.0.2.10", 5060, "+12125550199", "anonymous"))
                .isInstanceOfSatisfying(Forward.class, forward ->
                        assertThat(forward.callingNumber()).isEqualTo("anonymous"));
        assertThat(route("192.0.2.10", 5060, "+12125550199", "Front-Desk"))
                .isInstanceOfSatisfying(Forward.class, forward ->
                        assertThat(forward.callingNumber()).isEqualTo("Front-Desk"));
        assertThat(route("192.0.2.10", 5060, "+12125550199", null))
                .isInstanceOfSatisfying(Forward.class, forward ->
                        assertThat(forward.callingNumber()).isEmpty());
    }
}
