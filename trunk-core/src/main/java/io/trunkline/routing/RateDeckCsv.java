package io.trunkline.routing;

import io.trunkline.trunk.InvalidConfigurationException;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The CSV form of a rate deck: one {@code prefix,price} line per rate, price per minute as a plain decimal with a
 * '.' ({@code 44,0.0125}). An optional first line {@code prefix,price} is a header; blank lines and lines starting
 * with '#' are skipped. Any other line that does not read is refused with its line number, so that a half-read
 * deck never replaces a good one.
 */
public final class RateDeckCsv {
    /** Far above any real deck (a full international deck has some 60,000 prefixes), far below trouble. */
    public static final int MAX_LINES = 500_000;
    private static final String HEADER = "prefix,price";

    private RateDeckCsv() {
    }

    public static RateDeck parse(String csv) {
        String[] lines = (csv == null ? "" : csv).split("\r?\n", -1);
        if (lines.length > MAX_LINES) {
            throw new RateDeckFormatException(MAX_LINES + 1, "body", "a deck has at most " + MAX_LINES + " lines");
        }
        Map<String, BigDecimal> prices = new LinkedHashMap<>();
        for (int index = 0; index < lines.length; index++) {
            String line = lines[index].strip();
            if (line.isEmpty() || line.startsWith("#") || (index == 0 && isHeader(line))) {
                continue;
            }
            readLine(index + 1, line, prices);
        }
        return new RateDeck(prices);
    }

    private static boolean isHeader(String line) {
        return line.replace(" ", "").toLowerCase(Locale.ROOT).equals(HEADER);
    }

    private static void readLine(int number, String line, Map<String, BigDecimal> prices) {
        String[] fields = line.split(",", -1);
        if (fields.length != 2) {
            throw new RateDeckFormatException(number, "line", "must be 'prefix,price' (2 fields), not "
                    + fields.length + " field(s)");
        }
        String prefix;
        BigDecimal price;
        try {
            prefix = RateDeck.checkedPrefix(fields[0]);
            price = RateDeck.checkedPrice(decimal(fields[1].strip()));
        } catch (InvalidConfigurationException e) {
            throw new RateDeckFormatException(number, e.field(), e.problem());
        }
        if (prices.putIfAbsent(prefix, price) != null) {
            throw new RateDeckFormatException(number, "prefix", "'" + prefix + "' appears twice in the deck");
        }
    }

    private static BigDecimal decimal(String text) {
        if (!text.matches("[0-9]{1,7}(\\.[0-9]+)?")) {
            throw new InvalidConfigurationException("price", "must be a decimal number such as 0.0125, not '"
                    + text + "'");
        }
        return new BigDecimal(text);
    }

    /** The deck as CSV, header first, sorted by prefix. */
    public static String format(RateDeck deck) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        deck.prices().forEach((prefix, price) -> csv.append(prefix).append(',').append(price.toPlainString())
                .append('\n'));
        return csv.toString();
    }
}
