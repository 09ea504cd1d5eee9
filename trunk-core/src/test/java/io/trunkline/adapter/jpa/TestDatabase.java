package io.trunkline.adapter.jpa;

import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A private database migrated by Flyway, with the "trunkline" persistence unit bootstrapped on it the way the server
 * does, except that the data source is handed over directly instead of looked up in JNDI. An in-memory H2 database
 * by default; with {@value #POSTGRES_URL} set (a JDBC URL, user and password in {@value #POSTGRES_USER} and
 * {@value #POSTGRES_PASSWORD}) a schema of its own in that PostgreSQL database, dropped on close, so that every
 * adapter test also proves the production database (.ci/run runs them both ways).
 */
final class TestDatabase implements AutoCloseable {
    static final String POSTGRES_URL = "TRUNKLINE_TEST_POSTGRES_URL";
    static final String POSTGRES_USER = "TRUNKLINE_TEST_POSTGRES_USER";
    static final String POSTGRES_PASSWORD = "TRUNKLINE_TEST_POSTGRES_PASSWORD";

    final DataSource dataSource;
    final int migrationsApplied;
    final EntityManagerFactory entityManagerFactory;
    final JpaTransactions transactions;
    private final String schema;

    TestDatabase() {
        this(empty -> { });
    }

    /**
     * A database that {@code earlier} first brings to an older state (an older schema version, rows written by an
     * older release), before it is migrated to the current schema like any server start would.
     */
    TestDatabase(Consumer<DataSource> earlier) {
        String unique = UUID.randomUUID().toString().replace("-", "");
        String postgres = System.getenv(POSTGRES_URL);
        schema = postgres == null ? null : "test_" + unique;
        dataSource = postgres == null ? h2(unique) : postgres(postgres, schema);
        earlier.accept(dataSource);
        migrationsApplied = DatabaseMigrations.migrate(dataSource);
        entityManagerFactory = Persistence.createEntityManagerFactory("trunkline",
                Map.of("javax.persistence.nonJtaDataSource", dataSource));
        transactions = new JpaTransactions(entityManagerFactory);
    }

    boolean isPostgres() {
        return schema != null;
    }

    private static DataSource h2(String unique) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:test-" + unique + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    private static DataSource postgres(String url, String schema) {
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL(url);
        postgres.setUser(System.getenv(POSTGRES_USER));
        postgres.setPassword(System.getenv(POSTGRES_PASSWORD));
        execute(postgres, "CREATE SCHEMA " + schema);
        postgres.setCurrentSchema(schema);
        return postgres;
    }

    @Override
    public void close() {
        entityManagerFactory.close();
        execute(dataSource, isPostgres() ? "DROP SCHEMA " + schema + " CASCADE" : "SHUTDOWN");
    }

    private static void execute(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test database: " + sql + " failed", e);
        }
    }
}
