package io.trunkline.routing;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LeastCostOrderTest {
    private static final String LONDON = "442079460000";
    private final Map<String, RateDeck> decks = new java.util.HashMap<>();

    private List<String> order(String digits, RouteCandidate... candidates) {
        return LeastCostOrder.order(List.of(candidates), t -> decks.getOrDefault(t, RateDeck.empty()), digits)
                .stream().map(RouteCandidate::trunk).toList();
    }

    private void deck(String trunk, String csv) {
        decks.put(trunk, RateDeckCsv.parse(csv));
    }

    @Test
    void cheapestTrunkForTheNumberComesFirst() {
        deck("a", "44,0.0200\n");
        deck("b", "44,0.0150\n");
        deck("c", "44,0.0180\n");

        assertThat(order(LONDON, new RouteCandidate("a", 1), new RouteCandidate("b", 1), new RouteCandidate("c", 1)))
                .containsExactly("b", "c", "a");
    }

    @Test
    void eachTrunkIsPricedByItsOwnLongestMatchingPrefix() {
        deck("a", "44,0.0100\n");              // cheap for the UK in general
        deck("b", "44,0.0300\n4420,0.0050\n"); // dear, except for London

        assertThat(order(LONDON, new RouteCandidate("a", 1), new RouteCandidate("b", 1))).containsExactly("b", "a");
        assertThat(order("447400123456", new RouteCandidate("a", 1), new RouteCandidate("b", 1)))
                .containsExactly("a", "b");
    }

    @Test
    void equalPricesAreOrderedByPriorityThenAsConfigured() {
        deck("a", "44,0.01\n");
        deck("b", "44,0.010\n"); // the same price, written differently
        deck("c", "44,0.01\n");

        assertThat(order(LONDON, new RouteCandidate("a", 5), new RouteCandidate("b", 2), new RouteCandidate("c", 5)))
                .containsExactly("b", "a", "c");
    }

    @Test
    void aTrunkWithNoPriceForTheNumberGoesAfterEveryPricedTrunk() {
        deck("dear", "44,0.90\n");
        deck("elsewhere", "49,0.001\n");

        assertThat(order(LONDON, new RouteCandidate("unpriced", 0), new RouteCandidate("elsewhere", 0),
                new RouteCandidate("dear", 9))).containsExactly("dear", "unpriced", "elsewhere");
    }

    @Test
    void withoutAnyDeckCandidatesGoByPriority() {
        assertThat(order(LONDON, new RouteCandidate("a", 3), new RouteCandidate("b", 1), new RouteCandidate("c", 2)))
                .containsExactly("b", "c", "a");
    }
}
