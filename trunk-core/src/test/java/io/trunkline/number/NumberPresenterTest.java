package io.trunkline.number;

import io.trunkline.trunk.InvalidConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.trunkline.testing.ConfigurationAssertions.refused;
import static org.assertj.core.api.Assertions.assertThat;

/** Numbers sent to a trunk are written in the format it expects. */
class NumberPresenterTest {
    private final NumberPresenter presenter = new NumberPresenter();

    private static NumberHandling format(NumberFormat format, String techPrefix) {
        return new NumberHandling(DialPlan.none(), format, techPrefix, IdentityTrust.UNTRUSTED, false, null, List.of());
    }

    private String present(String e164, NumberFormat format, String region) {
        return presenter.present(new E164Number(e164), format(format, null), region);
    }

    @Test
    void e164KeepsThePlusAndE164WithoutPlusDropsIt() {
        assertThat(present("+14155550123", NumberFormat.E164, "US")).isEqualTo("+14155550123");
        assertThat(present("+14155550123", NumberFormat.E164_WITHOUT_PLUS, "US")).isEqualTo("14155550123");
    }

    @ParameterizedTest(name = "{0} to a {1} trunk is {2}")
    @CsvSource({
            "+14155550123,  US, 4155550123",
            "+442079460000, GB, 02079460000",
            "+447400123456, GB, 07400123456",
            "+442079460000, US, 011442079460000",
            "+14155550123,  GB, 0014155550123",
    })
    void nationalIsWhatASubscriberOfTheTrunksRegionDials(String e164, String region, String expected) {
        assertThat(present(e164, NumberFormat.NATIONAL, region)).isEqualTo(expected);
    }

    @Test
    void techPrefixGoesInFrontOfTheE164Digits() {
        assertThat(presenter.present(new E164Number("+14155550123"), format(NumberFormat.TECH_PREFIX, "1234#"), "US"))
                .isEqualTo("1234#14155550123");
    }

    @Test
    void techPrefixFormatNeedsAPrefixAndOtherFormatsRefuseOne() {
        InvalidConfigurationException missing = refused(() -> format(NumberFormat.TECH_PREFIX, null));
        InvalidConfigurationException stray = refused(() -> format(NumberFormat.NATIONAL, "1234#"));
        InvalidConfigurationException bad = refused(() -> format(NumberFormat.TECH_PREFIX, "12 34"));

        assertThat(missing.field()).isEqualTo("numbers.techPrefix");
        assertThat(stray.field()).isEqualTo("numbers.techPrefix");
        assertThat(bad.field()).isEqualTo("numbers.techPrefix");
    }

    @Test
    void unknownFormatIsRefusedNamingTheChoicesAndAbsentMeansE164() {
        InvalidConfigurationException e = refused(() -> NumberFormat.parse("LOCAL"));

        assertThat(e.field()).isEqualTo("numbers.format");
        assertThat(e.problem()).contains("NATIONAL").contains("'LOCAL'");
        assertThat(NumberFormat.parse(null)).isEqualTo(NumberFormat.E164);
        assertThat(NumberFormat.parse("national")).isEqualTo(NumberFormat.NATIONAL);
    }
}
