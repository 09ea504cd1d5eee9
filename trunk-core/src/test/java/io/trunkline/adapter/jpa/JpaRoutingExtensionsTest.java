package io.trunkline.adapter.jpa;

import io.trunkline.number.CatchAll;
import io.trunkline.number.Destination;
import io.trunkline.number.DidRange;
import io.trunkline.number.E164Number;
import io.trunkline.routing.RateDeck;
import io.trunkline.routing.RateDeckCsv;
import io.trunkline.trunk.Trunk;
import io.trunkline.trunk.TrunkRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Rate decks, DID blocks and catch-alls in a real (H2) database. */
class JpaRoutingExtensionsTest {
    private final TestDatabase database = new TestDatabase();
    private final JpaTrunkRepository trunks = new JpaTrunkRepository(database.transactions);
    private final JpaRateDecks decks = new JpaRateDecks(database.transactions);
    private final JpaNumberRanges ranges = new JpaNumberRanges(database.transactions);
    private final JpaCatchAllDirectory catchAlls = new JpaCatchAllDirectory(database.transactions);

    @BeforeEach
    void trunksExist() {
        trunks.save(new Trunk("carrier", TrunkRole.CARRIER, "US", List.of()));
        trunks.save(new Trunk("other", TrunkRole.CARRIER, "US", List.of()));
        trunks.save(new Trunk("pbx", TrunkRole.PBX, "US", List.of()));
    }

    @AfterEach
    void closeDatabase() throws Exception {
        database.close();
    }

    @Test
    void aRateDeckComesBackWithTheSamePrices() {
        RateDeck deck = RateDeckCsv.parse("44,0.0125\n4420,0.000001\n1,123456.5\n");

        decks.replace("carrier", deck);

        assertThat(decks.find("carrier")).isEqualTo(deck);
        assertThat(decks.find("carrier").priceFor("442079460000")).contains(new BigDecimal("0.000001"));
        assertThat(decks.findAll()).isEqualTo(Map.of("carrier", deck));
    }

    @Test
    void replacingADeckDropsTheOldRatesAndLeavesOtherTrunksAlone() {
        decks.replace("carrier", RateDeckCsv.parse("44,0.02\n49,0.03\n"));
        decks.replace("other", RateDeckCsv.parse("44,0.01\n"));

        decks.replace("carrier", RateDeckCsv.parse("33,0.05\n"));

        assertThat(decks.find("carrier")).isEqualTo(RateDeckCsv.parse("33,0.05\n"));
        assertThat(decks.find("other")).isEqualTo(RateDeckCsv.parse("44,0.01\n"));
        decks.replace("carrier", RateDeck.empty());
        assertThat(decks.findAll()).containsOnlyKeys("other");
    }

    @Test
    void didBlocksAreFoundByTheirFirstNumberAndListedInNumberOrder() {
        DidRange high = new DidRange(new E164Number("+14155550300"), new E164Number("+14155550399"), "carrier",
                new Destination.ToUri("sip:desk@10.0.0.5"));
        DidRange low = new DidRange(new E164Number("+14155550100"), new E164Number("+14155550199"), "carrier",
                new Destination.ToTrunk("pbx"));
        ranges.save(high);
        ranges.save(low);

        assertThat(ranges.findAll()).containsExactly(low, high);
        assertThat(ranges.find(new E164Number("+14155550300"))).contains(high);
        assertThat(ranges.delete(new E164Number("+14155550100"))).isTrue();
        assertThat(ranges.findAll()).containsExactly(high);
    }

    @Test
    void aTrunkHasAtMostOneCatchAllAndItGoesWithTheTrunk() {
        catchAlls.save(new CatchAll("carrier", new Destination.ToTrunk("pbx")));
        catchAlls.save(new CatchAll("carrier", new Destination.ToUri("sip:operator@10.0.0.9")));

        assertThat(catchAlls.findAll()).containsExactly(new CatchAll("carrier",
                new Destination.ToUri("sip:operator@10.0.0.9")));
        decks.replace("carrier", RateDeckCsv.parse("44,0.02\n"));

        trunks.delete("carrier");

        assertThat(catchAlls.findAll()).isEmpty();
        assertThat(decks.findAll()).isEmpty();
    }
}
