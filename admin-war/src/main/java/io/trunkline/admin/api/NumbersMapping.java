package io.trunkline.admin.api;

import io.trunkline.admin.api.TrunkJson.DialPlanRuleJson;
import io.trunkline.admin.api.TrunkJson.NumbersJson;
import io.trunkline.number.DialPlan;
import io.trunkline.number.DialPlanRule;
import io.trunkline.number.E164Number;
import io.trunkline.number.IdentityTrust;
import io.trunkline.number.NumberFormat;
import io.trunkline.number.NumberHandling;
import io.trunkline.trunk.InvalidConfigurationException;

import java.util.ArrayList;
import java.util.List;

/** Between a trunk's {@code numbers} JSON object and its {@link NumberHandling}; errors name the JSON field. */
final class NumbersMapping {
    private NumbersMapping() {
    }

    static NumbersJson of(NumberHandling handling) {
        NumbersJson json = new NumbersJson();
        json.dialPlan = new ArrayList<>();
        for (DialPlanRule rule : handling.dialPlan().rules()) {
            DialPlanRuleJson ruleJson = new DialPlanRuleJson();
            ruleJson.type = rule.kind().name();
            ruleJson.prefix = rule.prefix();
            json.dialPlan.add(ruleJson);
        }
        json.format = handling.format().name();
        json.techPrefix = handling.techPrefix();
        json.trust = handling.trust().name();
        json.verifiedCallerId = handling.verifiedCallerId();
        json.defaultCallerId = handling.defaultCallerId() == null ? null : handling.defaultCallerId().value();
        json.ownCallerIds = handling.ownCallerIds().stream().map(E164Number::value).toList();
        return json;
    }

    static NumberHandling toDomain(NumbersJson json) {
        if (json == null) {
            return NumberHandling.defaults();
        }
        return new NumberHandling(dialPlan(json.dialPlan), NumberFormat.parse(json.format), json.techPrefix,
                IdentityTrust.parse(json.trust), json.verifiedCallerId,
                json.defaultCallerId == null ? null : number("numbers.defaultCallerId", json.defaultCallerId),
                ownCallerIds(json.ownCallerIds));
    }

    private static DialPlan dialPlan(List<DialPlanRuleJson> rules) {
        List<DialPlanRule> result = new ArrayList<>();
        if (rules != null) {
            for (DialPlanRuleJson rule : rules) {
                if (rule == null) {
                    throw new InvalidConfigurationException("numbers.dialPlan", "must not contain null");
                }
                result.add(new DialPlanRule(DialPlanRule.Kind.parse(rule.type), rule.prefix));
            }
        }
        return new DialPlan(result);
    }

    private static List<E164Number> ownCallerIds(List<String> numbers) {
        List<E164Number> result = new ArrayList<>();
        if (numbers != null) {
            for (String number : numbers) {
                result.add(number("numbers.ownCallerIds", number));
            }
        }
        return result;
    }

    /** E164Number names its field "number"; here the field is the one in the trunk's JSON. */
    private static E164Number number(String field, String value) {
        try {
            return new E164Number(value);
        } catch (InvalidConfigurationException e) {
            throw new InvalidConfigurationException(field, e.problem());
        }
    }
}
