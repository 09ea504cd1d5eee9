package io.trunkline.number;

import io.trunkline.trunk.InvalidConfigurationException;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A trunk's dial plan: rules applied in order, each once, to every number received from the trunk (called and
 * calling) before libphonenumber reads it with the trunk's default region. Example for a carrier that puts a tech
 * prefix in front of national numbers: strip "1234#", then "00" means '+', then "0" is the national prefix.
 */
public record DialPlan(List<DialPlanRule> rules) implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int MAX_RULES = 32;

    public DialPlan {
        if (rules != null && rules.stream().anyMatch(Objects::isNull)) {
            throw new InvalidConfigurationException("numbers.dialPlan", "must not contain an empty entry");
        }
        if (rules != null && rules.size() > MAX_RULES) {
            throw new InvalidConfigurationException("numbers.dialPlan", "may hold at most " + MAX_RULES + " rules");
        }
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    public static DialPlan none() {
        return new DialPlan(List.of());
    }

    String apply(String number, int countryCode) {
        String result = number;
        for (DialPlanRule rule : rules) {
            result = rule.apply(result, countryCode);
        }
        return result;
    }

    /** The persisted form: rules as {@code KIND:prefix}, comma-separated (neither character can be in a prefix). */
    public String format() {
        return String.join(",", rules.stream().map(DialPlanRule::toString).toList());
    }

    public static DialPlan parse(String text) {
        List<DialPlanRule> rules = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            for (String rule : text.split(",")) {
                int colon = rule.indexOf(':');
                rules.add(new DialPlanRule(DialPlanRule.Kind.parse(rule.substring(0, colon)),
                        rule.substring(colon + 1)));
            }
        }
        return new DialPlan(rules);
    }
}
