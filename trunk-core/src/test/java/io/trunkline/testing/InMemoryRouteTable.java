package io.trunkline.testing;

import io.trunkline.routing.Route;
import io.trunkline.routing.RouteTable;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** {@link RouteTable} kept in memory, sorted by prefix (then PBX trunk, generic first) like the JPA adapter. */
public final class InMemoryRouteTable implements RouteTable {
    private final Map<String, Route> routes = new ConcurrentSkipListMap<>();

    private static String key(String prefix, String fromTrunk) {
        return prefix + "|" + (fromTrunk == null ? "" : fromTrunk);
    }

    @Override
    public List<Route> findAll() {
        return List.copyOf(routes.values());
    }

    @Override
    public Optional<Route> find(String prefix, String fromTrunk) {
        return Optional.ofNullable(routes.get(key(prefix, fromTrunk)));
    }

    @Override
    public void save(Route route) {
        routes.put(key(route.prefix(), route.fromTrunk()), route);
    }

    @Override
    public boolean delete(String prefix, String fromTrunk) {
        return routes.remove(key(prefix, fromTrunk)) != null;
    }
}
