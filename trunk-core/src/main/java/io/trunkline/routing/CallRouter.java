package io.trunkline.routing;

import io.trunkline.number.CallerId;
import io.trunkline.number.CallerIdRules;
import io.trunkline.number.Destination;
import io.trunkline.number.Did;
import io.trunkline.number.E164Number;
import io.trunkline.number.MalformedNumberException;
import io.trunkline.number.NormalizedNumber;
import io.trunkline.number.NumberHandling;
import io.trunkline.number.NumberNormalizer;
import io.trunkline.number.NumberPresenter;
import io.trunkline.number.PresentedNumbers;
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
 * Routes an initial INVITE: recognise the source trunk, normalise the numbers (its dial plan, then E.164) and decide
 * the caller-ID by its trust, then carrier calls go by DID to their destination and PBX calls go by longest prefix
 * to a carrier; the numbers are presented in the destination trunk's format.
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
        List<Trunk> candidates = snapshot.trunksAt(attempt.sourceAddress(), attempt.sourcePort());
        if (candidates.isEmpty()) {
            return new Reject(403, "Source Address Not Recognised");
        }
        if (candidates.size() > 1) {
            return new Reject(403, "Source Address Shared By Several Trunks");
        }
        Trunk source = candidates.get(0);
        NormalizedNumber called;
        try {
            called = normalizer.normalize(attempt.calledUser(), source.defaultRegion(), source.numbers().dialPlan());
        } catch (MalformedNumberException e) {
            return new Reject(484, "Address Incomplete");
        }
        CallerId calling = callerIds.received(attempt.identity(), source);
        return source.role() == TrunkRole.CARRIER
                ? routeInbound(snapshot, source, called, calling)
                : routeOutbound(snapshot, source, called, calling);
    }

    private RoutingDecision routeInbound(RoutingSnapshot snapshot, Trunk carrier, NormalizedNumber called,
                                         CallerId calling) {
        Optional<Did> did = snapshot.did(called.number());
        if (did.isEmpty()) {
            return new Reject(404, "Number Not In Service");
        }
        Destination destination = did.get().destination();
        if (destination instanceof Destination.ToUri uri) {
            // A bare URI is outside any trust domain and states no format: E.164, no asserted identity.
            PresentedNumbers presented = callerIds.present(called.number(), calling, NumberHandling.defaults(),
                    carrier.defaultRegion());
            return new Forward(carrier.name(), null, called.number().value(), calling.number(),
                    List.of(new UriTarget(uri.uri())), null, presented);
        }
        String trunkName = ((Destination.ToTrunk) destination).trunkName();
        return forwardToTrunk(snapshot, carrier, trunkName, called.number(), calling);
    }

    private RoutingDecision routeOutbound(RoutingSnapshot snapshot, Trunk pbx, NormalizedNumber called,
                                          CallerId calling) {
        Optional<Route> route = snapshot.longestPrefixRoute(called.number().digits());
        if (route.isEmpty()) {
            return new Reject(404, "No Route To Destination");
        }
        return forwardToTrunk(snapshot, pbx, route.get().carrierTrunk(), called.number(), calling);
    }

    private RoutingDecision forwardToTrunk(RoutingSnapshot snapshot, Trunk from, String trunkName,
                                           E164Number called, CallerId received) {
        Optional<Trunk> destination = snapshot.trunk(trunkName);
        List<Target> targets = destination.map(to -> gatewayOrder.order(to.gateways(), availability).stream()
                .<Target>map(GatewayTarget::new).toList()).orElse(List.of());
        if (targets.isEmpty()) {
            return new Reject(503, "No Gateway Available");
        }
        Trunk to = destination.get();
        CallerId calling = callerIds.verified(received, to, (number, trunk) -> snapshot.did(number)
                .filter(did -> did.carrierTrunk().equals(trunk)).isPresent());
        PresentedNumbers presented = callerIds.present(called, calling, to.numbers(), to.defaultRegion());
        return new Forward(from.name(), to.name(), called.value(), calling.number(), targets, to.failover(),
                presented);
    }
}
