package io.trunkline.trunk;

import java.io.Serializable;

/**
 * OPTIONS probing of a trunk's gateways (RFC 3261 §11). Off unless an interval is set: many PBXs do not answer
 * OPTIONS, and a probe they ignore would mark them down.
 *
 * @param intervalSeconds seconds between probes of each gateway; 0 disables probing
 * @param downAfter       consecutive failed probes that mark a gateway down; one answer marks it up again
 */
public record HealthProbe(int intervalSeconds, int downAfter) implements Serializable {
    private static final long serialVersionUID = 1L;

    public HealthProbe {
        if (intervalSeconds < 0 || intervalSeconds > 3600) {
            throw new InvalidConfigurationException("probe.intervalSeconds", "must be between 0 (off) and 3600");
        }
        if (downAfter < 1 || downAfter > 100) {
            throw new InvalidConfigurationException("probe.downAfter", "must be between 1 and 100");
        }
    }

    public static HealthProbe off() {
        return new HealthProbe(0, 3);
    }

    public boolean enabled() {
        return intervalSeconds > 0;
    }
}
