package io.trunkline.number;

import io.trunkline.trunk.InvalidConfigurationException;
import org.junit.jupiter.api.Test;

import static io.trunkline.testing.ConfigurationAssertions.refused;
import static org.assertj.core.api.Assertions.assertThat;

class DidRangeTest {
    private static final Destination PBX = new Destination.ToTrunk("pbx");

    private static DidRange range(String first, String last) {
        return new DidRange(new E164Number(first), new E164Number(last), "carrier", PBX);
    }

    @Test
    void aBlockKnowsItsSizeAndItsNumbers() {
        DidRange block = range("+14155550100", "+14155550199");

        assertThat(block.size()).isEqualTo(100);
        assertThat(block.contains(new E164Number("+14155550100"))).isTrue();
        assertThat(block.contains(new E164Number("+14155550199"))).isTrue();
        assertThat(block.contains(new E164Number("+14155550200"))).isFalse();
        assertThat(block.contains(new E164Number("+1415555010"))).isFalse();
    }

    @Test
    void blocksOverlapWhenTheyShareANumber() {
        DidRange block = range("+14155550100", "+14155550199");

        assertThat(block.overlaps(range("+14155550199", "+14155550250"))).isTrue();
        assertThat(block.overlaps(range("+14155550120", "+14155550130"))).isTrue();
        assertThat(block.overlaps(range("+14155550000", "+14155550100"))).isTrue();
        assertThat(block.overlaps(range("+14155550200", "+14155550299"))).isFalse();
    }

    @Test
    void theLastNumberMustNotBeBelowTheFirst() {
        InvalidConfigurationException e = refused(() -> range("+14155550199", "+14155550100"));

        assertThat(e.field()).isEqualTo("last");
    }

    @Test
    void bothEndsMustHaveAsManyDigits() {
        InvalidConfigurationException e = refused(() -> range("+14155550100", "+141555501999"));

        assertThat(e.field()).isEqualTo("last");
        assertThat(e.problem()).contains("as many digits");
    }

    @Test
    void aBlockIsNotAWholeCountry() {
        InvalidConfigurationException e = refused(() -> range("+14000000000", "+14999999999"));

        assertThat(e.field()).isEqualTo("last");
    }

    @Test
    void aBlockNeedsATrunkAndADestination() {
        E164Number n = new E164Number("+14155550100");
        assertThat(refused(() -> new DidRange(n, n, " ", PBX)).field()).isEqualTo("trunk");
        assertThat(refused(() -> new DidRange(n, n, "carrier", null)).field()).isEqualTo("destination");
    }
}
