package io.trunkline.sip;

import org.junit.jupiter.api.Test;

import javax.servlet.sip.SipServletRequest;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LegNegotiationTest {
    private final RelayedHeaders headers = new RelayedHeaders(new HeaderPolicy(List.of("X-Customer-Id")));
    private final LegNegotiation negotiation = new LegNegotiation(headers, 120);

    @Test
    void theCalleeLegKeepsOnlyWhatMayCrossAndTheContainersOwnHeaders() {
        SipServletRequest caller = FakeMessage.request("Supported", "100rel");
        SipServletRequest outbound = FakeMessage.request("Via", "SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK1",
                "User-Agent", "CarrierCore (core.internal)", "Warning", "399 core.internal \"x\"",
                "X-Customer-Id", "42", "X-Internal", "core.internal", "Authorization", "Digest x",
                "P-Asserted-Identity", "<sip:+14155550100@carrier.example>");

        negotiation.prepareOutbound(caller, outbound);

        assertThat(outbound.getHeader("Via")).isNotNull();
        assertThat(outbound.getHeader("X-Customer-Id")).isEqualTo("42");
        assertThat(outbound.getHeader("P-Asserted-Identity")).isNotNull();
        assertThat(outbound.getHeader("User-Agent")).isNull();
        assertThat(outbound.getHeader("Warning")).isNull();
        assertThat(outbound.getHeader("X-Internal")).isNull();
        assertThat(outbound.getHeader("Authorization")).isNull();
    }

    @Test
    void reliableProvisionalsAndTimersAreOfferedOnlyWhenTheCallerCanUseThem() {
        SipServletRequest both = FakeMessage.request("Supported", "timer, replaces", "Require", "100rel");
        SipServletRequest neither = FakeMessage.request("Supported", "replaces, norefersub");
        SipServletRequest outboundForBoth = FakeMessage.request("Supported", "timer, replaces", "Require", "100rel");
        SipServletRequest outboundForNeither = FakeMessage.request("Supported", "replaces, norefersub");

        negotiation.prepareOutbound(both, outboundForBoth);
        negotiation.prepareOutbound(neither, outboundForNeither);

        assertThat(outboundForBoth.getHeader("Supported")).isEqualTo("100rel, timer");
        assertThat(outboundForBoth.getHeader("Require")).isNull();
        assertThat(outboundForNeither.getHeader("Supported")).isNull();
    }

    @Test
    void minSeIsRaisedToTrunklinesMinimumButNeverLowered() {
        SipServletRequest low = FakeMessage.request("Session-Expires", "1800", "Min-SE", "90");
        SipServletRequest high = FakeMessage.request("Session-Expires", "1800", "Min-SE", "600");
        SipServletRequest lowOut = FakeMessage.request("Session-Expires", "1800", "Min-SE", "90");
        SipServletRequest highOut = FakeMessage.request("Session-Expires", "1800", "Min-SE", "600");

        negotiation.prepareOutbound(low, lowOut);
        negotiation.prepareOutbound(high, highOut);

        assertThat(lowOut.getHeader("Min-SE")).isEqualTo("120");
        assertThat(lowOut.getHeader("Session-Expires")).isEqualTo("1800");
        assertThat(highOut.getHeader("Min-SE")).isEqualTo("600");
    }

    @Test
    void requiredExtensionsOtherThan100relAndTimerAreNamedOnceEachInOrder() {
        SipServletRequest invite = FakeMessage.request("Require", "100rel, Replaces", "Require", "timer,,precondition",
                "require", "replaces");

        assertThat(LegNegotiation.unsupportedRequirements(invite)).containsExactly("replaces", "precondition");
        assertThat(LegNegotiation.unsupportedRequirements(FakeMessage.request("Require", "100rel, timer"))).isEmpty();
        assertThat(LegNegotiation.unsupportedRequirements(FakeMessage.request())).isEmpty();
    }

    @Test
    void aSessionExpiresThatDoesNotReadIsNotSentOn() {
        SipServletRequest caller = FakeMessage.request("Supported", "timer", "Session-Expires", "soon;refresher=uac");
        SipServletRequest outbound = FakeMessage.request("Supported", "timer", "Session-Expires", "soon;refresher=uac");

        negotiation.prepareOutbound(caller, outbound);

        assertThat(outbound.getHeader("Session-Expires")).isNull();
        assertThat(outbound.getHeader("Min-SE")).isNull();
        assertThat(outbound.getHeader("Supported")).isEqualTo("timer");
    }

    @Test
    void carryCopiesEveryValueOfAnAllowedHeaderAndNothingElse() {
        SipServletRequest from = FakeMessage.request("X-Customer-Id", "a", "x-customer-id", "b", "Server", "pbx.internal",
                "Contact", "<sip:pbx.internal>");
        SipServletRequest to = FakeMessage.request("X-Customer-Id", "stale");

        headers.carry(from, to);

        assertThat(to.getHeaders("X-Customer-Id")).toIterable().containsExactly("a", "b");
        assertThat(to.getHeader("Server")).isNull();
        assertThat(to.getHeader("Contact")).isNull();
    }
}
