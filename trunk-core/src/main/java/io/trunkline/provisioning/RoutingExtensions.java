package io.trunkline.provisioning;

import io.trunkline.number.CatchAllDirectory;
import io.trunkline.number.NumberRanges;
import io.trunkline.routing.RateDecks;

/** The stores of routing rules beyond trunks, DIDs and routes: DID blocks, catch-alls and rate decks. */
public record RoutingExtensions(NumberRanges ranges, CatchAllDirectory catchAlls, RateDecks rateDecks) {
}
