package io.trunkline.provisioning;

import io.trunkline.number.CatchAll;
import io.trunkline.number.CatchAllDirectory;
import io.trunkline.number.Destination;
import io.trunkline.number.Did;
import io.trunkline.number.DidRange;
import io.trunkline.number.E164Number;
import io.trunkline.number.MalformedNumberException;
import io.trunkline.number.NumberDirectory;
import io.trunkline.number.NumberNormalizer;
import io.trunkline.number.NumberRanges;
import io.trunkline.routing.LiveRoutingConfiguration;
import io.trunkline.routing.RateDeck;
import io.trunkline.routing.RateDecks;
import io.trunkline.routing.Route;
import io.trunkline.routing.RouteCandidate;
import io.trunkline.routing.RouteTable;
import io.trunkline.trunk.InvalidConfigurationException;
import io.trunkline.trunk.Trunk;
import io.trunkline.trunk.TrunkRepository;
import io.trunkline.trunk.TrunkRole;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Changes to the routing configuration. Each change is checked against the rest (a DID or DID block names an
 * existing carrier trunk, a route carrier trunks and at most one PBX trunk, DID blocks do not overlap, a trunk in use
 * cannot be deleted or change sides) and then applied to routing, so the next call sees it without a restart.
 */
public final class Provisioning {
    private final TrunkRepository trunks;
    private final NumberDirectory numbers;
    private final RouteTable routes;
    private final LiveRoutingConfiguration routing;
    private final NumberRanges ranges;
    private final CatchAllDirectory catchAlls;
    private final RateDecks rateDecks;
    private final NumberNormalizer normalizer = new NumberNormalizer();

    public Provisioning(TrunkRepository trunks, NumberDirectory numbers, RouteTable routes,
                        LiveRoutingConfiguration routing, RoutingExtensions extensions) {
        this.ranges = extensions.ranges();
        this.catchAlls = extensions.catchAlls();
        this.rateDecks = extensions.rateDecks();
        this.trunks = trunks;
        this.numbers = numbers;
        this.routes = routes;
        this.routing = routing;
    }

    public List<Trunk> trunks() {
        return trunks.findAll();
    }

    public Trunk trunk(String name) {
        return findTrunk(name).orElseThrow(() -> new NotFoundException("no trunk named '" + name + "'"));
    }

    public Optional<Trunk> findTrunk(String name) {
        return trunks.findByName(name);
    }

    /** @return whether the trunk was created (rather than replaced) */
    public synchronized boolean saveTrunk(Trunk trunk) {
        // Checked here, where configuration comes in, not in Trunk itself: a trunk stored before this check
        // still loads, and its calls keep routing.
        requireKnownRegion("defaultRegion", trunk.defaultRegion());
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

    /** @throws InvalidConfigurationException naming the field when numbers cannot be read for the region */
    public static void requireKnownRegion(String field, String region) {
        if (!NumberNormalizer.knowsRegion(region)) {
            throw new InvalidConfigurationException(field, "'" + region + "' is not a region with a known numbering"
                    + " plan; use an ISO 3166-1 alpha-2 code such as US or GB");
        }
    }

    private void requireCallable(String field, E164Number number) {
        try {
            normalizer.requireCallable(number);
        } catch (MalformedNumberException e) {
            throw new InvalidConfigurationException(field, number + " cannot receive calls: " + e.getMessage());
        }
    }

    public synchronized void deleteTrunk(String name) {
        trunk(name);
        List<String> users = usersOf(name);
        if (!users.isEmpty()) {
            throw new ConflictException("trunk '" + name + "' is still used by " + String.join(", ", users));
        }
        catchAlls.delete(name); // the trunk's own rules go with it
        rateDecks.replace(name, RateDeck.empty());
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
        requireCallable("number", did.number());
        requireTrunk(did.carrierTrunk(), TrunkRole.CARRIER, "trunk");
        requireDestination(did.destination());
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
        return route(prefix, null);
    }

    /** @param fromTrunk the PBX trunk of a tenant route, null for the generic route */
    public Route route(String prefix, String fromTrunk) {
        return routes.find(prefix, fromTrunk).orElseThrow(() -> new NotFoundException(routeName(prefix, fromTrunk)
                .replaceFirst("^r", "no r")));
    }

    /** @return whether the route was created (rather than replaced) */
    public synchronized boolean saveRoute(Route route) {
        String field = route.candidates().size() == 1 ? "trunk" : "trunks";
        for (RouteCandidate candidate : route.candidates()) {
            requireTrunk(candidate.trunk(), TrunkRole.CARRIER, field);
        }
        if (route.isTenantRoute()) {
            requireTrunk(route.fromTrunk(), TrunkRole.PBX, "fromTrunk");
        }
        boolean created = routes.find(route.prefix(), route.fromTrunk()).isEmpty();
        routes.save(route);
        routing.reload();
        return created;
    }

    public synchronized void deleteRoute(String prefix) {
        deleteRoute(prefix, null);
    }

    public synchronized void deleteRoute(String prefix, String fromTrunk) {
        if (!routes.delete(prefix, fromTrunk)) {
            throw new NotFoundException("no " + routeName(prefix, fromTrunk));
        }
        routing.reload();
    }

    public List<DidRange> numberRanges() {
        return ranges.findAll();
    }

    public DidRange numberRange(E164Number first) {
        return ranges.find(first).orElseThrow(() -> new NotFoundException("no DID block starting at " + first));
    }

    /**
     * Creates or replaces the block starting at its first number. Blocks may not overlap (a number would have two
     * destinations); a DID of its own inside a block is allowed and wins over the block.
     *
     * @return whether the block was created
     */
    public synchronized boolean saveNumberRange(DidRange range) {
        requireCallable("first", range.first());
        requireCallable("last", range.last());
        requireTrunk(range.carrierTrunk(), TrunkRole.CARRIER, "trunk");
        requireDestination(range.destination());
        for (DidRange other : ranges.findAll()) {
            if (!other.first().equals(range.first()) && other.overlaps(range)) {
                throw new ConflictException("DID block " + range.first() + ".." + range.last()
                        + " overlaps the block " + other.first() + ".." + other.last());
            }
        }
        boolean created = ranges.find(range.first()).isEmpty();
        ranges.save(range);
        routing.reload();
        return created;
    }

    public synchronized void deleteNumberRange(E164Number first) {
        if (!ranges.delete(first)) {
            throw new NotFoundException("no DID block starting at " + first);
        }
        routing.reload();
    }

    public CatchAll catchAll(String carrierTrunk) {
        trunk(carrierTrunk);
        return catchAlls.find(carrierTrunk).orElseThrow(
                () -> new NotFoundException("trunk '" + carrierTrunk + "' has no catch-all"));
    }

    /** @return whether the trunk had no catch-all before */
    public synchronized boolean saveCatchAll(CatchAll catchAll) {
        requireExisting(catchAll.carrierTrunk());
        requireTrunk(catchAll.carrierTrunk(), TrunkRole.CARRIER, "trunk");
        requireDestination(catchAll.destination());
        boolean created = catchAlls.find(catchAll.carrierTrunk()).isEmpty();
        catchAlls.save(catchAll);
        routing.reload();
        return created;
    }

    public synchronized void deleteCatchAll(String carrierTrunk) {
        requireExisting(carrierTrunk);
        if (!catchAlls.delete(carrierTrunk)) {
            throw new NotFoundException("trunk '" + carrierTrunk + "' has no catch-all");
        }
        routing.reload();
    }

    public RateDeck rateDeck(String carrierTrunk) {
        requireExisting(carrierTrunk);
        return rateDecks.find(carrierTrunk);
    }

    /** Replaces the carrier trunk's whole rate deck; the next call is priced with the new one. */
    public synchronized void replaceRateDeck(String carrierTrunk, RateDeck deck) {
        requireExisting(carrierTrunk);
        requireTrunk(carrierTrunk, TrunkRole.CARRIER, "trunk");
        rateDecks.replace(carrierTrunk, deck);
        routing.reload();
    }

    private static String routeName(String prefix, String fromTrunk) {
        return "route for prefix '" + prefix + "'" + (fromTrunk == null ? "" : " from trunk '" + fromTrunk + "'");
    }

    /** A trunk named in the URL: 404 rather than 400 when it does not exist. */
    private void requireExisting(String name) {
        trunk(name);
    }

    private void requireDestination(Destination destination) {
        if (destination instanceof Destination.ToTrunk toTrunk) {
            requireTrunk(toTrunk.trunkName(), TrunkRole.PBX, "destination.trunk");
        } else if (destination instanceof Destination.ToUri toUri) {
            toUri.requireHostAndPort();
        }
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
        List<String> prefixes = routes.findAll().stream().filter(r -> r.usesTrunk(trunkName))
                .map(r -> "route '" + r.prefix() + "'" + (r.isTenantRoute() ? " of " + r.fromTrunk() : "")).toList();
        Destination toTrunk = new Destination.ToTrunk(trunkName);
        List<String> blocks = ranges.findAll().stream()
                .filter(r -> r.carrierTrunk().equals(trunkName) || r.destination().equals(toTrunk))
                .map(r -> "DID block " + r.first() + ".." + r.last()).toList();
        // A trunk's own catch-all goes with it; another trunk's catch-all delivering to it keeps it.
        List<String> catching = catchAlls.findAll().stream()
                .filter(c -> !c.carrierTrunk().equals(trunkName) && c.destination().equals(toTrunk))
                .map(c -> "the catch-all of trunk '" + c.carrierTrunk() + "'").toList();
        return Stream.of(dids, prefixes, blocks, catching).flatMap(List::stream).toList();
    }
}
