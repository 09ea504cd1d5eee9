package io.trunkline.admin.api;

import io.trunkline.routing.Route;
import io.trunkline.trunk.InvalidConfigurationException;

/** JSON form of an outbound route: {"prefix":"44","trunk":"carrier-uk"}; the empty prefix is the default route. */
public class RouteJson {
    public String prefix;
    public String trunk;

    static RouteJson of(Route route) {
        RouteJson json = new RouteJson();
        json.prefix = route.prefix();
        json.trunk = route.carrierTrunk();
        return json;
    }

    Route toDomain(String pathPrefix) {
        Route fromBody = new Route(prefix, trunk);
        if (pathPrefix != null && prefix != null && !new Route(pathPrefix, trunk).prefix().equals(fromBody.prefix())) {
            throw new InvalidConfigurationException("prefix", "differs from the prefix in the URL");
        }
        return pathPrefix != null ? new Route(pathPrefix, trunk) : fromBody;
    }
}
