package io.trunkline.transfer;

import io.trunkline.routing.CallRouter;
import io.trunkline.routing.RoutingDecision;
import io.trunkline.routing.RoutingDecision.Forward;
import io.trunkline.routing.RoutingDecision.Reject;
import io.trunkline.routing.RoutingSnapshot;
import io.trunkline.trunk.TransferPolicy;
import io.trunkline.trunk.Trunk;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Decides what a REFER does, from the policy of the trunk it arrived on (the referrer's).
 *
 * <p>A blind transfer's target is routed as if the <em>referrer's</em> trunk had dialled the Refer-To number: a
 * carrier can send its caller only to our DIDs, a PBX only where its outbound routes go. Routing from the remaining
 * party's trunk instead would let a carrier's REFER use a PBX's outbound routes, which is toll fraud waiting to
 * happen. The host part of the Refer-To is never used: a transfer goes only to configured gateways.
 */
public final class TransferPlanner {
    private final Supplier<RoutingSnapshot> configuration;
    private final CallRouter router;

    public TransferPlanner(Supplier<RoutingSnapshot> configuration, CallRouter router) {
        this.configuration = configuration;
        this.router = router;
    }

    /**
     * @param referrerTrunk   trunk of the leg that sent the REFER, {@code null} for a leg sent to a bare SIP URI
     * @param target          the Refer-To
     * @param remainingNumber the number of the party that stays in the call, presented to the new target
     */
    public TransferDecision plan(String referrerTrunk, ReferTarget target, String remainingNumber) {
        Optional<Trunk> trunk = referrerTrunk == null ? Optional.empty() : configuration.get().trunk(referrerTrunk);
        TransferPolicy policy = trunk.map(Trunk::transfer).orElse(TransferPolicy.REJECT);
        return switch (policy) {
            case REJECT -> new TransferDecision.Refuse(403, "Call Transfer Not Allowed On This Trunk");
            case RELAY -> new TransferDecision.Relay();
            case TRANSFER -> transfer(trunk.get(), target, remainingNumber);
        };
    }

    private TransferDecision transfer(Trunk referrer, ReferTarget target, String remainingNumber) {
        if (target.replaces()) {
            return new TransferDecision.Refuse(403, "Attended Transfer Not Supported");
        }
        if (target.number().isEmpty()) {
            return new TransferDecision.Refuse(400, "Refer-To Has No Number");
        }
        RoutingDecision route = router.routeFrom(referrer.name(), target.number(), remainingNumber);
        if (route instanceof Reject reject) {
            // 484 answers an INVITE; for a REFER the request itself is what is wrong (RFC 3515 §2.4.2).
            int status = reject.status() == 484 ? 400 : reject.status();
            return new TransferDecision.Refuse(status, "Refer-To " + reject.reason());
        }
        return new TransferDecision.Transfer((Forward) route);
    }
}
