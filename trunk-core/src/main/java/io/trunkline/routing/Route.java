package io.trunkline.routing;

import io.trunkline.trunk.InvalidConfigurationException;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An outbound route: numbers whose E.164 digits start with {@code prefix} leave on one of its candidate carrier
 * trunks, cheapest first (see {@link LeastCostOrder}). The empty prefix is the default route.
 *
 * @param prefix     E.164 digits without '+', e.g. "44" or "1212"; a leading '+' is accepted and dropped
 * @param fromTrunk  the PBX trunk this route is for (a tenant route), or {@code null} for every PBX
 * @param candidates the carrier trunks the call may leave on, at least one, each named once
 */
public record Route(String prefix, String fromTrunk, List<RouteCandidate> candidates) {
    public Route {
        prefix = normalizedPrefix(prefix);
        fromTrunk = fromTrunk == null || fromTrunk.isBlank() ? null : fromTrunk.trim();
        if (candidates == null || candidates.isEmpty()) {
            throw new InvalidConfigurationException("trunks", "must name at least one carrier trunk");
        }
        if (candidates.stream().anyMatch(Objects::isNull)) {
            throw new InvalidConfigurationException("trunks", "must not contain an empty entry");
        }
        Set<String> seen = new HashSet<>();
        for (RouteCandidate candidate : candidates) {
            if (!seen.add(candidate.trunk())) {
                throw new InvalidConfigurationException("trunks", "names '" + candidate.trunk() + "' twice");
            }
        }
        candidates = List.copyOf(candidates);
    }

    /** A generic route to a single carrier trunk (the original form of a route). */
    public Route(String prefix, String carrierTrunk) {
        this(prefix, null, List.of(new RouteCandidate(carrierTrunk, RouteCandidate.DEFAULT_PRIORITY)));
    }

    /** The prefix in its stored form: digits only, "" for the default route. */
    public static String normalizedPrefix(String prefix) {
        String digits = prefix == null ? "" : prefix.trim();
        if (digits.startsWith("+")) {
            digits = digits.substring(1);
        }
        if (!digits.matches("[0-9]{0,15}")) {
            throw new InvalidConfigurationException("prefix", "must be up to 15 digits, optionally after '+'");
        }
        return digits;
    }

    /** The first candidate as configured; for a single-trunk route, its trunk. */
    public String carrierTrunk() {
        return candidates.get(0).trunk();
    }

    public boolean isTenantRoute() {
        return fromTrunk != null;
    }

    public boolean usesTrunk(String trunk) {
        return trunk.equals(fromTrunk) || candidates.stream().anyMatch(c -> c.trunk().equals(trunk));
    }
}
