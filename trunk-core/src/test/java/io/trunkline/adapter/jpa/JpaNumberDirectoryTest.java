package io.trunkline.adapter.jpa;

import io.trunkline.number.Destination;
import io.trunkline.number.Did;
import io.trunkline.number.E164Number;
import io.trunkline.trunk.Gateway;
import io.trunkline.trunk.Transport;
import io.trunkline.trunk.Trunk;
import io.trunkline.trunk.TrunkRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JpaNumberDirectoryTest {
    private static final E164Number MAIN_LINE = new E164Number("+12125550199");
    private static final E164Number RECEPTION = new E164Number("+12125550100");
    private static final E164Number LONGEST = new E164Number("+123456789012345");
    private static final Destination TO_PBX = new Destination.ToTrunk("pbx");
    private static final Destination TO_RECEPTION = new Destination.ToUri("sip:reception@10.0.0.5:5070;transport=tcp");

    private final TestDatabase database = new TestDatabase();
    private final JpaNumberDirectory numbers = new JpaNumberDirectory(database.transactions);

    @BeforeEach
    void carrierAndPbxExist() {
        JpaTrunkRepository trunks = new JpaTrunkRepository(database.transactions);
        trunks.save(new Trunk("carrier", TrunkRole.CARRIER, "US", List.of(new Gateway("192.0.2.10", 5060,
                Transport.UDP))));
        trunks.save(new Trunk("pbx", TrunkRole.PBX, "US", List.of(new Gateway("10.1.0.5", 5060, Transport.UDP))));
    }

    @AfterEach
    void closeDatabase() throws Exception {
        database.close();
    }

    @Test
    void didRoutedToATrunkIsFoundAsSaved() {
        Did did = new Did(MAIN_LINE, "carrier", TO_PBX);

        numbers.save(did);

        assertThat(numbers.find(MAIN_LINE)).contains(did);
    }

    @Test
    void didRoutedToAUriIsFoundAsSaved() {
        Did did = new Did(RECEPTION, "carrier", TO_RECEPTION);

        numbers.save(did);

        assertThat(numbers.find(RECEPTION)).contains(did);
    }

    @Test
    void fifteenDigitNumberFitsItsColumn() {
        Did did = new Did(LONGEST, "carrier", TO_PBX);

        numbers.save(did);

        assertThat(numbers.find(LONGEST)).contains(did);
    }

    @Test
    void unknownNumberIsNotFound() {
        assertThat(numbers.find(MAIN_LINE)).isEmpty();
    }

    @Test
    void listsAllDidsByNumber() {
        numbers.save(new Did(MAIN_LINE, "carrier", TO_PBX));
        numbers.save(new Did(RECEPTION, "carrier", TO_RECEPTION));

        assertThat(numbers.findAll()).containsExactly(new Did(RECEPTION, "carrier", TO_RECEPTION),
                new Did(MAIN_LINE, "carrier", TO_PBX));
    }

    @Test
    void savingAnExistingNumberChangesWhereItGoes() {
        numbers.save(new Did(MAIN_LINE, "carrier", TO_PBX));

        numbers.save(new Did(MAIN_LINE, "carrier", TO_RECEPTION));
        assertThat(numbers.find(MAIN_LINE)).contains(new Did(MAIN_LINE, "carrier", TO_RECEPTION));

        numbers.save(new Did(MAIN_LINE, "carrier", TO_PBX));
        assertThat(numbers.find(MAIN_LINE)).contains(new Did(MAIN_LINE, "carrier", TO_PBX));
        assertThat(numbers.findAll()).hasSize(1);
    }

    @Test
    void deletedNumberIsGoneAndOthersStay() {
        numbers.save(new Did(MAIN_LINE, "carrier", TO_PBX));
        numbers.save(new Did(RECEPTION, "carrier", TO_RECEPTION));

        assertThat(numbers.delete(MAIN_LINE)).isTrue();

        assertThat(numbers.find(MAIN_LINE)).isEmpty();
        assertThat(numbers.findAll()).containsExactly(new Did(RECEPTION, "carrier", TO_RECEPTION));
    }

    @Test
    void deletingAnUnknownNumberReportsThatNothingWasThere() {
        assertThat(numbers.delete(MAIN_LINE)).isFalse();
    }
}
