package io.trunkline.adapter.jpa;

import io.trunkline.routing.RateDeck;
import io.trunkline.routing.RateDecks;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

public final class JpaRateDecks implements RateDecks {
    private final JpaTransactions tx;

    public JpaRateDecks(JpaTransactions tx) {
        this.tx = tx;
    }

    @Override
    public Map<String, RateDeck> findAll() {
        List<RateEntity> rows = tx.inTransaction(em -> em.createQuery("select r from RateEntity r", RateEntity.class)
                .getResultList());
        Map<String, Map<String, BigDecimal>> byTrunk = new HashMap<>();
        rows.forEach(r -> byTrunk.computeIfAbsent(r.key().trunk(), t -> new HashMap<>()).put(r.key().prefix(), r.price()));
        Map<String, RateDeck> decks = new HashMap<>();
        byTrunk.forEach((trunk, prices) -> decks.put(trunk, new RateDeck(prices)));
        return decks;
    }

    @Override
    public RateDeck find(String trunk) {
        List<RateEntity> rows = tx.inTransaction(em -> em.createQuery(
                "select r from RateEntity r where r.key.trunk = :t", RateEntity.class)
                .setParameter("t", trunk).getResultList());
        Map<String, BigDecimal> prices = new HashMap<>();
        rows.forEach(r -> prices.put(r.key().prefix(), r.price()));
        return new RateDeck(prices);
    }

    /** The old deck goes and the new one comes in one transaction: a call never sees half of each. */
    @Override
    public void replace(String trunk, RateDeck deck) {
        tx.run(em -> {
            em.createQuery("delete from RateEntity r where r.key.trunk = :t").setParameter("t", trunk).executeUpdate();
            deck.prices().forEach((prefix, price) -> em.persist(new RateEntity(trunk, prefix, price)));
        });
    }
}
