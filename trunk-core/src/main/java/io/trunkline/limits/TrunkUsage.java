package io.trunkline.limits;

import io.trunkline.trunk.TrunkLimits;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/** The live channel counts and CPS buckets of one trunk. */
final class TrunkUsage {
    private final AtomicInteger inbound = new AtomicInteger();
    private final AtomicInteger outbound = new AtomicInteger();
    private final TokenBucket total;
    private final TokenBucket inboundRate;
    private final TokenBucket outboundRate;

    TrunkUsage(TrunkLimits limits, LongSupplier nanoTime) {
        total = new TokenBucket(limits.maxCallsPerSecond(), nanoTime);
        inboundRate = new TokenBucket(limits.maxInboundCallsPerSecond(), nanoTime);
        outboundRate = new TokenBucket(limits.maxOutboundCallsPerSecond(), nanoTime);
    }

    synchronized Admission admit(Direction direction, TrunkLimits limits) {
        total.rate(limits.maxCallsPerSecond());
        inboundRate.rate(limits.maxInboundCallsPerSecond());
        outboundRate.rate(limits.maxOutboundCallsPerSecond());
        boolean in = direction == Direction.INBOUND;
        AtomicInteger own = in ? inbound : outbound;
        int ownLimit = in ? limits.maxInboundChannels() : limits.maxOutboundChannels();
        if (exceeded(inbound.get() + outbound.get(), limits.maxChannels()) || exceeded(own.get(), ownLimit)) {
            return new Admission.Refused("Trunk Channel Limit Reached", 5);
        }
        TokenBucket ownRate = in ? inboundRate : outboundRate;
        int ownCps = in ? limits.maxInboundCallsPerSecond() : limits.maxOutboundCallsPerSecond();
        boolean totalOk = limits.maxCallsPerSecond() == 0 || total.tryTake();
        if (!totalOk || (ownCps > 0 && !ownRate.tryTake())) {
            if (totalOk && limits.maxCallsPerSecond() > 0) {
                total.giveBack();
            }
            return new Admission.Refused("Trunk Call Rate Limit Reached", 1);
        }
        own.incrementAndGet();
        return new Admission.Admitted(new Lease(own::decrementAndGet));
    }

    int inbound() {
        return inbound.get();
    }

    int outbound() {
        return outbound.get();
    }

    private static boolean exceeded(int inUse, int limit) {
        return limit > 0 && inUse >= limit;
    }
}
