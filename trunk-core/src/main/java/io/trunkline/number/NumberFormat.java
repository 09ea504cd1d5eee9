package io.trunkline.number;

import io.trunkline.trunk.InvalidConfigurationException;

import java.util.Locale;

/** How a trunk wants the numbers Trunkline sends it written (Request-URI, To, From and P-Asserted-Identity users). */
public enum NumberFormat {
    /** "+14155550123", RFC 3966 global form. */
    E164,
    /** "14155550123": the E.164 digits without '+'. */
    E164_WITHOUT_PLUS,
    /** As dialled inside the trunk's default region: "4155550123" for US, "02079460000" for GB; with the region's
     *  international access code for numbers of other countries ("011442079460000" from US). */
    NATIONAL,
    /** The trunk's tech prefix, then the E.164 digits: "1234#14155550123". */
    TECH_PREFIX;

    public static NumberFormat parse(String value) {
        if (value == null || value.isBlank()) {
            return E164;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException("numbers.format",
                    "must be E164, E164_WITHOUT_PLUS, NATIONAL or TECH_PREFIX, not '" + value + "'");
        }
    }
}
