package io.trunkline.routing;

import io.trunkline.trunk.InvalidConfigurationException;

/**
 * An outbound route: numbers whose E.164 digits start with {@code prefix} go to {@code carrierTrunk}. The empty
 * prefix is the default route.
 *
 * @param prefix       E.164 digits without '+', e.g. "44" or "1212"; a leading '+' is accepted and dropped
 * @param carrierTrunk the carrier trunk the call leaves on
 */
public record Route(String prefix, String carrierTrunk) {
    public Route {
        prefix = prefix == null ? "" : prefix.trim();
        if (prefix.startsWith("+")) {
            prefix = prefix.substring(1);
        }
        if (!prefix.matches("[0-9]{0,15}")) {
            throw new InvalidConfigurationException("prefix", "must be up to 15 digits, optionally after '+'");
        }
        if (carrierTrunk == null || carrierTrunk.isBlank()) {
            throw new InvalidConfigurationException("trunk", "is required");
        }
    }
}
