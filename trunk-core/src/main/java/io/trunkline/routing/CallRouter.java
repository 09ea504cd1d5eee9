package io.trunkline.routing;

import io.trunkline.cdr.EndCause;
import io.trunkline.number.CallerId;
import io.trunkline.number.CallerIdRules;
import io.trunkline.number.CatchAll;
import io.trunkline.number.Destination;
import io.trunkline.number.Did;
import io.trunkline.number.DidRange;
import io.trunkline.number.E164Number;
import io.trunkline.number.MalformedNumberException;
import io.trunkline.number.NormalizedNumber;
import io.trunkline.number.NumberHandling;
import io.trunkline.number.NumberNormalizer;
import io.trunkline.number.NumberPresenter;
import io.trunkline.number.PresentedNumbers;
import io.trunkline.number.ReceivedIdentity;
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
 * Routes an initial INVITE: recognise the source trunk, normalise the numbers (its dial plan, then E.164) and decide
 * the caller-ID by its trust, then carrier calls go by DID (exact number, else DID block, else the carrier trunk's
 * catch-all) to their destination, and PBX calls go by longest prefix (tenant routes first at equal length) to the
 * route's carrier trunks, cheapest first. Numbers are presented in each destination trunk's format.
 */
public final class CallRouter {
    private final Supplier<RoutingSnapshot> configuration;
    private final NumberNormalizer normalizer;
    private final GatewayOrder gatewayOrder;
    private final GatewayOrder.Availability availability;
    private final CallerIdRules callerIds;

    public CallRouter(Supplier<RoutingSnapshot> configuration, NumberNormalizer normalizer,
                      GatewayOrder gatewayOrder, GatewayOrder.Availability availability) {
        this.configuration = configuration;
        this.normalizer = normalizer;
        this.gatewayOrder = gatewayOrder;
        this.availability = availability;
        this.callerIds = new CallerIdRules(normalizer, new NumberPresenter());
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
            return new Reject(403, "Source Address Not Recognised", EndCause.UNKNOWN_SOURCE);
        }
        if (candidates.size() > 1) {
            return new Reject(403, "Source Address Shared By Several Trunks", EndCause.UNKNOWN_SOURCE);
        }
        return routeFrom(snapshot, candidates.get(0), attempt.calledUser(), attempt.identity());
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
            return new Reject(403, "Trunk Not Configured", EndCause.UNKNOWN_SOURCE);
        }
        return routeFrom(snapshot, source.get(), calledUser, ReceivedIdentity.fromOnly(callingUser));
    }

    private RoutingDecision routeFrom(RoutingSnapshot snapshot, Trunk source, String calledUser,
                                      ReceivedIdentity identity) {
        NormalizedNumber called;
        try {
            called = normalizer.normalize(calledUser, source.defaultRegion(), source.numbers().dialPlan());
        } catch (MalformedNumberException e) {
            return new Reject(484, "Address Incomplete", EndCause.ADDRESS_INCOMPLETE);
        }
        CallerId calling = callerIds.received(identity, source);
        return source.role() == TrunkRole.CARRIER
                ? routeInbound(snapshot, source, called, calling)
                : routeOutbound(snapshot, source, called, calling);
    }

    private RoutingDecision routeInbound(RoutingSnapshot snapshot, Trunk carrier, NormalizedNumber called,
                                         CallerId calling) {
        Optional<Destination> found = inboundDestination(snapshot, carrier, called);
        if (found.isEmpty()) {
            return new Reject(404, "Number Not In Service", EndCause.NUMBER_NOT_IN_SERVICE);
        }
        Destination destination = found.get();
        if (destination instanceof Destination.ToUri uri) {
            // A bare URI is outside any trust domain and states no format: E.164, no asserted identity.
            PresentedNumbers presented = callerIds.present(called.number(), calling, NumberHandling.defaults(),
                    carrier.defaultRegion());
            return new Forward(carrier.name(), null, called.number().value(), calling.number(),
                    List.of(new UriTarget(uri.uri())), null, presented, List.of());
        }
        String trunkName = ((Destination.ToTrunk) destination).trunkName();
        return forwardToTrunk(snapshot, carrier, trunkName, called.number(), calling);
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
                                          CallerId calling) {
        String digits = called.number().digits();
        Optional<Route> route = snapshot.routeFor(pbx.name(), digits);
        if (route.isEmpty()) {
            return new Reject(404, "No Route To Destination", EndCause.NO_ROUTE);
        }
        List<TrunkTargets> usable = new ArrayList<>();
        for (RouteCandidate candidate : LeastCostOrder.order(route.get().candidates(), snapshot::rateDeck, digits)) {
            trunkTargets(snapshot, candidate.trunk(), called.number(), calling).ifPresent(usable::add);
        }
        if (usable.isEmpty()) {
            return new Reject(503, "No Gateway Available", EndCause.NO_GATEWAY_AVAILABLE);
        }
        TrunkTargets first = usable.get(0);
        return new Forward(pbx.name(), first.trunk(), called.number().value(), first.callingNumber(),
                first.targets(), first.failover(), first.presented(), usable.subList(1, usable.size()));
    }

    private RoutingDecision forwardToTrunk(RoutingSnapshot snapshot, Trunk from, String trunkName,
                                           E164Number called, CallerId calling) {
        Optional<TrunkTargets> to = trunkTargets(snapshot, trunkName, called, calling);
        if (to.isEmpty()) {
            return new Reject(503, "No Gateway Available", EndCause.NO_GATEWAY_AVAILABLE);
        }
        TrunkTargets trunk = to.get();
        return new Forward(from.name(), trunk.trunk(), called.value(), trunk.callingNumber(), trunk.targets(),
                trunk.failover(), trunk.presented(), List.of());
    }

    /**
     * The trunk's usable gateways in the order to try them, and the numbers as that trunk is to see them (its
     * verified caller-ID and format); empty for a deleted trunk or one with none up.
     */
    private Optional<TrunkTargets> trunkTargets(RoutingSnapshot snapshot, String trunkName, E164Number called,
                                                CallerId received) {
        return snapshot.trunk(trunkName).flatMap(trunk -> {
            List<Target> targets = gatewayOrder.order(trunk.gateways(), availability).stream()
                    .<Target>map(GatewayTarget::new).toList();
            if (targets.isEmpty()) {
                return Optional.empty();
            }
            CallerId calling = callerIds.verified(received, trunk,
                    (number, owner) -> ownsNumber(snapshot, owner, number));
            PresentedNumbers presented = callerIds.present(called, calling, trunk.numbers(), trunk.defaultRegion());
            return Optional.of(new TrunkTargets(trunk.name(), targets, trunk.failover(), calling.number(),
                    presented));
        });
    }

    /** A trunk's own numbers, for verified caller-ID: its DIDs and the numbers of its DID blocks. */
    private static boolean ownsNumber(RoutingSnapshot snapshot, String trunk, E164Number number) {
        return snapshot.did(number).filter(did -> did.carrierTrunk().equals(trunk)).isPresent()
                || snapshot.range(number).filter(range -> range.carrierTrunk().equals(trunk)).isPresent();
    }
}
