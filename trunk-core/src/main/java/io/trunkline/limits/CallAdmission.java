package io.trunkline.limits;

import io.trunkline.routing.RoutingSnapshot;
import io.trunkline.trunk.Trunk;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Admits a routed call on the trunk it arrives on and on the trunk it leaves on, or on neither: a call refused by
 * its outbound trunk gives its inbound channel back at once.
 */
public final class CallAdmission {
    private final Supplier<RoutingSnapshot> configuration;
    private final ChannelAccounting accounting;

    public CallAdmission(Supplier<RoutingSnapshot> configuration, ChannelAccounting accounting) {
        this.configuration = configuration;
        this.accounting = accounting;
    }

    /**
     * @param inboundTrunk  trunk the call arrived on
     * @param outboundTrunk trunk it leaves on, or {@code null} for a SIP URI destination
     */
    public Admission admit(String inboundTrunk, String outboundTrunk) {
        RoutingSnapshot snapshot = configuration.get();
        Admission inbound = admitOn(snapshot.trunk(inboundTrunk), Direction.INBOUND);
        if (!(inbound instanceof Admission.Admitted in) || outboundTrunk == null) {
            return inbound;
        }
        Admission outbound = admitOn(snapshot.trunk(outboundTrunk), Direction.OUTBOUND);
        if (!(outbound instanceof Admission.Admitted out)) {
            in.lease().release();
            return outbound;
        }
        return new Admission.Admitted(new Lease(() -> {
            in.lease().release();
            out.lease().release();
        }));
    }

    /** Admits a call on the trunk it arrived on only; its outbound trunk is admitted as the call moves onto it. */
    public Admission admitInbound(String inboundTrunk) {
        return admitOn(configuration.get().trunk(inboundTrunk), Direction.INBOUND);
    }

    /** Admits a call on a trunk it is about to leave on (the next candidate in least-cost order). */
    public Admission admitOutbound(String outboundTrunk) {
        return admitOn(configuration.get().trunk(outboundTrunk), Direction.OUTBOUND);
    }

    public ChannelAccounting accounting() {
        return accounting;
    }

    /** A trunk deleted since routing has no limits left to enforce. */
    private Admission admitOn(Optional<Trunk> trunk, Direction direction) {
        return trunk.map(t -> accounting.admit(t, direction)).orElseGet(() -> new Admission.Admitted(new Lease(() -> { })));
    }
}
