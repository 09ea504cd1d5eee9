package io.trunkline.number;

import io.trunkline.trunk.InvalidConfigurationException;

import java.util.regex.Pattern;

/**
 * A number in ITU-T E.164 form: '+', country code, national number, at most 15 digits in all. Only the format is
 * checked here; whether the number exists in the numbering plan is {@link NumberNormalizer}'s business.
 */
public record E164Number(String value) implements Comparable<E164Number> {
    private static final Pattern FORMAT = Pattern.compile("\\+[1-9][0-9]{1,14}");

    public E164Number {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvalidConfigurationException("number", "must be E.164: '+' then 2 to 15 digits, not '" + value + "'");
        }
    }

    /** The digits without the leading '+', as used for prefix matching. */
    public String digits() {
        return value.substring(1);
    }

    @Override
    public int compareTo(E164Number other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
