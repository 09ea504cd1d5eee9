package io.trunkline.routing;

import io.trunkline.trunk.Gateway;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * The order in which a call tries a trunk's gateways: priority groups from the lowest number up; inside a group a
 * weighted random order (a gateway with twice the weight comes first twice as often), so that load spreads by
 * weight while every gateway of the group is still tried before the next group.
 */
public final class GatewayOrder {
    private final RandomGenerator random;

    public GatewayOrder(RandomGenerator random) {
        this.random = random;
    }

    /** Which gateways are usable right now (all of them until health probing marks some down). */
    public interface Availability {
        boolean isUp(Gateway gateway);

        static Availability allUp() {
            return gateway -> true;
        }
    }

    public List<Gateway> order(List<Gateway> gateways, Availability availability) {
        Map<Integer, List<Gateway>> groups = new TreeMap<>();
        for (Gateway gateway : gateways) {
            if (availability.isUp(gateway)) {
                groups.computeIfAbsent(gateway.priority(), p -> new ArrayList<>()).add(gateway);
            }
        }
        List<Gateway> ordered = new ArrayList<>(gateways.size());
        groups.values().forEach(group -> ordered.addAll(weightedShuffle(group)));
        return List.copyOf(ordered);
    }

    /** Weighted sampling without replacement: each pick chooses among the rest in proportion to weight. */
    private List<Gateway> weightedShuffle(List<Gateway> group) {
        List<Gateway> rest = new ArrayList<>(group);
        rest.sort(Comparator.comparingInt(Gateway::weight).reversed()); // zero weights last, deterministic
        List<Gateway> result = new ArrayList<>(group.size());
        while (!rest.isEmpty()) {
            int total = rest.stream().mapToInt(Gateway::weight).sum();
            int index = 0;
            if (total > 0) {
                int ticket = random.nextInt(total);
                while (ticket >= rest.get(index).weight()) {
                    ticket -= rest.get(index).weight();
                    index++;
                }
            }
            result.add(rest.remove(index));
        }
        return result;
    }
}
