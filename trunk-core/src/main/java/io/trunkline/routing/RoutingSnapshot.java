package io.trunkline.routing;

import io.trunkline.number.CatchAll;
import io.trunkline.number.Did;
import io.trunkline.number.DidRange;
import io.trunkline.number.E164Number;
import io.trunkline.trunk.Gateway;
import io.trunkline.trunk.Trunk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

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
    private final Map<String, Map<String, Route>> tenantRoutes = new HashMap<>();
    private final TreeMap<Long, DidRange> rangesByFirst = new TreeMap<>();
    private final Map<String, CatchAll> catchAllsByTrunk = new HashMap<>();
    private final Map<String, RateDeck> rateDecks;

    public RoutingSnapshot(List<Trunk> trunks, List<Did> dids, List<Route> routes, HostResolver resolver) {
        this(trunks, dids, routes, resolver, new InboundExtensions(List.of(), List.of()), Map.of());
    }

    /**
     * @param inbound   DID blocks and per-trunk catch-alls
     * @param rateDecks the carrier trunks' rate decks by trunk name
     */
    public RoutingSnapshot(List<Trunk> trunks, List<Did> dids, List<Route> routes, HostResolver resolver,
                           InboundExtensions inbound, Map<String, RateDeck> rateDecks) {
        this.rateDecks = Map.copyOf(rateDecks);
        inbound.ranges().forEach(range -> rangesByFirst.put(DidRange.value(range.first()), range));
        inbound.catchAlls().forEach(catchAll -> catchAllsByTrunk.put(catchAll.carrierTrunk(), catchAll));
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
        for (Route route : routes) {
            Map<String, Route> table = route.isTenantRoute()
                    ? tenantRoutes.computeIfAbsent(route.fromTrunk(), t -> new HashMap<>()) : routesByPrefix;
            table.put(route.prefix(), route);
        }
    }

    /** The inbound rules beyond exact DIDs. */
    public record InboundExtensions(List<DidRange> ranges, List<CatchAll> catchAlls) {
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

    /** The generic route with the longest prefix of these E.164 digits, the empty prefix being the default route. */
    public Optional<Route> longestPrefixRoute(String digits) {
        return routeFor(null, digits);
    }

    /**
     * The route for a call from this PBX trunk: the longest prefix of the digits wins, whoever the route is for;
     * at the same prefix length the PBX trunk's own (tenant) route wins over the generic one. So a tenant route
     * overrides generic routes of the same or a shorter prefix, and a longer generic prefix still beats it.
     */
    public Optional<Route> routeFor(String fromTrunk, String digits) {
        Map<String, Route> own = fromTrunk == null ? Map.of() : tenantRoutes.getOrDefault(fromTrunk, Map.of());
        for (int length = digits.length(); length >= 0; length--) {
            String prefix = digits.substring(0, length);
            Route route = own.getOrDefault(prefix, routesByPrefix.get(prefix));
            if (route != null) {
                return Optional.of(route);
            }
        }
        return Optional.empty();
    }

    /** The DID block holding this number, if any. */
    public Optional<DidRange> range(E164Number number) {
        Map.Entry<Long, DidRange> floor = rangesByFirst.floorEntry(DidRange.value(number));
        return floor != null && floor.getValue().contains(number) ? Optional.of(floor.getValue()) : Optional.empty();
    }

    public Optional<CatchAll> catchAll(String carrierTrunk) {
        return Optional.ofNullable(catchAllsByTrunk.get(carrierTrunk));
    }

    /** The trunk's rate deck, empty when it has none. */
    public RateDeck rateDeck(String trunk) {
        return rateDecks.getOrDefault(trunk, RateDeck.empty());
    }
}
