package io.trunkline.sip;

import io.trunkline.trunk.Transport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Escaped and unescaped URI users are the same user (RFC 3261 §19.1.4), so dial plans see one form; the host part
 * of the URIs Trunkline parses for its own requests.
 */
class SipAddressesTest {

    @Test
    void cseqNumberIsTheFirstWordAsCarried() {
        assertThat(SipAddresses.cseqNumber("314159 INVITE")).isEqualTo("314159");
        assertThat(SipAddresses.cseqNumber("  1   INVITE")).isEqualTo("1");
        assertThat(SipAddresses.cseqNumber("7")).isEqualTo("7");
    }

    @Test
    void escapedCharactersOfAUserAreDecoded() {
        assertThat(SipAddresses.unescaped("1234%234155550123")).isEqualTo("1234#4155550123");
        assertThat(SipAddresses.unescaped("%2a9%2A")).isEqualTo("*9*");
    }

    @Test
    void plusIsADigitSignNotASpace() {
        assertThat(SipAddresses.unescaped("+14155550123")).isEqualTo("+14155550123");
        assertThat(SipAddresses.unescaped("%2B14155550123")).isEqualTo("+14155550123");
    }

    @Test
    void whatIsNoValidEscapeStaysAsItIs() {
        assertThat(SipAddresses.unescaped("100%")).isEqualTo("100%");
        assertThat(SipAddresses.unescaped("100%2")).isEqualTo("100%2");
        assertThat(SipAddresses.unescaped("%zz1")).isEqualTo("%zz1");
        assertThat(SipAddresses.unescaped("1234#")).isEqualTo("1234#");
    }

    @Test
    void hostPortCarriesTheTransportUnlessUdpAndBracketsIpv6() {
        assertThat(SipAddresses.hostPortTransport("192.0.2.1", 5060, Transport.UDP)).isEqualTo("192.0.2.1:5060");
        assertThat(SipAddresses.hostPortTransport("sip.example", 5061, Transport.TLS))
                .isEqualTo("sip.example:5061;transport=tls");
        assertThat(SipAddresses.hostPortTransport("2001:db8::1", 5060, Transport.TCP))
                .isEqualTo("[2001:db8::1]:5060;transport=tcp");
        assertThat(SipAddresses.hostPortTransport("[2001:db8::1]", 5060, Transport.UDP)).isEqualTo("[2001:db8::1]:5060");
    }
}
