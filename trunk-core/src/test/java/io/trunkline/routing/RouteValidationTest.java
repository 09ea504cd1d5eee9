package io.trunkline.routing;

import io.trunkline.trunk.InvalidConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.trunkline.testing.ConfigurationAssertions.refused;
import static org.assertj.core.api.Assertions.assertThat;

class RouteValidationTest {

    @ParameterizedTest(name = "prefix ''{0}''")
    @ValueSource(strings = {"44a", "++44", "4 4", "44-20", "1234567890123456", "+1234567890123456"})
    void rejectsAPrefixThatIsNotUpTo15Digits(String prefix) {
        InvalidConfigurationException e = refused(() -> new Route(prefix, "carrier"));

        assertThat(e.field()).isEqualTo("prefix");
    }

    @ParameterizedTest(name = "trunk ''{0}''")
    @NullAndEmptySource
    @ValueSource(strings = "  ")
    void requiresACarrierTrunk(String trunk) {
        InvalidConfigurationException e = refused(() -> new Route("44", trunk));

        assertThat(e.field()).isEqualTo("trunk");
    }

    @Test
    void dropsALeadingPlusAndSurroundingBlanks() {
        assertThat(new Route(" +4420 ", "carrier").prefix()).isEqualTo("4420");
    }

    @Test
    void aMissingPrefixIsTheDefaultRoute() {
        assertThat(new Route(null, "carrier").prefix()).isEmpty();
        assertThat(new Route("", "carrier").prefix()).isEmpty();
        assertThat(new Route("123456789012345", "carrier").prefix()).isEqualTo("123456789012345");
    }
}
