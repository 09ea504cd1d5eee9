package io.trunkline.provisioning;

import io.trunkline.number.CatchAll;
import io.trunkline.number.Destination;
import io.trunkline.number.DidRange;
import io.trunkline.number.E164Number;
import io.trunkline.number.NumberNormalizer;
import io.trunkline.routing.CallAttempt;
import io.trunkline.routing.CallRouter;
import io.trunkline.routing.HostResolver;
import io.trunkline.routing.LiveRoutingConfiguration;
import io.trunkline.routing.RateDeckCsv;
import io.trunkline.routing.Route;
import io.trunkline.routing.RouteCandidate;
import io.trunkline.routing.RoutingDecision.Forward;
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

import java.util.List;

import static io.trunkline.testing.ConfigurationAssertions.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Provisioning of candidate routes, tenant routes, rate decks, DID blocks and catch-alls. */
class RoutingRulesProvisioningTest {
    private static final Destination TO_PBX = new Destination.ToTrunk("pbx");
    private static final CallAttempt PBX_CALL_TO_LONDON =
            new CallAttempt("10.1.0.5", 5060, "+442079460000", "+12125550199");

    private final InMemoryTrunkRepository trunks = new InMemoryTrunkRepository();
    private final InMemoryRouteTable routes = new InMemoryRouteTable();
    private final InMemoryRoutingExtensions extensions = new InMemoryRoutingExtensions();
    private final LiveRoutingConfiguration routing = new LiveRoutingConfiguration(trunks, new InMemoryNumberDirectory(),
            routes, HostResolver.literal(), extensions.ranges::findAll, extensions.catchAlls::findAll,
            extensions.decks::findAll);
    private final Provisioning provisioning = new Provisioning(trunks, new InMemoryNumberDirectory(), routes, routing,
            extensions.extensions());
    private final CallRouter router = new CallRouter(routing, new NumberNormalizer());

    @BeforeEach
    void trunks() {
        provisioning.saveTrunk(new Trunk("carrier-a", TrunkRole.CARRIER, "US",
                List.of(new Gateway("192.0.2.10", 5060, Transport.UDP))));
        provisioning.saveTrunk(new Trunk("carrier-b", TrunkRole.CARRIER, "US",
                List.of(new Gateway("192.0.2.20", 5060, Transport.UDP))));
        provisioning.saveTrunk(new Trunk("pbx", TrunkRole.PBX, "US",
                List.of(new Gateway("10.1.0.5", 5060, Transport.UDP))));
    }

    private static Route twoCarriers(String fromTrunk) {
        return new Route("44", fromTrunk, List.of(new RouteCandidate("carrier-a", 1), new RouteCandidate("carrier-b", 2)));
    }

    private static DidRange block(String first, String last) {
        return new DidRange(new E164Number(first), new E164Number(last), "carrier-a", TO_PBX);
    }

    @Test
    void aNewRateDeckReordersTheCandidatesOfTheNextCall() {
        provisioning.saveRoute(twoCarriers(null));
        assertThat(((Forward) router.route(PBX_CALL_TO_LONDON)).outboundTrunk()).isEqualTo("carrier-a");

        provisioning.replaceRateDeck("carrier-a", RateDeckCsv.parse("44,0.02\n"));
        provisioning.replaceRateDeck("carrier-b", RateDeckCsv.parse("44,0.01\n"));

        assertThat(((Forward) router.route(PBX_CALL_TO_LONDON)).outboundTrunk()).isEqualTo("carrier-b");
        assertThat(provisioning.rateDeck("carrier-b")).isEqualTo(RateDeckCsv.parse("44,0.010\n"));
    }

    @Test
    void everyCandidateMustBeAnExistingCarrierTrunk() {
        InvalidConfigurationException e = refused(() -> provisioning.saveRoute(new Route("44", null,
                List.of(new RouteCandidate("carrier-a", 1), new RouteCandidate("pbx", 1)))));

        assertThat(e.field()).isEqualTo("trunks");
        assertThat(e.problem()).contains("'pbx'");
        assertThat(routes.findAll()).isEmpty();
    }

    @Test
    void aTenantRouteMustBeForAPbxTrunk() {
        InvalidConfigurationException e = refused(() -> provisioning.saveRoute(twoCarriers("carrier-b")));

        assertThat(e.field()).isEqualTo("fromTrunk");
    }

    @Test
    void aTenantRouteAndTheGenericRouteOfOnePrefixLiveSideBySide() {
        assertThat(provisioning.saveRoute(new Route("44", "carrier-a"))).isTrue();
        assertThat(provisioning.saveRoute(twoCarriers("pbx"))).isTrue();

        assertThat(provisioning.route("44").carrierTrunk()).isEqualTo("carrier-a");
        assertThat(provisioning.route("44", "pbx").candidates()).hasSize(2);
        provisioning.deleteRoute("44", "pbx");
        assertThat(provisioning.routes()).containsExactly(new Route("44", "carrier-a"));
    }

    @Test
    void aRateDeckIsOnlyForAnExistingCarrierTrunk() {
        assertThat(refused(() -> provisioning.replaceRateDeck("pbx", RateDeckCsv.parse("44,0.01\n"))).field())
                .isEqualTo("trunk");
        assertThatThrownBy(() -> provisioning.replaceRateDeck("nobody", RateDeckCsv.parse("44,0.01\n")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void overlappingDidBlocksAreRefusedAndReplacingABlockIsNot() {
        provisioning.saveNumberRange(block("+14155550100", "+14155550199"));

        assertThatThrownBy(() -> provisioning.saveNumberRange(block("+14155550150", "+14155550249")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("+14155550100..+14155550199");
        assertThat(provisioning.saveNumberRange(block("+14155550100", "+14155550149"))).isFalse();
        assertThat(provisioning.saveNumberRange(block("+14155550150", "+14155550249"))).isTrue();
        assertThat(provisioning.numberRanges()).hasSize(2);
    }

    @Test
    void aCatchAllMustBelongToACarrierTrunkAndDeliverToAPbxTrunk() {
        assertThat(refused(() -> provisioning.saveCatchAll(new CatchAll("pbx", TO_PBX))).field()).isEqualTo("trunk");
        assertThat(refused(() -> provisioning.saveCatchAll(new CatchAll("carrier-a",
                new Destination.ToTrunk("carrier-b")))).field()).isEqualTo("destination.trunk");
        assertThat(provisioning.saveCatchAll(new CatchAll("carrier-a", TO_PBX))).isTrue();
        assertThat(provisioning.catchAll("carrier-a").destination()).isEqualTo(TO_PBX);
    }

    @Test
    void aTrunkUsedByACandidateABlockOrACatchAllCannotBeDeleted() {
        provisioning.saveRoute(twoCarriers("pbx"));
        provisioning.saveNumberRange(block("+14155550100", "+14155550199"));
        provisioning.saveCatchAll(new CatchAll("carrier-b", TO_PBX));

        assertThatThrownBy(() -> provisioning.deleteTrunk("carrier-b")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("route '44' of pbx");
        assertThatThrownBy(() -> provisioning.deleteTrunk("pbx")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("DID block +14155550100..+14155550199")
                .hasMessageContaining("the catch-all of trunk 'carrier-b'");
    }

    @Test
    void aDeletedTrunkTakesItsOwnCatchAllAndRateDeckWithIt() {
        provisioning.saveTrunk(new Trunk("spare", TrunkRole.CARRIER, "US", List.of()));
        provisioning.saveCatchAll(new CatchAll("spare", TO_PBX));
        provisioning.replaceRateDeck("spare", RateDeckCsv.parse("1,0.01\n"));

        provisioning.deleteTrunk("spare");

        assertThat(extensions.catchAlls.findAll()).isEmpty();
        assertThat(extensions.decks.findAll()).isEmpty();
    }
}
