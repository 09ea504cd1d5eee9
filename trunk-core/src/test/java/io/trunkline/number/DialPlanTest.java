package io.trunkline.number;

import io.trunkline.number.DialPlanRule.Kind;
import io.trunkline.trunk.InvalidConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;

import static io.trunkline.testing.ConfigurationAssertions.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Dial-plan rules rewrite a received number before libphonenumber reads it with the trunk's region. */
class DialPlanTest {
    private final NumberNormalizer normalizer = new NumberNormalizer();

    private static DialPlan plan(String... rules) {
        return new DialPlan(Arrays.stream(rules).map(rule -> rule.split(":"))
                .map(parts -> new DialPlanRule(Kind.valueOf(parts[0]), parts[1])).toList());
    }

    private String e164(String received, String region, DialPlan plan) throws MalformedNumberException {
        return normalizer.normalize(received, region, plan).number().value();
    }

    @Test
    void aCarrierTechPrefixIsStrippedBeforeTheNumberIsRead() throws Exception {
        DialPlan plan = plan("STRIP_PREFIX:1234#");

        assertThat(e164("1234#4155550123", "US", plan)).isEqualTo("+14155550123");
        assertThat(e164("1234#+442079460000", "US", plan)).isEqualTo("+442079460000");
    }

    @Test
    void withoutTheRuleTheTechPrefixMakesTheNumberUnreadable() {
        assertThatThrownBy(() -> e164("1234#4155550123", "US", DialPlan.none()))
                .isInstanceOf(MalformedNumberException.class);
    }

    @Test
    void aPbxOutsideLineNineIsStrippedThenTheNationalNumberIsRead() throws Exception {
        DialPlan plan = plan("STRIP_PREFIX:9");

        assertThat(e164("94155550123", "US", plan)).isEqualTo("+14155550123");
        assertThat(e164("902079460000", "GB", plan)).isEqualTo("+442079460000");
    }

    @ParameterizedTest(name = "{0} with access code {1} on a {2} trunk is {3}")
    @CsvSource({
            "00442079460000,  00,  US, +442079460000",
            "011442079460000, 011, GB, +442079460000",
            "0014155550123,   00,  US, +14155550123",
    })
    void anInternationalAccessCodeMeansPlusEvenWhereTheRegionUsesAnotherOne(String received, String code,
                                                                           String region, String expected)
            throws Exception {
        assertThat(e164(received, region, plan("INTERNATIONAL_PREFIX:" + code))).isEqualTo(expected);
    }

    @Test
    void theNationalPrefixIsReplacedWithTheTrunksCountryCode() throws Exception {
        DialPlan plan = plan("INTERNATIONAL_PREFIX:00", "NATIONAL_PREFIX:0");

        assertThat(e164("02079460000", "GB", plan)).isEqualTo("+442079460000");
        assertThat(e164("0033142685300", "GB", plan)).as("00 is matched first; 0 then no longer applies")
                .isEqualTo("+33142685300");
    }

    @Test
    void rulesApplyInOrderEachOnce() throws Exception {
        DialPlan plan = plan("STRIP_PREFIX:1234#", "INTERNATIONAL_PREFIX:00", "NATIONAL_PREFIX:0");

        assertThat(e164("1234#00442079460000", "GB", plan)).isEqualTo("+442079460000");
        assertThat(e164("1234#02079460000", "GB", plan)).isEqualTo("+442079460000");
        assertThat(plan("STRIP_PREFIX:9").apply("994155550123", 1)).as("stripped once, not repeatedly")
                .isEqualTo("94155550123");
    }

    @Test
    void anAddedPrefixCompletesNumbersButLeavesInternationalOnesAlone() throws Exception {
        DialPlan plan = plan("ADD_PREFIX:+1");

        assertThat(e164("4155550123", "GB", plan)).isEqualTo("+14155550123");
        assertThat(e164("+442079460000", "GB", plan)).isEqualTo("+442079460000");
    }

    @Test
    void aRuleThatDoesNotMatchLeavesTheNumberAsReceived() throws Exception {
        assertThat(e164("+14155550123", "US", plan("STRIP_PREFIX:9", "NATIONAL_PREFIX:0")))
                .isEqualTo("+14155550123");
        assertThat(e164("4155550123", "US", plan("STRIP_PREFIX:1234#"))).isEqualTo("+14155550123");
    }

    @Test
    void survivesItsPersistedForm() {
        DialPlan plan = plan("STRIP_PREFIX:1234#", "INTERNATIONAL_PREFIX:011", "NATIONAL_PREFIX:0", "ADD_PREFIX:*9");

        assertThat(plan.format()).isEqualTo("STRIP_PREFIX:1234#,INTERNATIONAL_PREFIX:011,NATIONAL_PREFIX:0,ADD_PREFIX:*9");
        assertThat(DialPlan.parse(plan.format())).isEqualTo(plan);
        assertThat(DialPlan.parse("")).isEqualTo(DialPlan.none());
    }

    @ParameterizedTest(name = "prefix ''{0}''")
    @NullAndEmptySource
    @ValueSource(strings = {"12a", "1,2", "1:2", "12345678901234567", " 9"})
    void refusesAStripOrAddPrefixThatIsNotDialable(String prefix) {
        InvalidConfigurationException e = refused(() -> new DialPlanRule(Kind.STRIP_PREFIX, prefix));

        assertThat(e.field()).isEqualTo("numbers.dialPlan.prefix");
    }

    @ParameterizedTest(name = "access code ''{0}''")
    @ValueSource(strings = {"+", "0#", "1234567", "*"})
    void refusesAnAccessCodeThatIsNotOneToSixDigits(String prefix) {
        InvalidConfigurationException e = refused(() -> new DialPlanRule(Kind.INTERNATIONAL_PREFIX, prefix));

        assertThat(e.field()).isEqualTo("numbers.dialPlan.prefix");
        assertThat(e.problem()).contains("1 to 6 digits");
    }

    @Test
    void refusesAnUnknownRuleTypeNamingTheChoices() {
        InvalidConfigurationException e = refused(() -> Kind.parse("REPLACE"));

        assertThat(e.field()).isEqualTo("numbers.dialPlan.type");
        assertThat(e.problem()).contains("STRIP_PREFIX").contains("'REPLACE'");
        assertThat(refused(() -> Kind.parse(null)).field()).isEqualTo("numbers.dialPlan.type");
        assertThat(Kind.parse(" strip_prefix ")).isEqualTo(Kind.STRIP_PREFIX);
    }

    @Test
    void refusesAnEmptyEntryAndTooManyRules() {
        assertThat(refused(() -> new DialPlan(Arrays.asList(new DialPlanRule(Kind.STRIP_PREFIX, "9"), null)))
                .field()).isEqualTo("numbers.dialPlan");
        List<DialPlanRule> many = java.util.Collections.nCopies(33, new DialPlanRule(Kind.STRIP_PREFIX, "9"));
        assertThat(refused(() -> new DialPlan(many)).problem()).contains("at most 32");
    }
}
