package io.trunkline.limits;

import io.trunkline.routing.HostResolver;
import io.trunkline.routing.RoutingSnapshot;
import io.trunkline.trunk.Trunk;
import io.trunkline.trunk.TrunkLimits;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import static io.trunkline.limits.ChannelAccountingTest.trunk;
import static io.trunkline.limits.Direction.INBOUND;
import static io.trunkline.limits.Direction.OUTBOUND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Many threads admitting and releasing calls on a few trunks at once: no limit is ever exceeded (the test counts
 * the calls it holds, and the most it ever held), and every count is back to zero at the end.
 */
class ChannelAccountingConcurrencyTest {
    private static final int THREADS = 16;
    private static final int CYCLES = 10_000;
    private static final Duration BOUND = Duration.ofMinutes(2); // a guard against a hang, not a speed test
    /** Call-rate limits too high to refuse anything (the clock stands still), but their buckets are contended. */
    private static final int HIGH_RATE = 1_000_000;
    private static final List<Trunk> TRUNKS = List.of(
            trunk("a", new TrunkLimits(4, 3, 2, HIGH_RATE, HIGH_RATE, HIGH_RATE)),
            trunk("b", new TrunkLimits(3, 0, 0, HIGH_RATE, 0, 0)),
            trunk("c", new TrunkLimits(0, 1, 1, 0, 0, 0)));
    private static final Trunk FREE = trunk("free", TrunkLimits.none());

    private final ChannelAccounting accounting = new ChannelAccounting(() -> 0L);
    private final CallAdmission admission = new CallAdmission(
            () -> new RoutingSnapshot(TRUNKS, List.of(), List.of(), HostResolver.literal()), accounting);
    private final Map<String, AtomicInteger> held = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> mostHeld = new ConcurrentHashMap<>();
    private final LongAdder admitted = new LongAdder();
    private final LongAdder refused = new LongAdder();

    @Test
    void noLimitIsExceededAndEveryCountEndsAtZero() {
        assertTimeoutPreemptively(BOUND, () -> runOnThreads(this::admitAndReleaseCalls));

        assertThat(most("a", INBOUND)).isBetween(1, 3);
        assertThat(most("a", OUTBOUND)).isBetween(1, 2);
        assertThat(most("a", null)).isBetween(1, 4);
        assertThat(most("b", null)).isBetween(1, 3);
        assertThat(most("c", INBOUND)).isEqualTo(1);
        assertThat(most("c", OUTBOUND)).isEqualTo(1);
        assertThat(admitted.sum()).isPositive();
        assertThat(refused.sum()).isPositive(); // the threads did contend for channels
        assertAllCountsZero();
    }

    @Test
    void aCallEndingWhileItMovesToTheNextTrunkHoldsNoChannelAfterwards() throws Exception {
        CallChannels[] calls = new CallChannels[CYCLES];
        for (int i = 0; i < CYCLES; i++) {
            calls[i] = new CallChannels(((Admission.Admitted) accounting.admit(FREE, INBOUND)).lease());
        }
        CyclicBarrier together = new CyclicBarrier(2);
        assertTimeoutPreemptively(BOUND, () -> {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<?> ending = pool.submit(() -> eachTogether(together, i -> calls[i].release()));
                Future<?> moving = pool.submit(() -> eachTogether(together, i -> calls[i].moveOutbound(
                        admission.admitOutbound("a") instanceof Admission.Admitted a ? a.lease() : null)));
                ending.get();
                moving.get();
            } finally {
                pool.shutdownNow();
            }
        });
        assertAllCountsZero();
        assertThat(accounting.inUse("free", INBOUND)).isZero();
    }

    private void runOnThreads(Callable<Void> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                tasks.add(work);
            }
            for (Future<Void> done : pool.invokeAll(tasks)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Void admitAndReleaseCalls() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < CYCLES; i++) {
            String in = TRUNKS.get(random.nextInt(TRUNKS.size())).name();
            String out = TRUNKS.get(random.nextInt(TRUNKS.size())).name();
            if (!(admission.admit(in, out) instanceof Admission.Admitted call)) {
                refused.increment();
                continue;
            }
            admitted.increment();
            hold(in, INBOUND, +1);
            hold(out, OUTBOUND, +1);
            Thread.yield(); // let others in while this call holds its channels
            hold(in, INBOUND, -1); // counted down before the release, so the count never runs ahead of it
            hold(out, OUTBOUND, -1);
            call.lease().release();
            call.lease().release();
        }
        return null;
    }

    private void hold(String trunk, Direction direction, int delta) {
        for (String key : List.of(trunk + direction, trunk)) {
            int now = held.computeIfAbsent(key, k -> new AtomicInteger()).addAndGet(delta);
            mostHeld.computeIfAbsent(key, k -> new AtomicInteger()).accumulateAndGet(now, Math::max);
        }
    }

    private int most(String trunk, Direction direction) {
        AtomicInteger most = mostHeld.get(direction == null ? trunk : trunk + direction);
        return most == null ? 0 : most.get();
    }

    private void assertAllCountsZero() {
        for (Trunk trunk : TRUNKS) {
            assertThat(accounting.inUse(trunk.name(), INBOUND)).as(trunk.name() + " inbound").isZero();
            assertThat(accounting.inUse(trunk.name(), OUTBOUND)).as(trunk.name() + " outbound").isZero();
        }
    }

    private interface Step {
        void run(int i);
    }

    private static Void eachTogether(CyclicBarrier together, Step step) throws Exception {
        for (int i = 0; i < CYCLES; i++) {
            together.await();
            step.run(i);
        }
        return null;
    }
}
