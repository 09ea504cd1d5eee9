package io.trunkline.sip;

import io.trunkline.health.GatewayHealth;
import io.trunkline.routing.RoutingSnapshot;
import io.trunkline.trunk.Gateway;
import io.trunkline.trunk.Trunk;

import javax.servlet.sip.SipApplicationSession;
import javax.servlet.sip.SipFactory;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import javax.servlet.sip.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends OPTIONS to the gateways of trunks that ask for probing and reports the answers to {@link GatewayHealth}.
 * Once a second it expires unanswered probes and sends the ones that are due; it never waits on the network.
 */
final class GatewayProber implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(GatewayProber.class.getName());
    /** Far shorter than the transaction's own 32 s: a probe answers at once or the gateway is in trouble. */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(4);

    private final OwnRequestRelay relay;
    private final SipFactory factory;
    private final Supplier<RoutingSnapshot> configuration;
    private final GatewayHealth health;
    private final String localHost;
    private final Ticker ticker = new Ticker("trunkline-gateway-prober", 1000, this::tick);

    GatewayProber(SipFactory factory, Supplier<RoutingSnapshot> configuration, GatewayHealth health,
                  String localHost, OwnRequestRelay relay) {
        this.relay = relay;
        this.factory = factory;
        this.configuration = configuration;
        this.health = health;
        this.localHost = localHost;
    }

    void start() {
        ticker.start();
    }

    private void tick() {
        try {
            List<Trunk> trunks = configuration.get().trunks();
            health.expire(trunks, PROBE_TIMEOUT);
            health.due(trunks).forEach(this::probe);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Gateway probing round failed", e); // the next round tries again
        }
    }

    private void probe(Gateway gateway) {
        try {
            SipApplicationSession session = factory.createApplicationSession();
            URI target = factory.createURI("sip:"
                    + SipAddresses.hostPortTransport(gateway.host(), gateway.port(), gateway.transport()));
            SipServletRequest options = factory.createRequest(session, "OPTIONS",
                    factory.createAddress(factory.createSipURI("trunkline", localHost)), factory.createAddress(target));
            relay.mark(options); // it comes back through this servlet, which sends it on
            CallLegs.markProbe(session, gateway);
            options.send();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "OPTIONS to " + gateway + " could not be sent", e);
            health.answered(gateway, 503);
        }
    }

    /**
     * Probes keep the default Max-Forwards: with 0, Liberty's stack answers the OPTIONS itself as a proxy may
     * (RFC 3261 §16.3 step 3) and every gateway looks alive.
     *
     * @return whether the response answered a probe (and so is not part of a call)
     */
    boolean handled(SipServletResponse response) {
        Gateway gateway = CallLegs.probedGateway(response.getApplicationSession());
        if (gateway == null || !"OPTIONS".equals(response.getMethod())) {
            return false;
        }
        if (response.getStatus() >= 200) {
            health.answered(gateway, response.getStatus());
            response.getApplicationSession().invalidate();
        }
        return true;
    }

    @Override
    public void close() {
        ticker.close();
    }
}
