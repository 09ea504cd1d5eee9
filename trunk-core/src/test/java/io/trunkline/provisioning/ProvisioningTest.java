package io.trunkline.provisioning;

import io.trunkline.number.Destination;
import io.trunkline.number.Did;
import io.trunkline.number.DidRange;
import io.trunkline.number.E164Number;
import io.trunkline.number.NumberNormalizer;
import io.trunkline.routing.CallAttempt;
import io.trunkline.routing.CallRouter;
import io.trunkline.routing.HostResolver;
import io.trunkline.routing.LiveRoutingConfiguration;
import io.trunkline.routing.Route;
import io.trunkline.routing.RoutingDecision;
import io.trunkline.routing.RoutingDecision.Forward;
import io.trunkline.routing.RoutingDecision.GatewayTarget;
import io.trunkline.routing.RoutingDecision.Reject;
import io.trunkline.testing.InMemoryNumberDirectory;
import io.trunkline.testing.InMemoryRouteTable;
import io.trunkline.testing.InMemoryRoutingExtensions;
import io.trunkline.testing.InMemoryTrunkRepository;
import io.trunkline.trunk.Gateway;
import io.trunkline.trunk.InvalidConfigurationException;
import io.trunkline.trunk.Transport;
import io.trunkline.trunk.Trunk;
import io.trunkline.trunk.TrunkRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.List;

import static io.trunkline.testing.ConfigurationAssertions.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProvisioningTest {
    private static final Gateway CARRIER_GATEWAY = new Gateway("192.0.2.10", 5060, Transport.UDP);
    private static final Gateway PBX_GATEWAY = new Gateway("10.1.0.5", 5060, Transport.UDP);
    private static final Trunk CARRIER = new Trunk("carrier", TrunkRole.CARRIER, "US", List.of(CARRIER_GATEWAY));
    private static final Trunk PBX = new Trunk("pbx", TrunkRole.PBX, "US", List.of(PBX_GATEWAY));
    private static final E164Number NUMBER = new E164Number("+12125550199");
    private static final Did DID_TO_PBX = new Did(NUMBER, "carrier", new Destination.ToTrunk("pbx"));
    private static final CallAttempt CALL_TO_DID = new CallAttempt("192.0.2.10", 5060, "+12125550199", "+14155550123");
    private static final CallAttempt PBX_CALL_TO_LONDON =
            new CallAttempt("10.1.0.5", 5060, "+442079460000", "+12125550199");

    private final InMemoryTrunkRepository trunks = new InMemoryTrunkRepository();
    private final InMemoryNumberDirectory numbers = new InMemoryNumberDirectory();
    private final InMemoryRouteTable routes = new InMemoryRouteTable();
    private final InMemoryRoutingExtensions extensions = new InMemoryRoutingExtensions();
    private final LiveRoutingConfiguration routing = new LiveRoutingConfiguration(trunks, numbers, routes,
            HostResolver.literal(), extensions.ranges::findAll, extensions.catchAlls::findAll,
            extensions.decks::findAll);
    private final CallRouter router = new CallRouter(routing, new NumberNormalizer());
    private final Provisioning provisioning = new Provisioning(trunks, numbers, routes, routing,
            extensions.extensions());

    @BeforeEach
    void aCarrierAndAPbx() {
        provisioning.saveTrunk(CARRIER);
        provisioning.saveTrunk(PBX);
    }

    @Test
    void aDidMustArriveOnAnExistingTrunk() {
        InvalidConfigurationException e = refused(() -> provisioning.saveNumber(
                new Did(NUMBER, "no-such-carrier", new Destination.ToTrunk("pbx"))));

        assertThat(e.field()).isEqualTo("trunk");
        assertThat(e.problem()).contains("no-such-carrier");
        assertThat(numbers.findAll()).isEmpty();
    }

    @Test
    void aDidMustArriveOnACarrierTrunk() {
        InvalidConfigurationException e = refused(() -> provisioning.saveNumber(
                new Did(NUMBER, "pbx", new Destination.ToTrunk("pbx"))));

        assertThat(e.field()).isEqualTo("trunk");
        assertThat(e.problem()).contains("CARRIER");
    }

    @Test
    void aDidMustGoToAnExistingTrunk() {
        InvalidConfigurationException e = refused(() -> provisioning.saveNumber(
                new Did(NUMBER, "carrier", new Destination.ToTrunk("no-such-pbx"))));

        assertThat(e.field()).isEqualTo("destination.trunk");
        assertThat(e.problem()).contains("no-such-pbx");
    }

    @Test
    void aDidMustGoToAPbxTrunk() {
        InvalidConfigurationException e = refused(() -> provisioning.saveNumber(
                new Did(NUMBER, "carrier", new Destination.ToTrunk("carrier"))));

        assertThat(e.field()).isEqualTo("destination.trunk");
        assertThat(e.problem()).contains("PBX");
    }

    @Test
    void aDidThatNoCallCouldReachIsRefusedWithTheReason() {
        InvalidConfigurationException unassigned = refused(() -> provisioning.saveNumber(
                new Did(new E164Number("+999999"), "carrier", new Destination.ToTrunk("pbx"))));
        InvalidConfigurationException trunkPrefixKept = refused(() -> provisioning.saveNumber(
                new Did(new E164Number("+4402079460000"), "carrier", new Destination.ToTrunk("pbx"))));

        assertThat(unassigned.field()).isEqualTo("number");
        assertThat(unassigned.problem()).startsWith("+999999 cannot receive calls: ").contains("country");
        assertThat(trunkPrefixKept.problem()).contains("arrive as +442079460000");
        assertThat(numbers.findAll()).isEmpty();
    }

    @Test
    void aDidBlockEndThatNoCallCouldReachIsRefused() {
        InvalidConfigurationException e = refused(() -> provisioning.saveNumberRange(new DidRange(
                new E164Number("+999100"), new E164Number("+999199"), "carrier", new Destination.ToTrunk("pbx"))));

        assertThat(e.field()).isEqualTo("first");
        assertThat(extensions.ranges.findAll()).isEmpty();
    }

    @Test
    void aDidToAUriNeedsNoDestinationTrunk() {
        Did toUri = new Did(NUMBER, "carrier", new Destination.ToUri("sip:reception@10.0.0.5"));

        assertThat(provisioning.saveNumber(toUri)).as("created").isTrue();
        assertThat(provisioning.number(NUMBER)).isEqualTo(toUri);
    }

    @Test
    void aRouteMustLeaveOnAnExistingCarrierTrunk() {
        InvalidConfigurationException missing = refused(() -> provisioning.saveRoute(new Route("44", "nobody")));
        InvalidConfigurationException wrongSide = refused(() -> provisioning.saveRoute(new Route("44", "pbx")));

        assertThat(missing.field()).isEqualTo("trunk");
        assertThat(wrongSide.field()).isEqualTo("trunk");
        assertThat(wrongSide.problem()).contains("CARRIER");
        assertThat(routes.findAll()).isEmpty();
    }

    @Test
    void aTrunkInUseCannotBeDeletedAndTheRefusalNamesItsUsers() {
        provisioning.saveNumber(DID_TO_PBX);
        provisioning.saveRoute(new Route("44", "carrier"));

        assertThatThrownBy(() -> provisioning.deleteTrunk("carrier")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("DID +12125550199").hasMessageContaining("route '44'");
        assertThatThrownBy(() -> provisioning.deleteTrunk("pbx")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("DID +12125550199");
        assertThat(trunks.findAll()).containsExactly(CARRIER, PBX);
    }

    @Test
    void aTrunkInUseCannotChangeSides() {
        provisioning.saveNumber(DID_TO_PBX);

        assertThatThrownBy(() -> provisioning.saveTrunk(new Trunk("pbx", TrunkRole.CARRIER, "US",
                List.of(PBX_GATEWAY)))).isInstanceOf(ConflictException.class).hasMessageContaining("DID +12125550199");
        assertThat(provisioning.trunk("pbx").role()).isEqualTo(TrunkRole.PBX);
    }

    /** XX and ZZ look like region codes, but libphonenumber has no plan for them: every national number would fail. */
    @Test
    void aTrunkWhoseRegionHasNoNumberingPlanIsRefusedAndNothingIsStored() {
        for (String region : List.of("XX", "ZZ", "UK")) {
            assertThatThrownBy(() -> provisioning.saveTrunk(new Trunk("spare", TrunkRole.PBX, region, List.of())))
                    .isInstanceOf(InvalidConfigurationException.class)
                    .hasMessageContaining("'" + region + "' is not a region with a known numbering plan")
                    .extracting(e -> ((InvalidConfigurationException) e).field()).isEqualTo("defaultRegion");
        }
        assertThat(provisioning.trunks()).containsExactly(CARRIER, PBX);
        assertThat(provisioning.saveTrunk(new Trunk("spare", TrunkRole.PBX, "GB", List.of()))).isTrue();
    }

    @Test
    void aTrunkNoLongerInUseCanBeDeleted() {
        provisioning.saveNumber(DID_TO_PBX);
        provisioning.deleteNumber(NUMBER);

        provisioning.deleteTrunk("pbx");

        assertThat(provisioning.trunks()).containsExactly(CARRIER);
    }

    @Test
    void lookingUpOrDeletingWhatDoesNotExistIsNotFound() {
        List<Executable> missing = List.of(
                () -> provisioning.trunk("nobody"),
                () -> provisioning.deleteTrunk("nobody"),
                () -> provisioning.number(new E164Number("+12125550100")),
                () -> provisioning.deleteNumber(new E164Number("+12125550100")),
                () -> provisioning.route("44"),
                () -> provisioning.deleteRoute("44"));

        assertThat(missing).allSatisfy(call -> assertThatThrownBy(call::execute)
                .isInstanceOf(NotFoundException.class));
    }

    @Test
    void savingReportsWhetherItCreatedOrReplaced() {
        assertThat(provisioning.saveTrunk(PBX)).isFalse();
        assertThat(provisioning.saveTrunk(new Trunk("spare", TrunkRole.PBX, "US", List.of()))).isTrue();
        assertThat(provisioning.saveNumber(DID_TO_PBX)).isTrue();
        assertThat(provisioning.saveNumber(DID_TO_PBX)).isFalse();
        assertThat(provisioning.saveRoute(new Route("44", "carrier"))).isTrue();
        assertThat(provisioning.saveRoute(new Route("44", "carrier"))).isFalse();
    }

    @Test
    void aSavedDidIsRoutedOnTheNextCallAndADeletedOneNoLonger() {
        assertRejected(router.route(CALL_TO_DID), 404);

        provisioning.saveNumber(DID_TO_PBX);
        assertThat(router.route(CALL_TO_DID)).isInstanceOfSatisfying(Forward.class,
                forward -> assertThat(forward.target()).isEqualTo(new GatewayTarget(PBX_GATEWAY)));

        provisioning.deleteNumber(NUMBER);
        assertRejected(router.route(CALL_TO_DID), 404);
    }

    @Test
    void aSavedRouteAndAChangedTrunkApplyToTheNextCall() {
        assertRejected(router.route(PBX_CALL_TO_LONDON), 404);

        provisioning.saveRoute(new Route("44", "carrier"));
        assertThat(router.route(PBX_CALL_TO_LONDON)).isEqualTo(new Forward("pbx", "carrier", "+442079460000",
                "+12125550199", new GatewayTarget(CARRIER_GATEWAY)));

        Gateway moved = new Gateway("192.0.2.20", 5060, Transport.UDP);
        provisioning.saveTrunk(new Trunk("carrier", TrunkRole.CARRIER, "US", List.of(moved)));
        assertThat(router.route(PBX_CALL_TO_LONDON)).isInstanceOfSatisfying(Forward.class,
                forward -> assertThat(forward.target()).isEqualTo(new GatewayTarget(moved)));

        provisioning.deleteRoute("44");
        assertRejected(router.route(PBX_CALL_TO_LONDON), 404);
    }

    @Test
    void aDeletedTrunkIsNoLongerRecognisedAsACallSource() {
        provisioning.saveTrunk(new Trunk("spare", TrunkRole.CARRIER, "US",
                List.of(new Gateway("198.51.100.7", 5060, Transport.UDP))));
        CallAttempt fromSpare = new CallAttempt("198.51.100.7", 5060, "+12125550199", "+14155550123");
        assertRejected(router.route(fromSpare), 404);

        provisioning.deleteTrunk("spare");

        assertRejected(router.route(fromSpare), 403);
    }

    private static void assertRejected(RoutingDecision decision, int status) {
        assertThat(decision).isInstanceOfSatisfying(Reject.class,
                reject -> assertThat(reject.status()).isEqualTo(status));
    }
}
