package io.trunkline.routing;

import java.util.List;
import java.util.Optional;

/**
 * Port: the outbound route list. A route is identified by its prefix and the PBX trunk it is for ({@code null} for
 * a generic route).
 */
public interface RouteTable {
    List<Route> findAll();

    Optional<Route> find(String prefix, String fromTrunk);

    /** Creates or replaces the route for this prefix and PBX trunk. */
    void save(Route route);

    /** @return whether such a route existed */
    boolean delete(String prefix, String fromTrunk);

    /** The generic route for this prefix. */
    default Optional<Route> find(String prefix) {
        return find(prefix, null);
    }

    default boolean delete(String prefix) {
        return delete(prefix, null);
    }
}
