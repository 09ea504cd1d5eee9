package io.trunkline.adapter.jpa;

import io.trunkline.routing.Route;
import io.trunkline.trunk.FailoverPolicy;
import io.trunkline.trunk.Gateway;
import io.trunkline.trunk.Transport;
import io.trunkline.trunk.Trunk;
import io.trunkline.trunk.TrunkRole;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseMigrationsTest {

    @Test
    void migratesAnEmptyDatabaseAndThenFindsItCurrent() throws Exception {
        try (TestDatabase database = new TestDatabase()) {
            assertThat(database.migrationsApplied).isPositive();

            assertThat(DatabaseMigrations.migrate(database.dataSource)).isZero();
        }
    }

    @Test
    void trunksSavedBeforeFailoverExistedGetDefaultPriorityWeightAndPolicy() throws Exception {
        try (TestDatabase database = new TestDatabase(dataSource -> {
            migrateTo("2", dataSource);
            execute(dataSource,
                    "INSERT INTO trunk (name, role, default_region) VALUES ('carrier', 'CARRIER', 'GB')",
                    "INSERT INTO trunk_gateway (trunk_name, position, host, port, transport)"
                            + " VALUES ('carrier', 0, 'sip1.carrier.example', 5061, 'TLS')",
                    "INSERT INTO trunk_gateway (trunk_name, position, host, port, transport)"
                            + " VALUES ('carrier', 1, '192.0.2.10', 5060, 'UDP')");
        })) {
            assertThat(database.migrationsApplied).as("migrations after version 2").isPositive();

            Trunk carrier = new JpaTrunkRepository(database.transactions).findByName("carrier").orElseThrow();

            assertThat(carrier.role()).isEqualTo(TrunkRole.CARRIER);
            assertThat(carrier.gateways()).containsExactly(
                    new Gateway("sip1.carrier.example", 5061, Transport.TLS, 1, 1),
                    new Gateway("192.0.2.10", 5060, Transport.UDP, 1, 1));
            assertThat(carrier.failover()).isEqualTo(FailoverPolicy.defaults());
            assertThat(carrier.failover().retryCodes()).containsExactlyInAnyOrder(408, 500, 502, 503, 504);
            assertThat(carrier.failover().finalCodes()).containsExactlyInAnyOrder(404, 486, 600, 603);
            assertThat(carrier.failover().setupTimeout()).hasSeconds(3);
            assertThat(carrier.failover().ringTimeout()).hasSeconds(120);
        }
    }

    @Test
    void routesSavedBeforeCandidateTrunksExistedBecomeSingleCandidateGenericRoutes() throws Exception {
        try (TestDatabase database = new TestDatabase(dataSource -> {
            migrateTo("6", dataSource);
            execute(dataSource,
                    "INSERT INTO trunk (name, role, default_region) VALUES ('carrier', 'CARRIER', 'GB')",
                    "INSERT INTO route (prefix, carrier_trunk) VALUES ('44', 'carrier')",
                    "INSERT INTO route (prefix, carrier_trunk) VALUES ('', 'carrier')");
        })) {
            JpaRouteTable routes = new JpaRouteTable(database.transactions);

            assertThat(routes.findAll()).containsExactly(new Route("", "carrier"), new Route("44", "carrier"));
        }
    }

    private static void migrateTo(String version, DataSource dataSource) {
        Flyway.configure(DatabaseMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .target(version)
                .load()
                .migrate();
    }

    private static void execute(DataSource dataSource, String... statements) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
