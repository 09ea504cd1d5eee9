package io.trunkline.routing;

import io.trunkline.trunk.InvalidConfigurationException;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a carrier trunk charges per minute, by number prefix: the longest prefix of a called number's E.164 digits
 * gives its price. Prices are {@link BigDecimal}s (money is never a binary fraction), at most 6 decimal places,
 * in whatever currency the administrator uses for every deck alike.
 */
public final class RateDeck {
    public static final int MAX_SCALE = 6;
    private static final BigDecimal MAX_PRICE = new BigDecimal("999999");
    private static final RateDeck EMPTY = new RateDeck(Map.of());

    private final Map<String, BigDecimal> prices;

    /** @param prices price per minute by prefix (digits, no '+'); checked like a CSV import */
    public RateDeck(Map<String, BigDecimal> prices) {
        TreeMap<String, BigDecimal> checked = new TreeMap<>();
        prices.forEach((prefix, price) -> checked.put(checkedPrefix(prefix), checkedPrice(price)));
        this.prices = Collections.unmodifiableMap(checked);
    }

    public static RateDeck empty() {
        return EMPTY;
    }

    static String checkedPrefix(String prefix) {
        String digits = prefix == null ? "" : prefix.trim();
        if (digits.startsWith("+")) {
            digits = digits.substring(1);
        }
        if (!digits.matches("[0-9]{1,15}")) {
            throw new InvalidConfigurationException("prefix", "must be 1 to 15 digits, optionally after '+', not '"
                    + prefix + "'");
        }
        return digits;
    }

    static BigDecimal checkedPrice(BigDecimal price) {
        if (price == null || price.signum() < 0 || price.compareTo(MAX_PRICE) > 0) {
            throw new InvalidConfigurationException("price", "must be between 0 and " + MAX_PRICE + ", not " + price);
        }
        BigDecimal plain = price.stripTrailingZeros();
        if (plain.scale() > MAX_SCALE) {
            throw new InvalidConfigurationException("price", "must have at most " + MAX_SCALE
                    + " decimal places, not " + price.toPlainString());
        }
        return plain.scale() < 0 ? plain.setScale(0) : plain;
    }

    /** The price per minute for a number, from the longest matching prefix; empty when the deck has none. */
    public Optional<BigDecimal> priceFor(String digits) {
        for (int length = Math.min(digits.length(), 15); length > 0; length--) {
            BigDecimal price = prices.get(digits.substring(0, length));
            if (price != null) {
                return Optional.of(price);
            }
        }
        return Optional.empty();
    }

    /** Every rate, sorted by prefix. */
    public Map<String, BigDecimal> prices() {
        return prices;
    }

    public boolean isEmpty() {
        return prices.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RateDeck deck && deck.prices.equals(prices);
    }

    @Override
    public int hashCode() {
        return prices.hashCode();
    }

    @Override
    public String toString() {
        return "RateDeck" + prices;
    }
}
