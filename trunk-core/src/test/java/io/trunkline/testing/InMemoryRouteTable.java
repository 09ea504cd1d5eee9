package io.trunkline.testing;

import io.trunkline.routing.Route;
import io.trunkline.routing.RouteTable;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** {@link RouteTable} kept in memory, sorted by prefix like the JPA adapter. */
public final class InMemoryRouteTable implements RouteTable {
    private final Map<String, Route> routes = new ConcurrentSkipListMap<>();

    @Override
    public List<Route> findAll() {
        return List.copyOf(routes.values());
    }

    @Override
    public Optional<Route> find(String prefix) {
        return Optional.ofNullable(routes.get(prefix));
    }

    @Override
    public void save(Route route) {
        routes.put(route.prefix(), route);
    }

    @Override
    public boolean delete(String prefix) {
        return routes.remove(prefix) != null;
    }
}
