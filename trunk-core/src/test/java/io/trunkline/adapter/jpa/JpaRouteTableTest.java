package io.trunkline.adapter.jpa;

import io.trunkline.routing.Route;
import io.trunkline.routing.RouteCandidate;
import io.trunkline.trunk.Gateway;
import io.trunkline.trunk.Transport;
import io.trunkline.trunk.Trunk;
import io.trunkline.trunk.TrunkRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JpaRouteTableTest {
    private final TestDatabase database = new TestDatabase();
    private final JpaRouteTable routes = new JpaRouteTable(database.transactions);

    @BeforeEach
    void carriersExist() {
        JpaTrunkRepository trunks = new JpaTrunkRepository(database.transactions);
        for (String name : List.of("us-carrier", "uk-carrier", "london-carrier")) {
            trunks.save(new Trunk(name, TrunkRole.CARRIER, "US", List.of(new Gateway("192.0.2.10", 5060,
                    Transport.UDP))));
        }
        trunks.save(new Trunk("tenant-pbx", TrunkRole.PBX, "US", List.of()));
    }

    @AfterEach
    void closeDatabase() throws Exception {
        database.close();
    }

    @Test
    void defaultRouteAndPrefixRoutesAreFoundAsSaved() {
        routes.save(new Route("", "us-carrier"));
        routes.save(new Route("44", "uk-carrier"));
        routes.save(new Route("123456789012345", "london-carrier"));

        assertThat(routes.find("")).contains(new Route("", "us-carrier"));
        assertThat(routes.find("44")).contains(new Route("44", "uk-carrier"));
        assertThat(routes.find("123456789012345")).contains(new Route("123456789012345", "london-carrier"));
        assertThat(routes.find("4420")).isEmpty();
    }

    @Test
    void listsAllRoutesByPrefix() {
        routes.save(new Route("4420", "london-carrier"));
        routes.save(new Route("", "us-carrier"));
        routes.save(new Route("44", "uk-carrier"));

        assertThat(routes.findAll()).containsExactly(new Route("", "us-carrier"), new Route("44", "uk-carrier"),
                new Route("4420", "london-carrier"));
    }

    @Test
    void savingAnExistingPrefixChangesItsCarrier() {
        routes.save(new Route("44", "uk-carrier"));

        routes.save(new Route("+44", "london-carrier"));

        assertThat(routes.findAll()).containsExactly(new Route("44", "london-carrier"));
    }

    @Test
    void deletedRouteIsGoneAndOthersStay() {
        routes.save(new Route("", "us-carrier"));
        routes.save(new Route("44", "uk-carrier"));

        assertThat(routes.delete("")).isTrue();

        assertThat(routes.find("")).isEmpty();
        assertThat(routes.findAll()).containsExactly(new Route("44", "uk-carrier"));
    }

    @Test
    void deletingAnUnknownPrefixReportsThatNothingWasThere() {
        assertThat(routes.delete("44")).isFalse();
    }

    @Test
    void aRouteKeepsItsCandidatesInOrderWithTheirPriorities() {
        Route route = new Route("44", null, List.of(new RouteCandidate("uk-carrier", 2),
                new RouteCandidate("london-carrier", 1), new RouteCandidate("us-carrier", 7)));

        routes.save(route);

        assertThat(routes.find("44")).contains(route);
        routes.save(new Route("44", null, List.of(new RouteCandidate("us-carrier", 1))));
        assertThat(routes.find("44").orElseThrow().candidates()).containsExactly(new RouteCandidate("us-carrier", 1));
    }

    @Test
    void aTenantRouteIsKeptBesideTheGenericRouteOfTheSamePrefix() {
        Route tenant = new Route("44", "tenant-pbx", List.of(new RouteCandidate("london-carrier", 1)));
        routes.save(new Route("44", "uk-carrier"));
        routes.save(tenant);

        assertThat(routes.find("44", "tenant-pbx")).contains(tenant);
        assertThat(routes.find("44")).contains(new Route("44", "uk-carrier"));
        assertThat(routes.findAll()).containsExactly(new Route("44", "uk-carrier"), tenant);
        assertThat(routes.delete("44", "tenant-pbx")).isTrue();
        assertThat(routes.findAll()).containsExactly(new Route("44", "uk-carrier"));
    }
}
