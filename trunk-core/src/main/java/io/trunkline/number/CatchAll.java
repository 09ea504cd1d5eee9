package io.trunkline.number;

import io.trunkline.trunk.InvalidConfigurationException;

/**
 * Where a carrier trunk's calls go when the called number is neither a DID nor in a DID block, instead of 404.
 *
 * @param carrierTrunk the carrier trunk whose calls it catches
 * @param destination  where they go
 */
public record CatchAll(String carrierTrunk, Destination destination) {
    public CatchAll {
        if (carrierTrunk == null || carrierTrunk.isBlank()) {
            throw new InvalidConfigurationException("trunk", "is required");
        }
        if (destination == null) {
            throw new InvalidConfigurationException("destination", "is required");
        }
    }
}
