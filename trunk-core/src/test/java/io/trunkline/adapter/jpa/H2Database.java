package io.trunkline.adapter.jpa;

import org.h2.jdbcx.JdbcDataSource;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import javax.sql.DataSource;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A private in-memory H2 database migrated by Flyway, with the "trunkline" persistence unit bootstrapped on it the way
 * the server does, except that the data source is handed over directly instead of looked up in JNDI.
 */
final class H2Database implements AutoCloseable {
    final JdbcDataSource dataSource = new JdbcDataSource();
    final int migrationsApplied;
    final EntityManagerFactory entityManagerFactory;
    final JpaTransactions transactions;

    H2Database() {
        this(empty -> { });
    }

    /**
     * A database that {@code earlier} first brings to an older state (an older schema version, rows written by an
     * older release), before it is migrated to the current schema like any server start would.
     */
    H2Database(Consumer<DataSource> earlier) {
        dataSource.setURL("jdbc:h2:mem:test-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        earlier.accept(dataSource);
        migrationsApplied = DatabaseMigrations.migrate(dataSource);
        entityManagerFactory = Persistence.createEntityManagerFactory("trunkline",
                Map.of("javax.persistence.nonJtaDataSource", dataSource));
        transactions = new JpaTransactions(entityManagerFactory);
    }

    @Override
    public void close() throws Exception {
        entityManagerFactory.close();
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }
}
