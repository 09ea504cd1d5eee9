package io.trunkline.sip;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Escaped and unescaped URI users are the same user (RFC 3261 §19.1.4), so dial plans see one form. */
class SipAddressesTest {

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
}
