package io.trunkline.adapter.jpa;

import io.trunkline.security.AdminAccount;
import io.trunkline.security.PasswordHash;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class JpaCredentialStoreTest {
    private final TestDatabase database = new TestDatabase();
    private final JpaCredentialStore credentials = new JpaCredentialStore(database.transactions);

    @AfterEach
    void closeDatabase() throws Exception {
        database.close();
    }

    @Test
    void anUnknownUserHasNoHash() {
        assertThat(credentials.find("admin")).isEmpty();
    }

    @Test
    void savedHashIsFoundAndStillMatchesItsPassword() {
        PasswordHash hash = PasswordHash.of("s3cret");

        credentials.save("admin", hash);

        assertThat(credentials.find("admin")).contains(hash);
        assertThat(credentials.find("admin").orElseThrow().matches("s3cret")).isTrue();
    }

    @Test
    void savingAgainReplacesTheHash() {
        credentials.save("admin", PasswordHash.of("first"));
        PasswordHash second = PasswordHash.of("second");

        credentials.save("admin", second);

        assertThat(credentials.find("admin")).contains(second);
        assertThat(rowsOf("admin")).hasSize(1);
    }

    @Test
    void theDatabaseHoldsTheHashNeverThePassword() {
        List<String> announced = new ArrayList<>();
        AdminAccount.establish(Optional.empty(), credentials, announced::add);

        List<String> rows = rowsOf("admin");

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).startsWith("pbkdf2-sha256$").doesNotContain(announced.get(0));
    }

    @Test
    void anAccountEstablishedOnceIsFoundAgainAfterARestart() {
        List<String> announced = new ArrayList<>();
        AdminAccount.establish(Optional.empty(), credentials, announced::add);

        JpaCredentialStore afterRestart = new JpaCredentialStore(new JpaTransactions(database.entityManagerFactory));
        AdminAccount admin = AdminAccount.establish(Optional.empty(), afterRestart, announced::add);

        assertThat(announced).hasSize(1);
        assertThat(admin.authenticates("admin", announced.get(0))).isTrue();
    }

    private List<String> rowsOf(String user) {
        try (Connection connection = database.dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT password_hash FROM admin_credential WHERE username = ?")) {
            query.setString(1, user);
            List<String> hashes = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    hashes.add(rows.getString(1));
                }
            }
            return hashes;
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }
}
