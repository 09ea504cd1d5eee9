package io.trunkline.routing;

import java.util.Map;

/** Port: each carrier trunk's rate deck. */
public interface RateDecks {
    /** Every non-empty deck by trunk name. */
    Map<String, RateDeck> findAll();

    /** The trunk's deck, empty when it has none. */
    RateDeck find(String trunk);

    /** Replaces the trunk's whole deck (an empty deck removes it). */
    void replace(String trunk, RateDeck deck);
}
