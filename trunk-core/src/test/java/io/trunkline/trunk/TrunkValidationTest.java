package io.trunkline.trunk;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

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
    }

    @Test
    void anUnsetGatewayListIsAnEmptyOne() {
        Trunk trunk = new Trunk("carrier", TrunkRole.CARRIER, "US", null);

        assertThat(trunk.gateways()).isEmpty();
    }

    @Test
    void aTrunkWithoutAFailoverPolicyTakesTheDefaultOne() {
        assertThat(new Trunk("carrier", TrunkRole.CARRIER, "US", ONE_GATEWAY).failover())
                .isEqualTo(FailoverPolicy.defaults());
        assertThat(new Trunk("carrier", TrunkRole.CARRIER, "US", ONE_GATEWAY).withFailover(null).failover())
                .isEqualTo(FailoverPolicy.defaults());
    }

    @Test
    void keepsTheFailoverPolicyItIsGiven() {
        FailoverPolicy onlyOnTimeout = new FailoverPolicy(Set.of(408), Set.of(), Duration.ofSeconds(5));

        assertThat(new Trunk("carrier", TrunkRole.CARRIER, "US", ONE_GATEWAY).withFailover(onlyOnTimeout).failover())
                .isEqualTo(onlyOnTimeout);
    }

    @Test
    void anEmptyEntryInTheGatewayListIsRefusedAsConfigurationNotACrash() {
        List<Gateway> withHole = Arrays.asList(new Gateway("192.0.2.10", 5060, Transport.UDP), null);

        InvalidConfigurationException e = refused(() -> new Trunk("carrier", TrunkRole.CARRIER, "US", withHole));

        assertThat(e.field()).isEqualTo("gateways");
    }

    @ParameterizedTest(name = "host ''{0}''")
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "sip.example.com/path", "host name", "user@sip.example.com", "999.1.1.1", "1.2.3",
            "-carrier.example", "carrier-.example", "carrier..example", "2001:db8::1::2", "[2001:db8::1",
            "[sip.carrier.example]", "fe80::1%eth0", "1:2:3:4:5:6:7:8:9", "[]"})
    void rejectsAGatewayHostThatIsNotAHostNameOrAddress(String host) {
        InvalidConfigurationException e = refused(() -> new Gateway(host, 5060, Transport.UDP));

        assertThat(e.field()).isEqualTo("host");
    }

    @ParameterizedTest(name = "host ''{0}''")
    @ValueSource(strings = {"10.0.0.1:5080", "sip.carrier.example:5060", "carrier:5060", "[::1]:5060",
            "[2001:db8::1]:5061"})
    void rejectsAGatewayHostWithAPortSayingThePortHasItsOwnField(String host) {
        InvalidConfigurationException e = refused(() -> new Gateway(host, 5060, Transport.UDP));

        assertThat(e.field()).isEqualTo("host");
        assertThat(e.problem()).contains("port field").contains(host);
    }

    @ParameterizedTest(name = "host ''{0}''")
    @ValueSource(strings = {"sip:carrier", "sips:sip.carrier.example", "sip:+12125550199@carrier.example",
            "tel:+12125550199"})
    void rejectsAGatewayHostWrittenAsAUri(String host) {
        InvalidConfigurationException e = refused(() -> new Gateway(host, 5060, Transport.UDP));

        assertThat(e.field()).isEqualTo("host");
        assertThat(e.problem()).contains("scheme");
    }

    @ParameterizedTest(name = "host ''{0}''")
    @ValueSource(strings = {"carrier example", "carrier\texample", "10.0.0.1 5080"})
    void rejectsAGatewayHostWithSpacesInside(String host) {
        InvalidConfigurationException e = refused(() -> new Gateway(host, 5060, Transport.UDP));

        assertThat(e.field()).isEqualTo("host");
        assertThat(e.problem()).contains("spaces");
    }

    @ParameterizedTest(name = "host ''{0}''")
    @ValueSource(strings = {"sip.carrier-one.example", "pbx", "localhost", "sip1.carrier.example.", "192.0.2.10",
            "0.0.0.0", "255.255.255.255", "::1", "[::1]", "2001:db8::1", "[2001:db8::1]", "2001:DB8:0:0:0:0:0:1",
            "::", "::ffff:192.0.2.10", "[::ffff:192.0.2.10]", "fe80::", "1:2:3:4:5:6:7:8"})
    void acceptsHostNamesIpv4AndIpv6AddressesBareOrBracketed(String host) {
        assertThat(new Gateway(host, 5060, Transport.UDP).host()).isEqualTo(host);
    }

    @Test
    void dropsBlanksAroundTheHost() {
        assertThat(new Gateway(" sip.carrier-one.example ", 5060, Transport.UDP).host())
                .isEqualTo("sip.carrier-one.example");
    }

    @ParameterizedTest(name = "port {0}")
    @ValueSource(ints = {-1, 65536, 100000})
    void rejectsAPortOutsideTheTcpUdpRange(int port) {
        InvalidConfigurationException e = refused(() -> new Gateway("192.0.2.10", port, Transport.TCP));

        assertThat(e.field()).isEqualTo("port");
        assertThat(e.problem()).contains(String.valueOf(port));
    }

    @Test
    void aGatewayDefinedWithoutPriorityOrWeightIsInTheDefaultGroupWithTheDefaultWeight() {
        Gateway gateway = new Gateway("192.0.2.10", 5060, Transport.UDP);

        assertThat(gateway.priority()).isEqualTo(1);
        assertThat(gateway.weight()).isEqualTo(1);
        assertThat(gateway).isEqualTo(new Gateway("192.0.2.10", 5060, Transport.UDP, 1, 1));
    }

    @ParameterizedTest(name = "priority {0}")
    @ValueSource(ints = {0, 1, 1000})
    void acceptsAPriorityFrom0To1000(int priority) {
        assertThat(new Gateway("192.0.2.10", 5060, Transport.UDP, priority, 1).priority()).isEqualTo(priority);
    }

    @ParameterizedTest(name = "priority {0}")
    @ValueSource(ints = {-1, 1001, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void rejectsAPriorityOutside0To1000(int priority) {
        InvalidConfigurationException e = refused(() -> new Gateway("192.0.2.10", 5060, Transport.UDP, priority, 1));

        assertThat(e.field()).isEqualTo("priority");
        assertThat(e.problem()).contains("0 and 1000").contains(String.valueOf(priority));
    }

    @ParameterizedTest(name = "weight {0}")
    @ValueSource(ints = {0, 1, 1000})
    void acceptsAWeightFrom0To1000(int weight) {
        assertThat(new Gateway("192.0.2.10", 5060, Transport.UDP, 1, weight).weight()).isEqualTo(weight);
    }

    @ParameterizedTest(name = "weight {0}")
    @ValueSource(ints = {-1, 1001, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void rejectsAWeightOutside0To1000(int weight) {
        InvalidConfigurationException e = refused(() -> new Gateway("192.0.2.10", 5060, Transport.UDP, 1, weight));

        assertThat(e.field()).isEqualTo("weight");
        assertThat(e.problem()).contains("0 and 1000").contains(String.valueOf(weight));
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
