package io.trunkline.adapter.jpa;

import io.trunkline.trunk.TrunkLimits;

import javax.persistence.Column;
import javax.persistence.Embeddable;

@Embeddable
public class LimitsEmbeddable {
    @Column(name = "max_channels", nullable = false)
    private int maxChannels;
    @Column(name = "max_inbound_channels", nullable = false)
    private int maxInboundChannels;
    @Column(name = "max_outbound_channels", nullable = false)
    private int maxOutboundChannels;
    @Column(name = "max_cps", nullable = false)
    private int maxCps;
    @Column(name = "max_inbound_cps", nullable = false)
    private int maxInboundCps;
    @Column(name = "max_outbound_cps", nullable = false)
    private int maxOutboundCps;

    protected LimitsEmbeddable() {
    }

    static LimitsEmbeddable of(TrunkLimits limits) {
        LimitsEmbeddable e = new LimitsEmbeddable();
        e.maxChannels = limits.maxChannels();
        e.maxInboundChannels = limits.maxInboundChannels();
        e.maxOutboundChannels = limits.maxOutboundChannels();
        e.maxCps = limits.maxCallsPerSecond();
        e.maxInboundCps = limits.maxInboundCallsPerSecond();
        e.maxOutboundCps = limits.maxOutboundCallsPerSecond();
        return e;
    }

    TrunkLimits toDomain() {
        return new TrunkLimits(maxChannels, maxInboundChannels, maxOutboundChannels, maxCps, maxInboundCps,
                maxOutboundCps);
    }
}
