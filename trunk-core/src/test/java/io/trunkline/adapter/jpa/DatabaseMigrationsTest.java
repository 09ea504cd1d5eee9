package io.trunkline.adapter.jpa;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseMigrationsTest {

    @Test
    void migratesAnEmptyDatabaseAndThenFindsItCurrent() throws Exception {
        try (H2Database database = new H2Database()) {
            assertThat(database.migrationsApplied).isPositive();

            assertThat(DatabaseMigrations.migrate(database.dataSource)).isZero();
        }
    }
}
