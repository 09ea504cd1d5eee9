package io.trunkline.routing;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Orders a route's candidate trunks for one called number: by the price per minute each trunk's rate deck gives
 * the number (its longest matching prefix), cheapest first; equal prices by candidate priority (lower first), then
 * as configured. A trunk whose deck has no price for the number comes after every priced trunk: without a rate
 * its cost is unknown (carriers bill unlisted destinations at penalty rates, or do not serve them at all), so it
 * is kept only as a last resort, still tried before the caller is refused.
 */
public final class LeastCostOrder {
    private LeastCostOrder() {
    }

    public static List<RouteCandidate> order(List<RouteCandidate> candidates, Function<String, RateDeck> decks,
                                             String digits) {
        Comparator<Priced> cheapestFirst = Comparator
                .comparing((Priced p) -> p.price.isEmpty())
                .thenComparing(p -> p.price.orElse(BigDecimal.ZERO))
                .thenComparingInt(p -> p.candidate.priority());
        return candidates.stream()
                .map(c -> new Priced(c, decks.apply(c.trunk()).priceFor(digits)))
                .sorted(cheapestFirst) // stable: equal price and priority keep the configured order
                .map(p -> p.candidate)
                .toList();
    }

    private record Priced(RouteCandidate candidate, Optional<BigDecimal> price) {
    }
}
