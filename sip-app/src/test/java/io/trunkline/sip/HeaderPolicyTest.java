package io.trunkline.sip;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderPolicyTest {
    private final HeaderPolicy policy = new HeaderPolicy(List.of(" X-Customer-Id", "x-campaign-*", " ", ""));

    @ParameterizedTest
    @ValueSource(strings = {"Server", "User-Agent", "Warning", "Organization", "Reply-To", "Alert-Info", "Call-Info",
            "History-Info", "Diversion", "X-Internal-Route", "X-Customer", "Authorization", "Proxy-Authorization",
            "Supported", "Require"})
    void headersThatMayNameInternalHostsOrAreNegotiatedPerLegDoNotCross(String name) {
        assertThat(policy.crosses(name)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-Customer-Id", "x-customer-id", "X-CAMPAIGN-Name", "X-Campaign-", "Session-Expires",
            "Min-SE", "Content-Disposition", "Allow", "Reason", "P-Asserted-Identity", "Privacy", "Event"})
    void allowListedAndEndToEndHeadersCross(String name) {
        assertThat(policy.crosses(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Via", "Record-Route", "Route", "Contact", "Call-ID", "From", "To", "CSeq", "RSeq", "RAck",
            "Content-Length", "Content-Type", "Max-Forwards"})
    void dialogHeadersAreTheContainersAndNeverCopiedEvenWhenAllowListed(String name) {
        HeaderPolicy everything = new HeaderPolicy(List.of("*"));

        assertThat(HeaderPolicy.containerOwned(name)).isTrue();
        assertThat(everything.crosses(name)).isFalse();
    }

    @Test
    void anEmptyAllowListPassesNoCustomHeader() {
        HeaderPolicy none = new HeaderPolicy(List.of());

        assertThat(none.crosses("X-Customer-Id")).isFalse();
        assertThat(none.crosses("Session-Expires")).isTrue();
    }

    @Test
    void aStarAloneAllowsEveryHeaderTheContainerDoesNotOwn() {
        HeaderPolicy everything = new HeaderPolicy(List.of("*"));

        assertThat(everything.crosses("Server")).isTrue();
        assertThat(everything.crosses("X-Anything")).isTrue();
    }
}
