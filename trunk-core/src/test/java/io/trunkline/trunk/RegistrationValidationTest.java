package io.trunkline.trunk;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistrationValidationTest {

    @Test
    void defaultsToAnHourAndOff() {
        assertThat(Registration.off().enabled()).isFalse();
        assertThat(new Registration(true, null, 0, null, "acct", 0).expiresSeconds()).isEqualTo(3600);
    }

    @Test
    void badValuesNameTheirField() {
        assertField(() -> new Registration(true, "sip:host", 0, null, null, 600), "registration.registrarHost");
        assertField(() -> new Registration(true, null, 70000, null, null, 600), "registration.registrarPort");
        assertField(() -> new Registration(true, null, 0, null, "a b", 600), "registration.aorUser");
        assertField(() -> new Registration(true, null, 0, null, null, 5), "registration.expiresSeconds");
    }

    @Test
    void aRegisteringTrunkNeedsARegistrarAndAUser() {
        Registration noHost = new Registration(true, null, 0, null, "acct", 600);
        assertField(() -> new Trunk("c", TrunkRole.CARRIER, "US", List.of()).withRegistration(noHost),
                "registration.registrarHost");
        Registration noUser = new Registration(true, "registrar.example", 0, null, null, 600);
        assertField(() -> new Trunk("c", TrunkRole.CARRIER, "US", List.of()).withRegistration(noUser),
                "registration.aorUser");
    }

    private static void assertField(Runnable construction, String field) {
        assertThatThrownBy(construction::run).isInstanceOfSatisfying(InvalidConfigurationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
