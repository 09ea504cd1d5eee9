package io.trunkline.number;

import io.trunkline.trunk.InvalidConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.trunkline.testing.ConfigurationAssertions.refused;
import static org.assertj.core.api.Assertions.assertThat;

class NumberConfigurationValidationTest {
    private static final E164Number NUMBER = new E164Number("+12125550199");
    private static final Destination TO_PBX = new Destination.ToTrunk("office-pbx");

    @ParameterizedTest(name = "''{0}''")
    @NullAndEmptySource
    @ValueSource(strings = {"12125550199", "+", "+1", "+0212555019", "+1 212 555 0199", "+1212555O199",
            "+1234567890123456", "tel:+12125550199"})
    void rejectsAnE164NumberInAnyOtherForm(String value) {
        InvalidConfigurationException e = refused(() -> new E164Number(value));

        assertThat(e.field()).isEqualTo("number");
    }

    @Test
    void acceptsTheShortestAndLongestE164Forms() {
        assertThat(new E164Number("+12").digits()).isEqualTo("12");
        assertThat(new E164Number("+123456789012345").digits()).isEqualTo("123456789012345");
    }

    @Test
    void didRequiresANumber() {
        InvalidConfigurationException e = refused(() -> new Did(null, "carrier", TO_PBX));

        assertThat(e.field()).isEqualTo("number");
    }

    @ParameterizedTest(name = "trunk ''{0}''")
    @NullAndEmptySource
    @ValueSource(strings = "  ")
    void didRequiresACarrierTrunk(String trunk) {
        InvalidConfigurationException e = refused(() -> new Did(NUMBER, trunk, TO_PBX));

        assertThat(e.field()).isEqualTo("trunk");
    }

    @Test
    void didRequiresADestination() {
        InvalidConfigurationException e = refused(() -> new Did(NUMBER, "carrier", null));

        assertThat(e.field()).isEqualTo("destination");
    }

    @ParameterizedTest(name = "trunk ''{0}''")
    @NullAndEmptySource
    @ValueSource(strings = "  ")
    void trunkDestinationRequiresATrunkName(String trunk) {
        InvalidConfigurationException e = refused(() -> new Destination.ToTrunk(trunk));

        assertThat(e.field()).isEqualTo("destination.trunk");
    }

    @ParameterizedTest(name = "uri ''{0}''")
    @NullAndEmptySource
    @ValueSource(strings = {"reception@10.0.0.5", "http://10.0.0.5/", "sip:", "sip:reception @10.0.0.5",
            "sip:<reception@10.0.0.5>", "tel:+12125550199", "SIP:reception@10.0.0.5"})
    void uriDestinationRequiresASipUri(String uri) {
        InvalidConfigurationException e = refused(() -> new Destination.ToUri(uri));

        assertThat(e.field()).isEqualTo("destination.uri");
    }

    @ParameterizedTest(name = "uri ''{0}''")
    @ValueSource(strings = {"sip:desk@10.0.0.5:99999", "sip:desk@10.0.0.5:0", "sip:desk@10.0.0.5:50x0",
            "sip:desk@10.0.0.5:", "sip:desk@[::1]:70000;transport=tcp", "sip:desk@:5060", "sip:desk@999.1.1.1",
            "sip:desk@pbx_host"})
    void uriDestinationNeedsAHostAndAPortThatExists(String uri) {
        InvalidConfigurationException e = refused(() -> new Destination.ToUri(uri).requireHostAndPort());

        assertThat(e.field()).isEqualTo("destination.uri");
    }

    @ParameterizedTest(name = "uri ''{0}''")
    @ValueSource(strings = {"sip:desk@10.0.0.5", "sip:desk@10.0.0.5:5060;transport=tcp", "sip:[2001:db8::5]:5070",
            "sips:desk@pbx.example.com:65535?Subject=x", "sip:4155550199;phone-context=+1@pbx.example.com:5080",
            "sip:pbx.example.com"})
    void uriDestinationWithAHostAndAValidPortIsSendable(String uri) {
        new Destination.ToUri(uri).requireHostAndPort();
    }

    @Test
    void uriDestinationAcceptsSipAndSipsUrisWithParameters() {
        assertThat(new Destination.ToUri("sip:reception@10.0.0.5:5070;transport=tcp").uri())
                .isEqualTo("sip:reception@10.0.0.5:5070;transport=tcp");
        assertThat(new Destination.ToUri("sips:reception@pbx.example.com").uri())
                .isEqualTo("sips:reception@pbx.example.com");
    }
}
