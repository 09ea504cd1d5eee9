package io.trunkline.number;

import io.trunkline.trunk.InvalidConfigurationException;

import java.io.Serializable;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One step of a trunk's dial plan, applied to a number received from the trunk before it is read as E.164.
 *
 * @param kind   what the step does with a number that starts with (or, for {@link Kind#ADD_PREFIX}, lacks) the prefix
 * @param prefix the digits the step looks for or adds; '*' and '#' are allowed for tech prefixes
 */
public record DialPlanRule(Kind kind, String prefix) implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Pattern DIALLABLE = Pattern.compile("[0-9*#]{1,16}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,6}");
    /** An added prefix may make the number international ("+1" in front of ten NANP digits). */
    private static final Pattern ADDABLE = Pattern.compile("\\+?[0-9*#]{1,16}");

    public enum Kind {
        /** Drop the prefix (a carrier's tech prefix such as "1234#", a PBX's outside line "9"). */
        STRIP_PREFIX,
        /** Put the prefix in front of a number that is not already international ('+'). */
        ADD_PREFIX,
        /** The prefix is an international access code ("00", "011"): replace it with '+'. */
        INTERNATIONAL_PREFIX,
        /** The prefix is the national trunk prefix ("0"): replace it with '+' and the trunk's country code. */
        NATIONAL_PREFIX;

        public static Kind parse(String value) {
            if (value == null || value.isBlank()) {
                throw new InvalidConfigurationException("numbers.dialPlan.type", "is required (" + choices() + ")");
            }
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigurationException("numbers.dialPlan.type",
                        "must be one of " + choices() + ", not '" + value + "'");
            }
        }

        private static String choices() {
            return "STRIP_PREFIX, ADD_PREFIX, INTERNATIONAL_PREFIX, NATIONAL_PREFIX";
        }
    }

    public DialPlanRule {
        if (kind == null) {
            throw new InvalidConfigurationException("numbers.dialPlan.type", "is required");
        }
        boolean accessCode = kind == Kind.INTERNATIONAL_PREFIX || kind == Kind.NATIONAL_PREFIX;
        Pattern allowed = accessCode ? DIGITS : kind == Kind.ADD_PREFIX ? ADDABLE : DIALLABLE;
        if (prefix == null || !allowed.matcher(prefix).matches()) {
            throw new InvalidConfigurationException("numbers.dialPlan.prefix", accessCode
                    ? "must be 1 to 6 digits for " + kind + ", not '" + prefix + "'"
                    : "must be 1 to 16 characters of 0-9, '*' and '#'" + (kind == Kind.ADD_PREFIX ? " after an "
                    + "optional '+'" : "") + ", not '" + prefix + "'");
        }
    }

    /**
     * @param number      the number as received so far (earlier rules applied)
     * @param countryCode the country calling code of the trunk's default region, for {@link Kind#NATIONAL_PREFIX}
     * @return the number after this step; unchanged when the step does not apply
     */
    String apply(String number, int countryCode) {
        boolean international = number.startsWith("+");
        if (kind == Kind.ADD_PREFIX) {
            return international ? number : prefix + number;
        }
        if (international || !number.startsWith(prefix)) {
            return number;
        }
        String rest = number.substring(prefix.length());
        return switch (kind) {
            case STRIP_PREFIX -> rest;
            case INTERNATIONAL_PREFIX -> "+" + rest;
            case NATIONAL_PREFIX -> "+" + countryCode + rest;
            case ADD_PREFIX -> throw new AssertionError("handled above");
        };
    }

    /** The persisted and logged form, {@code KIND:prefix}. */
    @Override
    public String toString() {
        return kind + ":" + prefix;
    }
}
