package io.trunkline.sip;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SessionExpiresTest {

    @Test
    void readsTheIntervalAndTheRefresher() {
        assertThat(SessionExpires.parse(" 1800 ; Refresher = UAC"))
                .contains(new SessionExpires(1800, Optional.of("uac")));
    }

    @Test
    void theRefresherIsOptional() {
        assertThat(SessionExpires.parse("90")).contains(new SessionExpires(90, Optional.empty()));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"soon", "-5", "0", ";refresher=uac", "99999999999"})
    void aMissingOrMalformedValueMeansNoTimer(String header) {
        assertThat(SessionExpires.parse(header)).isEmpty();
    }

    @Test
    void minSeIgnoresParameters() {
        assertThat(SessionExpires.parseMinSe("120;x=y")).contains(120);
        assertThat(SessionExpires.parseMinSe("none")).isEmpty();
        assertThat(SessionExpires.parseMinSe(null)).isEmpty();
    }

    @ParameterizedTest(name = "Session-Expires {0}: BYE after {1} ms")
    @CsvSource({"90, 60000", "1800, 1768000", "120, 88000", "96, 64000"})
    void teardownComesBeforeExpiryByTheSmallerOf32sAndAThird(int seconds, long millis) {
        assertThat(new SessionExpires(seconds, Optional.empty()).teardownAfterMillis()).isEqualTo(millis);
    }

    @Test
    void rendersWhatItRead() {
        assertThat(new SessionExpires(90, Optional.of("uas")).render()).isEqualTo("90;refresher=uas");
        assertThat(new SessionExpires(600, Optional.empty()).render()).isEqualTo("600");
    }
}
