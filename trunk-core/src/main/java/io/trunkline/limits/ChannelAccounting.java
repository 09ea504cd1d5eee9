package io.trunkline.limits;

import io.trunkline.trunk.Trunk;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Admission control for every trunk. A call is admitted on its inbound trunk and on its outbound trunk; each
 * admission holds a {@link Lease} that must be released when the call ends, however it ends.
 */
public final class ChannelAccounting {
    private final Map<String, TrunkUsage> usage = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    public ChannelAccounting(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    public static ChannelAccounting withSystemClock() {
        return new ChannelAccounting(System::nanoTime);
    }

    public Admission admit(Trunk trunk, Direction direction) {
        return usage.computeIfAbsent(trunk.name(), name -> new TrunkUsage(trunk.limits(), nanoTime))
                .admit(direction, trunk.limits());
    }

    /** Calls in progress on a trunk in a direction, for the API and tests. */
    public int inUse(String trunk, Direction direction) {
        TrunkUsage u = usage.get(trunk);
        if (u == null) {
            return 0;
        }
        return direction == Direction.INBOUND ? u.inbound() : u.outbound();
    }
}
