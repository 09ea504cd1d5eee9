package io.trunkline.provisioning;

import io.trunkline.number.Destination;
import io.trunkline.number.Did;
import io.trunkline.number.E164Number;
import io.trunkline.number.NumberDirectory;
import io.trunkline.routing.LiveRoutingConfiguration;
import io.trunkline.routing.Route;
import io.trunkline.routing.RouteTable;
import io.trunkline.trunk.InvalidConfigurationException;
import io.trunkline.trunk.Trunk;
import io.trunkline.trunk.TrunkRepository;
import io.trunkline.trunk.TrunkRole;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Changes to the routing configuration. Each change is checked against the rest (a DID names an existing carrier
 * trunk, a route a carrier trunk, a trunk in use cannot be deleted or change sides) and then applied to routing, so
 * the next call sees it without a restart.
 */
public final class Provisioning {
    private final TrunkRepository trunks;
    private final NumberDirectory numbers;
    private final RouteTable routes;
    private final LiveRoutingConfiguration routing;

    public Provisioning(TrunkRepository trunks, NumberDirectory numbers, RouteTable routes,
                        LiveRoutingConfiguration routing) {
        this.trunks = trunks;
        this.numbers = numbers;
        this.routes = routes;
        this.routing = routing;
    }

    public List<Trunk> trunks() {
        return trunks.findAll();
    }

    public Trunk trunk(String name) {
        return trunks.findByName(name).orElseThrow(() -> new NotFoundException("no trunk named '" + name + "'"));
    }

    /** @return whether the trunk was created (rather than replaced) */
    public synchronized boolean saveTrunk(Trunk trunk) {
        Optional<Trunk> existing = trunks.findByName(trunk.name());
        if (existing.isPresent() && existing.get().role() != trunk.role()) {
            List<String> users = usersOf(trunk.name());
            if (!users.isEmpty()) {
                throw new ConflictException("trunk '" + trunk.name() + "' is used by " + String.join(", ", users)
                        + " and cannot change role");
            }
        }
        trunks.save(trunk);
        routing.reload();
        return existing.isEmpty();
    }

    public synchronized void deleteTrunk(String name) {
        trunk(name);
        List<String> users = usersOf(name);
        if (!users.isEmpty()) {
            throw new ConflictException("trunk '" + name + "' is still used by " + String.join(", ", users));
        }
        trunks.delete(name);
        routing.reload();
    }

    public List<Did> numbers() {
        return numbers.findAll();
    }

    public Did number(E164Number number) {
        return numbers.find(number).orElseThrow(() -> new NotFoundException("no DID " + number));
    }

    /** @return whether the DID was created (rather than replaced) */
    public synchronized boolean saveNumber(Did did) {
        requireTrunk(did.carrierTrunk(), TrunkRole.CARRIER, "trunk");
        if (did.destination() instanceof Destination.ToTrunk toTrunk) {
            requireTrunk(toTrunk.trunkName(), TrunkRole.PBX, "destination.trunk");
        }
        boolean created = numbers.find(did.number()).isEmpty();
        numbers.save(did);
        routing.reload();
        return created;
    }

    public synchronized void deleteNumber(E164Number number) {
        if (!numbers.delete(number)) {
            throw new NotFoundException("no DID " + number);
        }
        routing.reload();
    }

    public List<Route> routes() {
        return routes.findAll();
    }

    public Route route(String prefix) {
        return routes.find(prefix).orElseThrow(() -> new NotFoundException("no route for prefix '" + prefix + "'"));
    }

    /** @return whether the route was created (rather than replaced) */
    public synchronized boolean saveRoute(Route route) {
        requireTrunk(route.carrierTrunk(), TrunkRole.CARRIER, "trunk");
        boolean created = routes.find(route.prefix()).isEmpty();
        routes.save(route);
        routing.reload();
        return created;
    }

    public synchronized void deleteRoute(String prefix) {
        if (!routes.delete(prefix)) {
            throw new NotFoundException("no route for prefix '" + prefix + "'");
        }
        routing.reload();
    }

    private void requireTrunk(String name, TrunkRole role, String field) {
        Trunk trunk = trunks.findByName(name).orElseThrow(
                () -> new InvalidConfigurationException(field, "names no existing trunk: '" + name + "'"));
        if (trunk.role() != role) {
            throw new InvalidConfigurationException(field, "must be a " + role + " trunk; '" + name + "' is "
                    + trunk.role());
        }
    }

    private List<String> usersOf(String trunkName) {
        List<String> dids = numbers.findAll().stream()
                .filter(d -> d.carrierTrunk().equals(trunkName)
                        || d.destination().equals(new Destination.ToTrunk(trunkName)))
                .map(d -> "DID " + d.number()).toList();
        List<String> prefixes = routes.findAll().stream().filter(r -> r.carrierTrunk().equals(trunkName))
                .map(r -> "route '" + r.prefix() + "'").toList();
        return Stream.concat(dids.stream(), prefixes.stream()).toList();
    }
}
