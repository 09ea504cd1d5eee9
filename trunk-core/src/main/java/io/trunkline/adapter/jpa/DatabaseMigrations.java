package io.trunkline.adapter.jpa;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/**
 * Brings the schema to the current version with Flyway before anything reads it. The scripts live in
 * {@code db/migration} of this jar and are written for both H2 and PostgreSQL.
 */
public final class DatabaseMigrations {
    private DatabaseMigrations() {
    }

    /** @return the number of migrations applied now (0 when the schema was current) */
    public static int migrate(DataSource dataSource) {
        return Flyway.configure(DatabaseMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate()
                .migrationsExecuted;
    }
}
