package io.trunkline.admin.api;

import io.trunkline.routing.RateDeck;

import java.math.BigDecimal;
import java.util.List;

/** JSON form of a rate deck: {"trunk":"carrier","rates":[{"prefix":"44","price":0.0125}]}, sorted by prefix. */
public class RateDeckJson {
    public String trunk;
    public int size;
    public List<Rate> rates;

    public static class Rate {
        public String prefix;
        public BigDecimal price;
    }

    static RateDeckJson of(String trunk, RateDeck deck, boolean withRates) {
        RateDeckJson json = new RateDeckJson();
        json.trunk = trunk;
        json.size = deck.prices().size();
        json.rates = !withRates ? null : deck.prices().entrySet().stream().map(e -> {
            Rate rate = new Rate();
            rate.prefix = e.getKey();
            rate.price = e.getValue();
            return rate;
        }).toList();
        return json;
    }
}
