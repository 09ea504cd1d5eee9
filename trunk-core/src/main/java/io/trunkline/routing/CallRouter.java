package io.trunkline.routing;

import io.trunkline.number.Destination;
import io.trunkline.number.Did;
import io.trunkline.number.MalformedNumberException;
import io.trunkline.number.NormalizedNumber;
import io.trunkline.number.NumberNormalizer;
import io.trunkline.routing.RoutingDecision.Forward;
import io.trunkline.routing.RoutingDecision.GatewayTarget;
import io.trunkline.routing.RoutingDecision.Reject;
import io.trunkline.routing.RoutingDecision.Target;
import io.trunkline.routing.RoutingDecision.UriTarget;
import io.trunkline.trunk.Trunk;
import io.trunkline.trunk.TrunkRole;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Routes an initial INVITE: recognise the source trunk, normalise the numbers, then carrier calls go by DID to
 * their destination and PBX calls go by longest prefix to a carrier.
 */
public final class CallRouter {
    private final Supplier<RoutingSnapshot> configuration;
    private final NumberNormalizer normalizer;
    private final GatewayOrder gatewayOrder;
    private final GatewayOrder.Availability availability;

    public CallRouter(Supplier<RoutingSnapshot> configuration, NumberNormalizer normalizer,
                      GatewayOrder gatewayOrder, GatewayOrder.Availability availability) {
        this.configuration = configuration;
        this.normalizer = normalizer;
        this.gatewayOrder = gatewayOrder;
        this.availability = availability;
    }

    /** A router that spreads calls over gateways at random by weight, all gateways considered up. */
    public CallRouter(Supplier<RoutingSnapshot> configuration, NumberNormalizer normalizer) {
        this(configuration, normalizer, new GatewayOrder(() -> ThreadLocalRandom.current().nextLong()),
                GatewayOrder.Availability.allUp());
    }

    public RoutingDecision route(CallAttempt attempt) {
        RoutingSnapshot snapshot = configuration.get();
        List<Trunk> candidates = attempt.registeredTrunk() != null
                ? snapshot.trunk(attempt.registeredTrunk()).map(List::of).orElse(List.of())
                : snapshot.trunksAt(attempt.sourceAddress(), attempt.sourcePort());
        if (candidates.isEmpty()) {
            return new Reject(403, "Source Address Not Recognised");
        }
        if (candidates.size() > 1) {
            return new Reject(403, "Source Address Shared By Several Trunks");
        }
        Trunk source = candidates.get(0);
        NormalizedNumber called;
        try {
            called = normalizer.normalize(attempt.calledUser(), source.defaultRegion());
        } catch (MalformedNumberException e) {
            return new Reject(484, "Address Incomplete");
        }
        String calling = callingNumber(attempt.callingUser(), source.defaultRegion());
        return source.role() == TrunkRole.CARRIER
                ? routeInbound(snapshot, source, called, calling)
                : routeOutbound(snapshot, source, called, calling);
    }

    private RoutingDecision routeInbound(RoutingSnapshot snapshot, Trunk carrier, NormalizedNumber called,
                                         String calling) {
        Optional<Did> did = snapshot.did(called.number());
        if (did.isEmpty()) {
            return new Reject(404, "Number Not In Service");
        }
        String number = called.number().value();
        Destination destination = did.get().destination();
        if (destination instanceof Destination.ToUri uri) {
            return new Forward(carrier.name(), null, number, calling, new UriTarget(uri.uri()));
        }
        String trunkName = ((Destination.ToTrunk) destination).trunkName();
        return forwardToTrunk(snapshot, carrier, trunkName, number, calling);
    }

    private RoutingDecision routeOutbound(RoutingSnapshot snapshot, Trunk pbx, NormalizedNumber called,
                                          String calling) {
        Optional<Route> route = snapshot.longestPrefixRoute(called.number().digits());
        if (route.isEmpty()) {
            return new Reject(404, "No Route To Destination");
        }
        return forwardToTrunk(snapshot, pbx, route.get().carrierTrunk(), called.number().value(), calling);
    }

    private RoutingDecision forwardToTrunk(RoutingSnapshot snapshot, Trunk from, String trunkName,
                                           String called, String calling) {
        Optional<Trunk> destination = snapshot.trunk(trunkName);
        List<Target> targets = destination.map(to -> gatewayOrder.order(to.gateways(), availability).stream()
                .<Target>map(GatewayTarget::new).toList()).orElse(List.of());
        if (targets.isEmpty()) {
            return new Reject(503, "No Gateway Available");
        }
        Trunk to = destination.get();
        return new Forward(from.name(), to.name(), called, calling, targets, to.failover());
    }

    /** The calling number in E.164 where it reads as one; anonymous or alphanumeric callers pass through as sent. */
    private String callingNumber(String callingUser, String region) {
        try {
            return normalizer.normalize(callingUser, region).number().value();
        } catch (MalformedNumberException e) {
            return callingUser == null ? "" : callingUser;
        }
    }
}
