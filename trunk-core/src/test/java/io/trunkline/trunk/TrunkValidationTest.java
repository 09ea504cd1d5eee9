package io.trunkline.trunk;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.trunkline.testing.ConfigurationAssertions.refused;
import static org.assertj.core.api.Assertions.assertThat;

class TrunkValidationTest {
    private static final List<Gateway> ONE_GATEWAY = List.of(new Gateway("192.0.2.10", 5060, Transport.UDP));

    @ParameterizedTest(name = "name ''{0}''")
    @NullAndEmptySource
    @ValueSource(strings = {"Carrier", "-carrier", "_carrier", "carrier one", "carrier.one", "carrièr",
            "a234567890123456789012345678901234567890123456789012345678901234"})
    void rejectsANameThatIsNotAShortUrlSafeIdentifier(String name) {
        InvalidConfigurationException e = refused(() -> new Trunk(name, TrunkRole.CARRIER, "US", ONE_GATEWAY));

        assertThat(e.field()).isEqualTo("name");
    }

    @Test
    void acceptsA63CharacterName() {
        String longest = "a".repeat(63);

        assertThat(new Trunk(longest, TrunkRole.PBX, "US", ONE_GATEWAY).name()).isEqualTo(longest);
    }

    @Test
    void requiresARole() {
        InvalidConfigurationException e = refused(() -> new Trunk("carrier", null, "US", ONE_GATEWAY));

        assertThat(e.field()).isEqualTo("role");
        assertThat(e.problem()).contains("CARRIER or PBX");
    }

    @ParameterizedTest(name = "region ''{0}''")
    @ValueSource(strings = {"USA", "U", "1A", "U-"})
    void rejectsARegionThatIsNotTwoLetters(String region) {
        InvalidConfigurationException e = refused(() -> new Trunk("carrier", TrunkRole.CARRIER, region, ONE_GATEWAY));

        assertThat(e.field()).isEqualTo("defaultRegion");
    }

    @Test
    void readsTheRegionCaseInsensitivelyAndDefaultsToUs() {
        assertThat(new Trunk("pbx", TrunkRole.PBX, " gb ", ONE_GATEWAY).defaultRegion()).isEqualTo("GB");
        assertThat(new Trunk("pbx", TrunkRole.PBX, null, ONE_GATEWAY).defaultRegion()).isEqualTo("US");
        assertThat(new Trunk("pbx", TrunkRole.PBX, "", ONE_GATEWAY).defaultRegion()).isEqualTo("US");
    }

    @Test
    void keepsGatewaysInOrderAndIsNotChangedByTheCallersList() {
        Gateway first = new Gateway("192.0.2.10", 5060, Transport.UDP);
        Gateway second = new Gateway("192.0.2.11", 5060, Transport.UDP);
        List<Gateway> gateways = new java.util.ArrayList<>(List.of(first, second));

        Trunk trunk = new Trunk("carrier", TrunkRole.CARRIER, "US", gateways);
        gateways.clear();

        assertThat(trunk.gateways()).containsExactly(first, second);
        assertThat(trunk.primaryGateway()).contains(first);
    }

    @Test
    void aTrunkWithoutGatewaysHasNoPrimaryGateway() {
        Trunk trunk = new Trunk("carrier", TrunkRole.CARRIER, "US", null);

        assertThat(trunk.gateways()).isEmpty();
        assertThat(trunk.primaryGateway()).isEmpty();
    }

    @ParameterizedTest(name = "host ''{0}''")
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "sip.example.com/path", "host name", "user@sip.example.com"})
    void rejectsAGatewayHostThatIsNotAHostNameOrAddress(String host) {
        InvalidConfigurationException e = refused(() -> new Gateway(host, 5060, Transport.UDP));

        assertThat(e.field()).isEqualTo("host");
    }

    @Test
    void acceptsHostNamesAndIpAddresses() {
        assertThat(new Gateway(" sip.carrier-one.example ", 5060, Transport.UDP).host())
                .isEqualTo("sip.carrier-one.example");
        assertThat(new Gateway("192.0.2.10", 5060, Transport.UDP).host()).isEqualTo("192.0.2.10");
        assertThat(new Gateway("[2001:db8::1]", 5060, Transport.UDP).host()).isEqualTo("[2001:db8::1]");
    }

    @ParameterizedTest(name = "port {0}")
    @ValueSource(ints = {-1, 65536, 100000})
    void rejectsAPortOutsideTheTcpUdpRange(int port) {
        InvalidConfigurationException e = refused(() -> new Gateway("192.0.2.10", port, Transport.TCP));

        assertThat(e.field()).isEqualTo("port");
        assertThat(e.problem()).contains(String.valueOf(port));
    }

    @Test
    void unsetPortAndTransportTakeTheSipDefaults() {
        assertThat(new Gateway("192.0.2.10", 0, null)).isEqualTo(new Gateway("192.0.2.10", 5060, Transport.UDP));
        assertThat(new Gateway("192.0.2.10", 0, Transport.TCP).port()).isEqualTo(5060);
        assertThat(new Gateway("192.0.2.10", 0, Transport.TLS).port()).isEqualTo(5061);
    }

    @Test
    void rejectsAnUnknownTransportName() {
        InvalidConfigurationException e = refused(() -> Transport.parse("SCTP"));

        assertThat(e.field()).isEqualTo("transport");
        assertThat(e.problem()).contains("SCTP");
    }

    @Test
    void readsTransportNamesCaseInsensitivelyWithUdpAsDefault() {
        assertThat(Transport.parse(" tls ")).isEqualTo(Transport.TLS);
        assertThat(Transport.parse("tcp")).isEqualTo(Transport.TCP);
        assertThat(Transport.parse(null)).isEqualTo(Transport.UDP);
        assertThat(Transport.parse("")).isEqualTo(Transport.UDP);
    }
}
