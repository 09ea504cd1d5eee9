package io.trunkline.routing;

import io.trunkline.trunk.InvalidConfigurationException;

/**
 * One carrier trunk a route may send a call out on.
 *
 * @param trunk    the carrier trunk
 * @param priority breaks price ties (and orders trunks without a price): lower first
 */
public record RouteCandidate(String trunk, int priority) {
    public static final int DEFAULT_PRIORITY = 1;

    public RouteCandidate {
        if (trunk == null || trunk.isBlank()) {
            throw new InvalidConfigurationException("trunk", "is required");
        }
        if (priority < 0 || priority > 1000) {
            throw new InvalidConfigurationException("priority", "must be between 0 and 1000, not " + priority);
        }
    }
}
