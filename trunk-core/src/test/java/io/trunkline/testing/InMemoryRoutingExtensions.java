package io.trunkline.testing;

import io.trunkline.number.CatchAll;
import io.trunkline.number.CatchAllDirectory;
import io.trunkline.number.DidRange;
import io.trunkline.number.E164Number;
import io.trunkline.number.NumberRanges;
import io.trunkline.provisioning.RoutingExtensions;
import io.trunkline.routing.RateDeck;
import io.trunkline.routing.RateDecks;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** DID blocks, catch-alls and rate decks kept in memory, sorted like the JPA adapters. */
public final class InMemoryRoutingExtensions {
    public final Ranges ranges = new Ranges();
    public final CatchAlls catchAlls = new CatchAlls();
    public final Decks decks = new Decks();

    public RoutingExtensions extensions() {
        return new RoutingExtensions(ranges, catchAlls, decks);
    }

    public static final class Ranges implements NumberRanges {
        private final Map<Long, DidRange> byFirst = new ConcurrentSkipListMap<>();

        @Override
        public List<DidRange> findAll() {
            return List.copyOf(byFirst.values());
        }

        @Override
        public Optional<DidRange> find(E164Number first) {
            return Optional.ofNullable(byFirst.get(DidRange.value(first)));
        }

        @Override
        public void save(DidRange range) {
            byFirst.put(DidRange.value(range.first()), range);
        }

        @Override
        public boolean delete(E164Number first) {
            return byFirst.remove(DidRange.value(first)) != null;
        }
    }

    public static final class CatchAlls implements CatchAllDirectory {
        private final Map<String, CatchAll> byTrunk = new ConcurrentSkipListMap<>();

        @Override
        public List<CatchAll> findAll() {
            return List.copyOf(byTrunk.values());
        }

        @Override
        public Optional<CatchAll> find(String carrierTrunk) {
            return Optional.ofNullable(byTrunk.get(carrierTrunk));
        }

        @Override
        public void save(CatchAll catchAll) {
            byTrunk.put(catchAll.carrierTrunk(), catchAll);
        }

        @Override
        public boolean delete(String carrierTrunk) {
            return byTrunk.remove(carrierTrunk) != null;
        }
    }

    public static final class Decks implements RateDecks {
        private final Map<String, RateDeck> byTrunk = new ConcurrentSkipListMap<>();

        @Override
        public Map<String, RateDeck> findAll() {
            return Map.copyOf(byTrunk);
        }

        @Override
        public RateDeck find(String trunk) {
            return byTrunk.getOrDefault(trunk, RateDeck.empty());
        }

        @Override
        public void replace(String trunk, RateDeck deck) {
            if (deck.isEmpty()) {
                byTrunk.remove(trunk);
            } else {
                byTrunk.put(trunk, deck);
            }
        }
    }
}
