package io.trunkline.routing;

import io.trunkline.number.CatchAll;
import io.trunkline.number.Destination;
import io.trunkline.number.Did;
import io.trunkline.number.DidRange;
import io.trunkline.number.MalformedNumberException;
import io.trunkline.number.NormalizedNumber;
import io.trunkline.number.NumberNormalizer;
import io.trunkline.routing.RoutingDecision.Forward;
import io.trunkline.routing.RoutingDecision.GatewayTarget;
import io.trunkline.routing.RoutingDecision.Reject;
import io.trunkline.routing.RoutingDecision.Target;
import io.trunkline.routing.RoutingDecision.TrunkTargets;
import io.trunkline.routing.RoutingDecision.UriTarget;
import io.trunkline.trunk.Trunk;
import io.trunkline.trunk.TrunkRole;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Routes an initial INVITE: recognise the source trunk, normalise the numbers, then carrier calls go by DID (exact
 * number, else DID block, else the carrier trunk's catch-all) to their destination, and PBX calls go by longest
 * prefix (tenant routes first at equal length) to the route's carrier trunks, cheapest first.
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
        List<Trunk> candidates = snapshot.trunksAt(attempt.sourceAddress(), attempt.sourcePort());
        if (candidates.isEmpty()) {
            return new Reject(403, "Source Address Not Recognised");
        }
        if (candidates.size() > 1) {
            return new Reject(403, "Source Address Shared By Several Trunks");
        }
        return routeFrom(snapshot, candidates.get(0), attempt.calledUser(), attempt.callingUser());
    }

    /**
     * Routes a call as if the named trunk had dialled it: the number is read with that trunk's region and goes by
     * DID (carrier trunk) or by prefix (PBX trunk). A transfer uses it so that a referrer reaches exactly what it
     * could reach by calling itself, and no more.
     */
    public RoutingDecision routeFrom(String trunkName, String calledUser, String callingUser) {
        RoutingSnapshot snapshot = configuration.get();
        Optional<Trunk> source = snapshot.trunk(trunkName);
        if (source.isEmpty()) {
            return new Reject(403, "Trunk Not Configured");
        }
        return routeFrom(snapshot, source.get(), calledUser, callingUser);
    }

    private RoutingDecision routeFrom(RoutingSnapshot snapshot, Trunk source, String calledUser, String callingUser) {
        NormalizedNumber called;
        try {
            called = normalizer.normalize(calledUser, source.defaultRegion());
        } catch (MalformedNumberException e) {
            return new Reject(484, "Address Incomplete");
        }
        String calling = callingNumber(callingUser, source.defaultRegion());
        return source.role() == TrunkRole.CARRIER
                ? routeInbound(snapshot, source, called, calling)
                : routeOutbound(snapshot, source, called, calling);
    }

    private RoutingDecision routeInbound(RoutingSnapshot snapshot, Trunk carrier, NormalizedNumber called,
                                         String calling) {
        Optional<Destination> found = inboundDestination(snapshot, carrier, called);
        if (found.isEmpty()) {
            return new Reject(404, "Number Not In Service");
        }
        String number = called.number().value();
        Destination destination = found.get();
        if (destination instanceof Destination.ToUri uri) {
            return new Forward(carrier.name(), null, number, calling, new UriTarget(uri.uri()));
        }
        String trunkName = ((Destination.ToTrunk) destination).trunkName();
        return forwardToTrunk(snapshot, carrier, trunkName, number, calling);
    }

    /** Precedence: the exact DID, else the DID block holding the number, else the arriving trunk's catch-all. */
    private static Optional<Destination> inboundDestination(RoutingSnapshot snapshot, Trunk carrier,
                                                            NormalizedNumber called) {
        Optional<Did> did = snapshot.did(called.number());
        if (did.isPresent()) {
            return Optional.of(did.get().destination());
        }
        Optional<DidRange> range = snapshot.range(called.number());
        if (range.isPresent()) {
            return Optional.of(range.get().destination());
        }
        return snapshot.catchAll(carrier.name()).map(CatchAll::destination);
    }

    private RoutingDecision routeOutbound(RoutingSnapshot snapshot, Trunk pbx, NormalizedNumber called,
                                          String calling) {
        String digits = called.number().digits();
        Optional<Route> route = snapshot.routeFor(pbx.name(), digits);
        if (route.isEmpty()) {
            return new Reject(404, "No Route To Destination");
        }
        List<TrunkTargets> usable = new ArrayList<>();
        for (RouteCandidate candidate : LeastCostOrder.order(route.get().candidates(), snapshot::rateDeck, digits)) {
            trunkTargets(snapshot, candidate.trunk()).ifPresent(usable::add);
        }
        if (usable.isEmpty()) {
            return new Reject(503, "No Gateway Available");
        }
        TrunkTargets first = usable.get(0);
        return new Forward(pbx.name(), first.trunk(), called.number().value(), calling, first.targets(),
                first.failover(), usable.subList(1, usable.size()));
    }

    private RoutingDecision forwardToTrunk(RoutingSnapshot snapshot, Trunk from, String trunkName,
                                           String called, String calling) {
        Optional<TrunkTargets> to = trunkTargets(snapshot, trunkName);
        if (to.isEmpty()) {
            return new Reject(503, "No Gateway Available");
        }
        return new Forward(from.name(), to.get().trunk(), called, calling, to.get().targets(), to.get().failover());
    }

    /** The trunk's usable gateways in the order to try them; empty for a deleted trunk or one with none up. */
    private Optional<TrunkTargets> trunkTargets(RoutingSnapshot snapshot, String trunkName) {
        return snapshot.trunk(trunkName).flatMap(trunk -> {
            List<Target> targets = gatewayOrder.order(trunk.gateways(), availability).stream()
                    .<Target>map(GatewayTarget::new).toList();
            return targets.isEmpty() ? Optional.empty()
                    : Optional.of(new TrunkTargets(trunk.name(), targets, trunk.failover()));
        });
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
