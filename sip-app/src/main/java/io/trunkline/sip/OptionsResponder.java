package io.trunkline.sip;

import io.trunkline.routing.RoutingSnapshot;

import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * Answers out-of-dialog OPTIONS, the keep-alive carriers and proxies send to trunks: 200 with capabilities to a
 * configured trunk, 403 to anyone else, so that scanners learn nothing (RFC 3261 §11.2).
 */
final class OptionsResponder {
    private final Supplier<RoutingSnapshot> configuration;
    private final String allow;

    OptionsResponder(Supplier<RoutingSnapshot> configuration, String allow) {
        this.configuration = configuration;
        this.allow = allow;
    }

    void answer(SipServletRequest options) throws IOException {
        boolean known = !configuration.get().trunksAt(options.getRemoteAddr(), options.getRemotePort()).isEmpty();
        if (!known) {
            options.createResponse(403, "Source Address Not Recognised").send();
            return;
        }
        SipServletResponse ok = options.createResponse(200);
        ok.setHeader("Allow", allow);
        ok.setHeader("Accept", "application/sdp");
        ok.send();
    }
}
