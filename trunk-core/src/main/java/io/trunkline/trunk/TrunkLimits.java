package io.trunkline.trunk;

import java.io.Serializable;

/**
 * Capacity a trunk is sold or built for. Channels are concurrent calls; CPS is new calls per second. Each limit
 * applies to calls arriving on the trunk (inbound), leaving on it (outbound), or both together; 0 means no limit.
 */
public record TrunkLimits(int maxChannels, int maxInboundChannels, int maxOutboundChannels,
                          int maxCallsPerSecond, int maxInboundCallsPerSecond, int maxOutboundCallsPerSecond)
        implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int CEILING = 1_000_000;

    public TrunkLimits {
        check("maxChannels", maxChannels);
        check("maxInboundChannels", maxInboundChannels);
        check("maxOutboundChannels", maxOutboundChannels);
        check("maxCallsPerSecond", maxCallsPerSecond);
        check("maxInboundCallsPerSecond", maxInboundCallsPerSecond);
        check("maxOutboundCallsPerSecond", maxOutboundCallsPerSecond);
    }

    public static TrunkLimits none() {
        return new TrunkLimits(0, 0, 0, 0, 0, 0);
    }

    private static void check(String field, int value) {
        if (value < 0 || value > CEILING) {
            throw new InvalidConfigurationException(field, "must be between 0 (no limit) and " + CEILING);
        }
    }
}
