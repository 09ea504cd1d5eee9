package io.trunkline.adapter.jpa;

import io.trunkline.number.DialPlan;
import io.trunkline.number.DialPlanRule;
import io.trunkline.number.E164Number;
import io.trunkline.number.IdentityTrust;
import io.trunkline.number.NumberFormat;
import io.trunkline.number.NumberHandling;
import io.trunkline.trunk.FailoverPolicy;
import io.trunkline.trunk.Gateway;
import io.trunkline.trunk.TransferPolicy;
import io.trunkline.trunk.Transport;
import io.trunkline.trunk.Trunk;
import io.trunkline.trunk.TrunkRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class JpaTrunkRepositoryTest {
    private static final Gateway SECOND_BY_NAME = new Gateway("sip2.carrier.example", 5080, Transport.TCP);
    private static final Gateway FIRST_BY_NAME = new Gateway("sip1.carrier.example", 5061, Transport.TLS);
    private static final Gateway BY_ADDRESS = new Gateway("192.0.2.10", 5060, Transport.UDP);

    private final TestDatabase database = new TestDatabase();
    private final JpaTrunkRepository trunks = new JpaTrunkRepository(database.transactions);

    @AfterEach
    void closeDatabase() throws Exception {
        database.close();
    }

    @Test
    void savedTrunkIsFoundWithItsGatewaysInTheOrderGiven() {
        Trunk carrier = new Trunk("carrier", TrunkRole.CARRIER, "GB",
                List.of(SECOND_BY_NAME, FIRST_BY_NAME, BY_ADDRESS));

        trunks.save(carrier);

        assertThat(trunks.findByName("carrier")).contains(carrier);
        assertThat(trunks.findByName("carrier").orElseThrow().gateways())
                .containsExactly(SECOND_BY_NAME, FIRST_BY_NAME, BY_ADDRESS);
    }

    @Test
    void savedTrunkKeepsThePriorityAndWeightOfEachGatewayAndItsFailoverPolicy() {
        FailoverPolicy patient = new FailoverPolicy(Set.of(408, 480, 503), Set.of(404, 486, 603),
                Duration.ofMillis(7500), Duration.ofSeconds(45));
        List<Gateway> gateways = List.of(
                new Gateway("sip1.carrier.example", 5061, Transport.TLS, 0, 1000),
                new Gateway("sip2.carrier.example", 5061, Transport.TLS, 0, 250),
                new Gateway("192.0.2.10", 5060, Transport.UDP, 1000, 0));
        Trunk carrier = new Trunk("carrier", TrunkRole.CARRIER, "US", gateways).withFailover(patient);

        trunks.save(carrier);

        Trunk found = trunks.findByName("carrier").orElseThrow();
        assertThat(found).isEqualTo(carrier);
        assertThat(found.gateways()).extracting(Gateway::priority).containsExactly(0, 0, 1000);
        assertThat(found.gateways()).extracting(Gateway::weight).containsExactly(1000, 250, 0);
        assertThat(found.failover().retryCodes()).containsExactlyInAnyOrder(408, 480, 503);
        assertThat(found.failover().finalCodes()).containsExactlyInAnyOrder(404, 486, 603);
        assertThat(found.failover().setupTimeout()).isEqualTo(Duration.ofMillis(7500));
        assertThat(found.failover().ringTimeout()).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void savedTrunkKeepsItsTransferPolicy() {
        trunks.save(new Trunk("pbx", TrunkRole.PBX, "US", List.of(BY_ADDRESS)).withTransfer(TransferPolicy.TRANSFER));
        trunks.save(new Trunk("carrier", TrunkRole.CARRIER, "US", List.of(BY_ADDRESS)));

        assertThat(trunks.findByName("pbx").orElseThrow().transfer()).isEqualTo(TransferPolicy.TRANSFER);
        assertThat(trunks.findByName("carrier").orElseThrow().transfer()).isEqualTo(TransferPolicy.REJECT);
    }

    @Test
    void trunkWithTheDefaultFailoverPolicyIsFoundWithIt() {
        trunks.save(new Trunk("carrier", TrunkRole.CARRIER, "US", List.of(BY_ADDRESS)));

        assertThat(trunks.findByName("carrier").orElseThrow().failover()).isEqualTo(FailoverPolicy.defaults());
    }

    @Test
    void aPolicyThatNeverFailsOverIsKeptAsSuchNotTurnedIntoTheDefaults() {
        FailoverPolicy never = new FailoverPolicy(Set.of(), Set.of(), Duration.ofMillis(100));
        trunks.save(new Trunk("carrier", TrunkRole.CARRIER, "US", List.of(BY_ADDRESS)).withFailover(never));

        FailoverPolicy found = trunks.findByName("carrier").orElseThrow().failover();

        assertThat(found).isEqualTo(never);
        assertThat(found.retriesOn(503)).isFalse();
    }

    @Test
    void savingAgainReplacesPrioritiesWeightsAndPolicy() {
        trunks.save(new Trunk("carrier", TrunkRole.CARRIER, "US",
                List.of(new Gateway("192.0.2.10", 5060, Transport.UDP, 1, 3),
                        new Gateway("192.0.2.11", 5060, Transport.UDP, 2, 1)))
                .withFailover(new FailoverPolicy(Set.of(503), Set.of(486), Duration.ofSeconds(2))));

        Trunk swapped = new Trunk("carrier", TrunkRole.CARRIER, "US",
                List.of(new Gateway("192.0.2.10", 5060, Transport.UDP, 2, 1),
                        new Gateway("192.0.2.11", 5060, Transport.UDP, 1, 5)))
                .withFailover(new FailoverPolicy(Set.of(408, 500), Set.of(404, 603), Duration.ofSeconds(32)));
        trunks.save(swapped);

        assertThat(trunks.findByName("carrier")).contains(swapped);
    }

    @Test
    void trunkWithoutGatewaysIsKept() {
        trunks.save(new Trunk("spare", TrunkRole.PBX, "US", List.of()));

        assertThat(trunks.findByName("spare")).contains(new Trunk("spare", TrunkRole.PBX, "US", List.of()));
    }

    @Test
    void unknownTrunkIsNotFound() {
        assertThat(trunks.findByName("nobody")).isEmpty();
    }

    @Test
    void listsAllTrunksByName() {
        trunks.save(new Trunk("pbx", TrunkRole.PBX, "US", List.of(BY_ADDRESS)));
        trunks.save(new Trunk("carrier-b", TrunkRole.CARRIER, "US", List.of(SECOND_BY_NAME)));
        trunks.save(new Trunk("carrier-a", TrunkRole.CARRIER, "US", List.of(FIRST_BY_NAME)));

        assertThat(trunks.findAll()).extracting(Trunk::name).containsExactly("carrier-a", "carrier-b", "pbx");
    }

    @Test
    void savingUnderAnExistingNameReplacesTheWholeDefinition() {
        trunks.save(new Trunk("carrier", TrunkRole.CARRIER, "US", List.of(BY_ADDRESS, SECOND_BY_NAME, FIRST_BY_NAME)));

        Trunk reordered = new Trunk("carrier", TrunkRole.PBX, "GB", List.of(FIRST_BY_NAME, BY_ADDRESS));
        trunks.save(reordered);
        assertThat(trunks.findByName("carrier")).contains(reordered);

        Trunk grown = new Trunk("carrier", TrunkRole.PBX, "GB", List.of(SECOND_BY_NAME, FIRST_BY_NAME, BY_ADDRESS,
                new Gateway("192.0.2.11", 5060, Transport.UDP)));
        trunks.save(grown);
        assertThat(trunks.findByName("carrier")).contains(grown);
        assertThat(trunks.findAll()).containsExactly(grown);
    }

    @Test
    void changingOneTrunkLeavesTheOthersAlone() {
        Trunk other = new Trunk("other", TrunkRole.CARRIER, "US", List.of(SECOND_BY_NAME, FIRST_BY_NAME));
        trunks.save(other);
        trunks.save(new Trunk("carrier", TrunkRole.CARRIER, "US", List.of(BY_ADDRESS)));

        trunks.save(new Trunk("carrier", TrunkRole.CARRIER, "US", List.of()));
        trunks.delete("carrier");

        assertThat(trunks.findByName("other")).contains(other);
    }

    @Test
    void deletedTrunkIsGoneWithItsGateways() {
        trunks.save(new Trunk("carrier", TrunkRole.CARRIER, "US", List.of(BY_ADDRESS, SECOND_BY_NAME)));

        assertThat(trunks.delete("carrier")).isTrue();

        assertThat(trunks.findByName("carrier")).isEmpty();
        assertThat(trunks.findAll()).isEmpty();
        Trunk recreated = new Trunk("carrier", TrunkRole.PBX, "US", List.of(FIRST_BY_NAME));
        trunks.save(recreated);
        assertThat(trunks.findByName("carrier")).contains(recreated);
    }

    @Test
    void deletingAnUnknownTrunkReportsThatNothingWasThere() {
        assertThat(trunks.delete("nobody")).isFalse();
    }

    @Test
    void savedTrunkKeepsItsNumberHandling() {
        NumberHandling numbers = new NumberHandling(new DialPlan(List.of(
                new DialPlanRule(DialPlanRule.Kind.STRIP_PREFIX, "1234#"),
                new DialPlanRule(DialPlanRule.Kind.INTERNATIONAL_PREFIX, "00"),
                new DialPlanRule(DialPlanRule.Kind.NATIONAL_PREFIX, "0"))),
                NumberFormat.TECH_PREFIX, "99#", IdentityTrust.TRUSTED, true, new E164Number("+442079460000"),
                List.of(new E164Number("+442079460001"), new E164Number("+442079460002")));
        Trunk carrier = new Trunk("carrier", TrunkRole.CARRIER, "GB", List.of(BY_ADDRESS)).withNumbers(numbers);

        trunks.save(carrier);

        assertThat(trunks.findByName("carrier").orElseThrow().numbers()).isEqualTo(numbers);
    }

    @Test
    void aTrunkSavedWithoutNumberHandlingHasTheDefaults() {
        trunks.save(new Trunk("pbx", TrunkRole.PBX, "US", List.of(BY_ADDRESS)));

        assertThat(trunks.findByName("pbx").orElseThrow().numbers()).isEqualTo(NumberHandling.defaults());
    }
}
