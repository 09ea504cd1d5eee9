package io.trunkline.runtime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrunklineSettingsTest {

    @Test
    void nothingSetMeansTheDocumentedDefaults() {
        TrunklineSettings settings = TrunklineSettings.from(Map.of());

        assertThat(settings).isEqualTo(new TrunklineSettings(Optional.empty(), 100_000, 200, Optional.empty(),
                List.of(), 90));
    }

    @Test
    void blankValuesCountAsUnset() {
        Map<String, String> blank = new HashMap<>();
        blank.put("TRUNKLINE_SIP_ADVERTISED_HOST", "  ");
        blank.put("TRUNKLINE_CDR_QUEUE_CAPACITY", "");
        blank.put("TRUNKLINE_CDR_BATCH_SIZE", null);
        blank.put("TRUNKLINE_ADMIN_PASSWORD", " ");

        assertThat(TrunklineSettings.from(blank))
                .isEqualTo(new TrunklineSettings(Optional.empty(), 100_000, 200, Optional.empty(),
                List.of(), 90));
    }

    @Test
    void setValuesAreReadWithoutSurroundingBlanks() {
        TrunklineSettings settings = TrunklineSettings.from(Map.of(
                "TRUNKLINE_SIP_ADVERTISED_HOST", " sbc.example.net ",
                "TRUNKLINE_CDR_QUEUE_CAPACITY", "5000",
                "TRUNKLINE_CDR_BATCH_SIZE", " 50 ",
                "TRUNKLINE_ADMIN_PASSWORD", "s3cret",
                "TRUNKLINE_SIP_HEADER_ALLOW", " X-Customer-Id, ,X-Campaign-* ",
                "TRUNKLINE_SESSION_MIN_SE", "120",
                "TRUNKLINE_OVERLOAD_DELAY_MS", " 250 "));

        assertThat(settings).isEqualTo(new TrunklineSettings(Optional.of("sbc.example.net"), 5000, 50,
                Optional.of("s3cret"), 5061, List.of("X-Customer-Id", "X-Campaign-*"), 120, Duration.ofMillis(250)));
    }

    @ParameterizedTest(name = "{0}=''{1}''")
    @CsvSource({
            "TRUNKLINE_CDR_QUEUE_CAPACITY, lots",
            "TRUNKLINE_CDR_QUEUE_CAPACITY, 0",
            "TRUNKLINE_CDR_QUEUE_CAPACITY, -100",
            "TRUNKLINE_CDR_QUEUE_CAPACITY, 1e5",
            "TRUNKLINE_CDR_QUEUE_CAPACITY, 99999999999",
            "TRUNKLINE_CDR_BATCH_SIZE,     2.5",
            "TRUNKLINE_CDR_BATCH_SIZE,     0",
            "TRUNKLINE_CDR_BATCH_SIZE,     200 rows",
            "TRUNKLINE_SESSION_MIN_SE,     60",
            "TRUNKLINE_SESSION_MIN_SE,     soon",
            "TRUNKLINE_OVERLOAD_DELAY_MS,  -1",
            "TRUNKLINE_OVERLOAD_DELAY_MS,  100ms",
    })
    void aBadNumberStopsTheStartNamingTheVariableAndTheValue(String variable, String value) {
        assertThatThrownBy(() -> TrunklineSettings.from(Map.of(variable, value)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(variable)
                .hasMessageContaining("'" + value + "'");
    }

    @Test
    void overloadProtectionIsOnAt250MillisecondsUnlessSetToZero() {
        assertThat(TrunklineSettings.from(Map.of()).overloadDelay()).isEqualTo(Duration.ofMillis(250));
        assertThat(TrunklineSettings.from(Map.of("TRUNKLINE_OVERLOAD_DELAY_MS", "0")).overloadDelay()).isZero();
    }

    @Test
    void tlsPortIsReadAndChecked() {
        assertThat(TrunklineSettings.from(Map.of("TRUNKLINE_SIPS_PORT", "15061")).sipTlsPort()).isEqualTo(15061);
        assertThat(TrunklineSettings.from(Map.of()).sipTlsPort()).isEqualTo(5061);
        assertThatThrownBy(() -> TrunklineSettings.from(Map.of("TRUNKLINE_SIPS_PORT", "70000")))
                .hasMessageContaining("TRUNKLINE_SIPS_PORT");
    }
}
