package io.trunkline.routing;

import io.trunkline.number.Did;
import io.trunkline.number.E164Number;
import io.trunkline.trunk.Gateway;
import io.trunkline.trunk.Trunk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable, indexed view of the whole routing configuration, built once per change and read by every call
 * without locks.
 */
public final class RoutingSnapshot {
    private final Map<String, Trunk> trunksByName = new HashMap<>();
    private final Map<String, List<Trunk>> trunksByAddressAndPort = new HashMap<>();
    private final Map<String, List<Trunk>> trunksByAddress = new HashMap<>();
    private final Map<E164Number, Did> didsByNumber = new HashMap<>();
    private final Map<String, Route> routesByPrefix = new HashMap<>();

    public RoutingSnapshot(List<Trunk> trunks, List<Did> dids, List<Route> routes, HostResolver resolver) {
        for (Trunk trunk : trunks) {
            trunksByName.put(trunk.name(), trunk);
            for (Gateway gateway : trunk.gateways()) {
                for (String address : resolver.addressesOf(gateway.host())) {
                    addUnique(trunksByAddressAndPort, address + "|" + gateway.port(), trunk);
                    addUnique(trunksByAddress, address, trunk);
                }
            }
        }
        // Callers get these lists from trunksAt; frozen so that no caller can change what the next call sees.
        trunksByAddressAndPort.replaceAll((key, list) -> List.copyOf(list));
        trunksByAddress.replaceAll((key, list) -> List.copyOf(list));
        dids.forEach(did -> didsByNumber.put(did.number(), did));
        routes.forEach(route -> routesByPrefix.put(route.prefix(), route));
    }

    public static RoutingSnapshot empty() {
        return new RoutingSnapshot(List.of(), List.of(), List.of(), HostResolver.literal());
    }

    private static void addUnique(Map<String, List<Trunk>> index, String key, Trunk trunk) {
        List<Trunk> list = index.computeIfAbsent(key, k -> new ArrayList<>(1));
        if (!list.contains(trunk)) {
            list.add(trunk);
        }
    }

    /**
     * The trunks a request from this source may belong to: an exact address-and-port match wins (several trunks on
     * one host, as with UDP peers on distinct ports); otherwise every trunk with a gateway at that address
     * (TCP/TLS clients connect from ephemeral ports). The list is unmodifiable.
     */
    public List<Trunk> trunksAt(String address, int port) {
        List<Trunk> exact = trunksByAddressAndPort.get(address + "|" + port);
        if (exact != null) {
            return exact;
        }
        return trunksByAddress.getOrDefault(address, List.of());
    }

    /** Every trunk, in no particular order. */
    public List<Trunk> trunks() {
        return List.copyOf(trunksByName.values());
    }

    public Optional<Trunk> trunk(String name) {
        return Optional.ofNullable(trunksByName.get(name));
    }

    public Optional<Did> did(E164Number number) {
        return Optional.ofNullable(didsByNumber.get(number));
    }

    /** The route with the longest prefix of these E.164 digits, the empty prefix being the default route. */
    public Optional<Route> longestPrefixRoute(String digits) {
        for (int length = digits.length(); length >= 0; length--) {
            Route route = routesByPrefix.get(digits.substring(0, length));
            if (route != null) {
                return Optional.of(route);
            }
        }
        return Optional.empty();
    }
}
