package io.trunkline.number;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NumberNormalizerTest {
    private final NumberNormalizer normalizer = new NumberNormalizer();

    @Test
    void e164InputStaysAsItIsWhateverTheTrunkRegion() throws Exception {
        NormalizedNumber london = normalizer.normalize("+442079460000", "US");

        assertThat(london.number()).isEqualTo(new E164Number("+442079460000"));
        assertThat(london.region()).isEqualTo("GB");
        assertThat(london.type()).isEqualTo(NumberType.FIXED_LINE);
        assertThat(london.valid()).isTrue();
    }

    @ParameterizedTest(name = "{0} on a {1} trunk is {2}")
    @CsvSource({
            "2125550199,        US, +12125550199",
            "12125550199,       US, +12125550199",
            "02079460000,       GB, +442079460000",
            "07400123456,       GB, +447400123456",
    })
    void nationalFormatIsReadInTheTrunkRegion(String dialled, String region, String e164) throws Exception {
        assertThat(normalizer.normalize(dialled, region).number().value()).isEqualTo(e164);
    }

    @ParameterizedTest(name = "{0} on a {1} trunk is {2}")
    @CsvSource({
            "011442079460000,   US, +442079460000",
            "00442079460000,    GB, +442079460000",
            "0012125550199,     GB, +12125550199",
    })
    void internationalAccessCodeOfTheTrunkRegionIsUnderstood(String dialled, String region, String e164)
            throws Exception {
        assertThat(normalizer.normalize(dialled, region).number().value()).isEqualTo(e164);
    }

    @ParameterizedTest(name = "''{0}'' on a {1} trunk is {2}")
    @CsvSource(delimiter = '|', value = {
            "(212) 555-0199      | US | +12125550199",
            "212.555.0199        | US | +12125550199",
            "+1-212-555-0199     | US | +12125550199",
            "020 7946 0000       | GB | +442079460000",
            "+44 (20) 7946-0000  | US | +442079460000",
            "011 44 20 7946 0000 | US | +442079460000",
    })
    void visualSeparatorsAreIgnored(String dialled, String region, String e164) throws Exception {
        assertThat(normalizer.normalize(dialled, region).number().value()).isEqualTo(e164);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "+12125550199;phone-context=+1",
            "2125550199;phone-context=example.com",
            "+1-212-555-0199;npdi;rn=+12125550000",
            " 2125550199 ;phone-context=+1",
    })
    void uriParametersAreDropped(String dialled) throws Exception {
        assertThat(normalizer.normalize(dialled, "US").number().value()).isEqualTo("+12125550199");
    }

    @Test
    void classifiesAGbMobile() throws Exception {
        NormalizedNumber mobile = normalizer.normalize("+447400123456", "US");

        assertThat(mobile.type()).isEqualTo(NumberType.MOBILE);
        assertThat(mobile.region()).isEqualTo("GB");
        assertThat(mobile.valid()).isTrue();
    }

    @Test
    void classifiesAUsTollFreeNumber() throws Exception {
        NormalizedNumber tollFree = normalizer.normalize("1-800-555-0199", "US");

        assertThat(tollFree.number().value()).isEqualTo("+18005550199");
        assertThat(tollFree.type()).isEqualTo(NumberType.TOLL_FREE);
        assertThat(tollFree.region()).isEqualTo("US");
        assertThat(tollFree.valid()).isTrue();
    }

    @Test
    void acceptsAPossibleButUnassignedNumberAsUnknownAndInvalid() throws Exception {
        // +1 999 is not an assigned NANP area code, but the number has the right length for +1. The region stays
        // unknown because +1 is shared by the US, Canada and 23 other regions, and the unassigned number names none.
        NormalizedNumber unassigned = normalizer.normalize("+19995550100", "US");

        assertThat(unassigned.number().value()).isEqualTo("+19995550100");
        assertThat(unassigned.type()).isEqualTo(NumberType.UNKNOWN);
        assertThat(unassigned.valid()).isFalse();
        assertThat(unassigned.region()).isEqualTo("ZZ");
    }

    @ParameterizedTest(name = "{0} is in {1}")
    @CsvSource({
            "+491234567890, DE",
            "+33012345678,  FR",
            "+97012345678,  PS",
    })
    void anUnassignedNumberUnderACallingCodeOfOneRegionIsReportedInThatRegion(String dialled, String region)
            throws Exception {
        NormalizedNumber unassigned = normalizer.normalize(dialled, "US");

        assertThat(unassigned.valid()).isFalse();
        assertThat(unassigned.type()).isEqualTo(NumberType.UNKNOWN);
        assertThat(unassigned.region()).isEqualTo(region);
    }

    @Test
    void anUnassignedNumberUnderASharedCallingCodeHasAnUnknownRegion() throws Exception {
        // +44 is shared by GB, Guernsey, the Isle of Man and Jersey.
        NormalizedNumber unassigned = normalizer.normalize("+44999999999", "US");

        assertThat(unassigned.valid()).isFalse();
        assertThat(unassigned.region()).isEqualTo("ZZ");
    }

    @ParameterizedTest(name = "''{0}''")
    @NullAndEmptySource
    @ValueSource(strings = {
            "   ",
            ";phone-context=+1",
            "anonymous",
            "alice",
            "1-800-FLOWERS",
            "212555019x",
            "*67",
            "12",
            "+1234",
            "+1555555",
            "+4420794600001",
            "+123456789012345678",
            "+1212555019912125550199",
    })
    void rejectsWhatCannotBeANumber(String dialled) {
        assertThatThrownBy(() -> normalizer.normalize(dialled, "US"))
                .isInstanceOf(MalformedNumberException.class);
    }

    @Test
    void rejectsOverlongInputBeforeParsingIt() {
        String overlong = "1".repeat(65);

        assertThatThrownBy(() -> normalizer.normalize(overlong, "US"))
                .isInstanceOf(MalformedNumberException.class)
                .hasMessageContaining("too long");
    }

    /**
     * The normalizer decides validity from the number's type rather than asking libphonenumber's isValidNumber
     * separately (one pass over the plan instead of two); this checks the two agree, on the plan's own example number
     * of every type in every region and on the same numbers one digit short and one digit long.
     */
    @Test
    void validityAndRegionAgreeWithTheLibraryForEveryRegionsExampleNumbers() throws Exception {
        PhoneNumberUtil plan = PhoneNumberUtil.getInstance();
        List<String> checked = new ArrayList<>();
        for (String region : plan.getSupportedRegions()) {
            for (PhoneNumberUtil.PhoneNumberType type : PhoneNumberUtil.PhoneNumberType.values()) {
                PhoneNumber example = plan.getExampleNumberForType(region, type);
                if (example == null) {
                    continue;
                }
                String e164 = plan.format(example, PhoneNumberUtil.PhoneNumberFormat.E164);
                for (String dialled : List.of(e164, e164.substring(0, e164.length() - 1), e164 + "5")) {
                    PhoneNumber parsed = plan.parse(dialled, region);
                    if (!plan.isPossibleNumber(parsed) || dialled.length() > 16) {
                        continue; // not possible, or longer than E.164: refused, as the test below checks
                    }
                    NormalizedNumber normalized = normalizer.normalize(dialled, region);
                    boolean valid = plan.isValidNumber(parsed);
                    assertThat(normalized.valid()).as(dialled + " on a " + region + " trunk").isEqualTo(valid);
                    if (valid) {
                        assertThat(normalized.region()).as(dialled).isEqualTo(plan.getRegionCodeForNumber(parsed));
                        assertThat(normalized.type().name()).as(dialled).isEqualTo(plan.getNumberType(parsed).name());
                    }
                    checked.add(dialled);
                }
            }
        }
        assertThat(checked).hasSizeGreaterThan(2000);
    }

    @ParameterizedTest(name = "{0} on a {1} trunk")
    @CsvSource({
            "+4980012345678905, DE",
            "080012345678905,   DE",
    })
    void aNumberTheLibraryCallsPossibleButLongerThanE164IsMalformed(String dialled, String region) {
        assertThatThrownBy(() -> normalizer.normalize(dialled, region))
                .isInstanceOf(MalformedNumberException.class)
                .hasMessageContaining("more digits than E.164 allows (15)");
    }
}
