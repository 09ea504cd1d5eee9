package io.trunkline.adapter.jpa;

import io.trunkline.trunk.DigestCredentials;
import io.trunkline.trunk.Gateway;
import io.trunkline.trunk.Registration;
import io.trunkline.trunk.Transport;
import io.trunkline.trunk.Trunk;
import io.trunkline.trunk.TrunkRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JpaTrunkRegistrationTest {
    private final TestDatabase database = new TestDatabase();
    private final JpaTrunkRepository trunks = new JpaTrunkRepository(database.transactions);

    @AfterEach
    void closeDatabase() throws Exception {
        database.close();
    }

    @Test
    void registrationSettingsSurviveTheDatabase() {
        Registration registration = new Registration(true, "registrar.carrier.example", 5061, Transport.TLS,
                "+14155550100", 300);
        Trunk carrier = new Trunk("carrier", TrunkRole.CARRIER, "US", List.of(new Gateway("192.0.2.10", 5060,
                Transport.UDP))).withCredentials(new DigestCredentials("acct", "pw")).withRegistration(registration);

        trunks.save(carrier);

        assertThat(trunks.findByName("carrier").orElseThrow().registration()).isEqualTo(registration);
    }

    @Test
    void aTrunkSavedWithoutRegistrationDoesNotRegister() {
        trunks.save(new Trunk("carrier", TrunkRole.CARRIER, "US", List.of()));

        assertThat(trunks.findByName("carrier").orElseThrow().registration()).isEqualTo(Registration.off());
    }
}
