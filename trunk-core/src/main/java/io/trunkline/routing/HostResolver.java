package io.trunkline.routing;

import java.util.Set;

/**
 * Port: turns a gateway host (name or literal) into the addresses packets from it arrive from. Kept out of the
 * domain so that DNS happens once per configuration change, not per call, and tests need no resolver.
 */
@FunctionalInterface
public interface HostResolver {
    Set<String> addressesOf(String host);

    /** Treats every host as an address literal. */
    static HostResolver literal() {
        return Set::of;
    }
}
