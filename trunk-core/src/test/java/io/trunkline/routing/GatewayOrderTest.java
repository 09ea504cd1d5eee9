package io.trunkline.routing;

import io.trunkline.routing.GatewayOrder.Availability;
import io.trunkline.trunk.Gateway;
import io.trunkline.trunk.Transport;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayOrderTest {
    private static final int ORDERINGS = 4000;

    /** Seeded, so that every run sees the same sequence of orderings. */
    private final GatewayOrder order = new GatewayOrder(new SplittableRandom(42));

    private static Gateway gateway(String host, int priority, int weight) {
        return new Gateway(host, 5060, Transport.UDP, priority, weight);
    }

    private static Availability allBut(Gateway... down) {
        Set<Gateway> downSet = Set.of(down);
        return gateway -> !downSet.contains(gateway);
    }

    @Test
    void triesEveryGatewayOfALowerPriorityNumberBeforeAnyOfAHigherOne() {
        Gateway backupA = gateway("192.0.2.30", 2, 1);
        Gateway lastResort = gateway("192.0.2.40", 7, 1);
        Gateway mainA = gateway("192.0.2.10", 0, 5);
        Gateway backupB = gateway("192.0.2.31", 2, 3);
        Gateway mainB = gateway("192.0.2.11", 0, 1);
        List<Gateway> configured = List.of(backupA, lastResort, mainA, backupB, mainB);

        for (int i = 0; i < ORDERINGS; i++) {
            List<Gateway> ordered = order.order(configured, Availability.allUp());

            assertThat(ordered).hasSize(5);
            assertThat(ordered.subList(0, 2)).containsExactlyInAnyOrder(mainA, mainB);
            assertThat(ordered.subList(2, 4)).containsExactlyInAnyOrder(backupA, backupB);
            assertThat(ordered.get(4)).isEqualTo(lastResort);
        }
    }

    @Test
    void distinctPrioritiesGiveOneFixedOrderWhateverTheConfiguredOrder() {
        Gateway first = gateway("192.0.2.10", 1, 1);
        Gateway second = gateway("192.0.2.20", 2, 1000);
        Gateway third = gateway("192.0.2.30", 3, 0);

        assertThat(order.order(List.of(third, first, second), Availability.allUp()))
                .containsExactly(first, second, third);
    }

    @Test
    void withinAGroupEveryGatewayComesExactlyOnce() {
        List<Gateway> group = List.of(gateway("192.0.2.10", 1, 1), gateway("192.0.2.11", 1, 2),
                gateway("192.0.2.12", 1, 5), gateway("192.0.2.13", 1, 0), gateway("192.0.2.14", 1, 1000));

        for (int i = 0; i < ORDERINGS; i++) {
            assertThat(order.order(group, Availability.allUp())).containsExactlyInAnyOrderElementsOf(group);
        }
    }

    @Test
    void aGatewayWithThreeTimesTheWeightComesFirstAboutThreeCallsInFour() {
        Gateway heavy = gateway("192.0.2.10", 1, 3);
        Gateway light = gateway("192.0.2.11", 1, 1);
        int heavyFirst = 0;

        for (int i = 0; i < ORDERINGS; i++) {
            if (order.order(List.of(light, heavy), Availability.allUp()).get(0).equals(heavy)) {
                heavyFirst++;
            }
        }

        // Expected 3000 of 4000; one standard deviation is about 27, so the band is several of them wide.
        assertThat(heavyFirst).isBetween(ORDERINGS * 70 / 100, ORDERINGS * 80 / 100);
    }

    @Test
    void gatewaysOfEqualWeightShareTheFirstPlace() {
        Gateway a = gateway("192.0.2.10", 1, 1);
        Gateway b = gateway("192.0.2.11", 1, 1);
        int aFirst = 0;

        for (int i = 0; i < ORDERINGS; i++) {
            if (order.order(List.of(a, b), Availability.allUp()).get(0).equals(a)) {
                aFirst++;
            }
        }

        assertThat(aFirst).isBetween(ORDERINGS * 45 / 100, ORDERINGS * 55 / 100);
    }

    @Test
    void aGatewayOfWeightZeroIsTriedOnlyAfterTheOthersOfItsGroup() {
        Gateway standby = gateway("192.0.2.10", 1, 0);
        Gateway a = gateway("192.0.2.11", 1, 1);
        Gateway b = gateway("192.0.2.12", 1, 4);
        Gateway nextGroup = gateway("192.0.2.20", 2, 1);

        for (int i = 0; i < ORDERINGS; i++) {
            List<Gateway> ordered = order.order(List.of(nextGroup, standby, a, b), Availability.allUp());

            assertThat(ordered.subList(0, 2)).containsExactlyInAnyOrder(a, b);
            assertThat(ordered.subList(2, 4)).containsExactly(standby, nextGroup);
        }
    }

    @Test
    void aGroupOfOnlyZeroWeightsIsStillTriedInFull() {
        Gateway a = gateway("192.0.2.10", 1, 0);
        Gateway b = gateway("192.0.2.11", 1, 0);

        assertThat(order.order(List.of(a, b), Availability.allUp())).containsExactlyInAnyOrder(a, b);
    }

    @Test
    void skipsGatewaysThatAreDown() {
        Gateway mainA = gateway("192.0.2.10", 1, 1);
        Gateway mainB = gateway("192.0.2.11", 1, 1);
        Gateway backup = gateway("192.0.2.20", 2, 1);

        assertThat(order.order(List.of(mainA, mainB, backup), allBut(mainA))).containsExactly(mainB, backup);
        assertThat(order.order(List.of(mainA, mainB, backup), allBut(mainA, mainB))).containsExactly(backup);
        assertThat(order.order(List.of(mainA, mainB, backup), allBut(backup)))
                .containsExactlyInAnyOrder(mainA, mainB);
    }

    @Test
    void noGatewayUpMeansNothingToTry() {
        List<Gateway> gateways = List.of(gateway("192.0.2.10", 1, 1), gateway("192.0.2.20", 2, 1));

        assertThat(order.order(gateways, gateway -> false)).isEmpty();
        assertThat(order.order(List.of(), Availability.allUp())).isEmpty();
    }

    @Test
    void leavesTheTrunksListAsItWas() {
        Gateway light = gateway("192.0.2.10", 2, 1);
        Gateway heavy = gateway("192.0.2.11", 1, 9);
        List<Gateway> configured = new ArrayList<>(List.of(light, heavy));

        order.order(configured, Availability.allUp());

        assertThat(configured).containsExactly(light, heavy);
    }
}
