package io.trunkline.number;

import io.trunkline.trunk.InvalidConfigurationException;

/**
 * A direct inward dialling number held on a carrier trunk.
 *
 * @param number       the DID in E.164
 * @param carrierTrunk the carrier trunk it is delivered on
 * @param destination  where calls to it are routed
 */
public record Did(E164Number number, String carrierTrunk, Destination destination) {
    public Did {
        if (number == null) {
            throw new InvalidConfigurationException("number", "is required");
        }
        if (carrierTrunk == null || carrierTrunk.isBlank()) {
            throw new InvalidConfigurationException("trunk", "is required");
        }
        if (destination == null) {
            throw new InvalidConfigurationException("destination", "is required");
        }
    }
}
