package io.trunkline.routing;

import io.trunkline.number.Destination;
import io.trunkline.number.Did;
import io.trunkline.number.E164Number;
import io.trunkline.number.NumberNormalizer;
import io.trunkline.routing.RoutingDecision.Forward;
import io.trunkline.routing.RoutingDecision.GatewayTarget;
import io.trunkline.routing.RoutingDecision.Reject;
import io.trunkline.routing.RoutingDecision.UriTarget;
import io.trunkline.testing.InMemoryNumberDirectory;
import io.trunkline.testing.InMemoryRouteTable;
import io.trunkline.testing.InMemoryTrunkRepository;
import io.trunkline.trunk.Gateway;
import io.trunkline.trunk.Transport;
import io.trunkline.trunk.Trunk;
import io.trunkline.trunk.TrunkRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LiveRoutingConfigurationTest {
    private static final Gateway CARRIER_GATEWAY = new Gateway("192.0.2.10", 5060, Transport.UDP);
    private static final Gateway PBX_GATEWAY = new Gateway("10.1.0.5", 5060, Transport.UDP);
    private static final E164Number DID = new E164Number("+12125550199");
    private static final CallAttempt CALL_TO_DID = new CallAttempt("192.0.2.10", 5060, "+12125550199", "+14155550123");

    private final InMemoryTrunkRepository trunks = new InMemoryTrunkRepository();
    private final InMemoryNumberDirectory numbers = new InMemoryNumberDirectory();
    private final InMemoryRouteTable routes = new InMemoryRouteTable();
    private final LiveRoutingConfiguration configuration =
            new LiveRoutingConfiguration(trunks, numbers, routes, HostResolver.literal());
    private final CallRouter router = new CallRouter(configuration, new NumberNormalizer());

    @BeforeEach
    void configureACarrierDeliveringOneDidToAPbx() {
        trunks.save(new Trunk("carrier", TrunkRole.CARRIER, "US", List.of(CARRIER_GATEWAY)));
        trunks.save(new Trunk("pbx", TrunkRole.PBX, "US", List.of(PBX_GATEWAY)));
        numbers.save(new Did(DID, "carrier", new Destination.ToTrunk("pbx")));
    }

    @Test
    void routesNothingBeforeTheFirstReload() {
        assertThat(router.route(CALL_TO_DID)).isInstanceOfSatisfying(Reject.class,
                reject -> assertThat(reject.status()).isEqualTo(403));
    }

    @Test
    void changeSavedToTheRepositoriesAppliesToTheNextCallAfterReload() {
        configuration.reload();
        assertThat(router.route(CALL_TO_DID)).isInstanceOfSatisfying(Forward.class,
                forward -> assertThat(forward.target()).isEqualTo(new GatewayTarget(PBX_GATEWAY)));

        numbers.save(new Did(DID, "carrier", new Destination.ToUri("sip:night-service@10.0.0.9")));
        assertThat(router.route(CALL_TO_DID)).isInstanceOfSatisfying(Forward.class,
                forward -> assertThat(forward.target()).isEqualTo(new GatewayTarget(PBX_GATEWAY)));

        configuration.reload();
        assertThat(router.route(CALL_TO_DID)).isInstanceOfSatisfying(Forward.class,
                forward -> assertThat(forward.target()).isEqualTo(new UriTarget("sip:night-service@10.0.0.9")));
    }

    @Test
    void removedTrunkStopsBeingRecognisedAfterReload() {
        configuration.reload();
        trunks.delete("carrier");
        configuration.reload();

        assertThat(router.route(CALL_TO_DID)).isInstanceOfSatisfying(Reject.class,
                reject -> assertThat(reject.status()).isEqualTo(403));
    }

    @Test
    void newRouteAppliesAfterReload() {
        CallAttempt pbxCall = new CallAttempt("10.1.0.5", 5060, "+442079460000", "2125550199");
        configuration.reload();
        assertThat(router.route(pbxCall)).isInstanceOfSatisfying(Reject.class,
                reject -> assertThat(reject.status()).isEqualTo(404));

        routes.save(new Route("44", "carrier"));
        configuration.reload();

        assertThat(router.route(pbxCall)).isEqualTo(new Forward("pbx", "carrier", "+442079460000", "+12125550199",
                new GatewayTarget(CARRIER_GATEWAY)));
    }
}
