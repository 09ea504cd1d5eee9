package io.trunkline.routing;

import io.trunkline.number.NumberDirectory;
import io.trunkline.trunk.TrunkRepository;

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
    private volatile RoutingSnapshot current = RoutingSnapshot.empty();

    public LiveRoutingConfiguration(TrunkRepository trunks, NumberDirectory numbers, RouteTable routes,
                                    HostResolver resolver) {
        this.trunks = trunks;
        this.numbers = numbers;
        this.routes = routes;
        this.resolver = resolver;
    }

    /** Re-reads everything; synchronized so that two concurrent changes cannot publish an older view last. */
    public synchronized void reload() {
        current = new RoutingSnapshot(trunks.findAll(), numbers.findAll(), routes.findAll(), resolver);
    }

    @Override
    public RoutingSnapshot get() {
        return current;
    }
}
