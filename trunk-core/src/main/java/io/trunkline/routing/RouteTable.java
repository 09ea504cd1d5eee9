package io.trunkline.routing;

import java.util.List;
import java.util.Optional;

/** Port: the outbound route list. */
public interface RouteTable {
    List<Route> findAll();

    Optional<Route> find(String prefix);

    /** Creates or replaces the route for this prefix. */
    void save(Route route);

    /** @return whether a route with this prefix existed */
    boolean delete(String prefix);
}
