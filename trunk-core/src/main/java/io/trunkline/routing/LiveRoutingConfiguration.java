package io.trunkline.routing;

import io.trunkline.number.CatchAll;
import io.trunkline.number.DidRange;
import io.trunkline.number.NumberDirectory;
import io.trunkline.trunk.TrunkRepository;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Holds the current {@link RoutingSnapshot} and rebuilds it from the repositories whenever the configuration
 * changes, so that a change applies to the next call without a restart.
 */
public final class LiveRoutingConfiguration implements Supplier<RoutingSnapshot> {
    private final TrunkRepository trunks;
    private final NumberDirectory numbers;
    private final RouteTable routes;
    private final HostResolver resolver;
    private final Supplier<List<DidRange>> ranges;
    private final Supplier<List<CatchAll>> catchAlls;
    private final Supplier<Map<String, RateDeck>> rateDecks;
    private volatile RoutingSnapshot current = RoutingSnapshot.empty();

    public LiveRoutingConfiguration(TrunkRepository trunks, NumberDirectory numbers, RouteTable routes,
                                    HostResolver resolver) {
        this(trunks, numbers, routes, resolver, List::of, List::of, Map::of);
    }

    public LiveRoutingConfiguration(TrunkRepository trunks, NumberDirectory numbers, RouteTable routes,
                                    HostResolver resolver, Supplier<List<DidRange>> ranges,
                                    Supplier<List<CatchAll>> catchAlls, Supplier<Map<String, RateDeck>> rateDecks) {
        this.ranges = ranges;
        this.catchAlls = catchAlls;
        this.rateDecks = rateDecks;
        this.trunks = trunks;
        this.numbers = numbers;
        this.routes = routes;
        this.resolver = resolver;
    }

    /** Re-reads everything; synchronized so that two concurrent changes cannot publish an older view last. */
    public synchronized void reload() {
        current = new RoutingSnapshot(trunks.findAll(), numbers.findAll(), routes.findAll(), resolver,
                new RoutingSnapshot.InboundExtensions(ranges.get(), catchAlls.get()), rateDecks.get());
    }

    @Override
    public RoutingSnapshot get() {
        return current;
    }
}
