package io.trunkline.routing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RateDeckCsvTest {

    @Test
    void readsPrefixPriceLinesWithAHeaderCommentsAndBlankLines() {
        RateDeck deck = RateDeckCsv.parse("prefix,price\n# UK\n44,0.0125\n\n+4420 , 0.0090\r\n1,0.004\n");

        assertThat(deck.prices()).containsExactly(Map.entry("1", new BigDecimal("0.004")),
                Map.entry("44", new BigDecimal("0.0125")), Map.entry("4420", new BigDecimal("0.009")));
    }

    @Test
    void theLongestMatchingPrefixGivesThePrice() {
        RateDeck deck = RateDeckCsv.parse("44,0.0125\n4420,0.009\n");

        assertThat(deck.priceFor("442079460000")).contains(new BigDecimal("0.009"));
        assertThat(deck.priceFor("447400123456")).contains(new BigDecimal("0.0125"));
        assertThat(deck.priceFor("4930123456")).isEmpty();
    }

    @Test
    void anEmptyBodyIsAnEmptyDeck() {
        assertThat(RateDeckCsv.parse("").isEmpty()).isTrue();
        assertThat(RateDeckCsv.parse("prefix,price\n").isEmpty()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "44,0.01\\n49,abc|2|price",
            "44,0.01\\n49,-0.5|2|price",
            "44,0.01\\n49,0.1234567|2|price",
            "44,0.01\\n49,1e-3|2|price",
            "44,0.01\\n49,|2|price",
            "44x,0.01|1|prefix",
            ",0.01|1|prefix",
            "1234567890123456,0.01|1|prefix",
            "44,0.01\\n\\n44,0.02|3|prefix",
            "44;0.01|1|line",
            "44,0.01,EUR|1|line"})
    void aBadLineIsRefusedNamingItsNumberAndField(String csv, int line, String field) {
        RateDeckFormatException e = catchThrowableOfType(
                () -> RateDeckCsv.parse(csv.replace("\\n", "\n")), RateDeckFormatException.class);

        assertThat(e.line()).isEqualTo(line);
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.getMessage()).startsWith("line " + line + ": " + field + " ");
    }

    @Test
    void formatsAsCsvThatReadsBackToTheSameDeck() {
        RateDeck deck = RateDeckCsv.parse("4420,0.0090\n44,0.0125\n1,2\n");

        String csv = RateDeckCsv.format(deck);

        assertThat(csv).isEqualTo("prefix,price\n1,2\n44,0.0125\n4420,0.009\n");
        assertThat(RateDeckCsv.parse(csv)).isEqualTo(deck);
    }
}
