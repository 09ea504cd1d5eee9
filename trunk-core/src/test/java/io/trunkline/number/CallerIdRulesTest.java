package io.trunkline.number;

import io.trunkline.trunk.Gateway;
import io.trunkline.trunk.InvalidConfigurationException;
import io.trunkline.trunk.Transport;
import io.trunkline.trunk.Trunk;
import io.trunkline.trunk.TrunkRole;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;

import static io.trunkline.testing.ConfigurationAssertions.refused;
import static org.assertj.core.api.Assertions.assertThat;

/** Caller-ID per RFC 3323/3325: asserted identities by trust, privacy, verified caller-ID, presentation. */
class CallerIdRulesTest {
    private static final E164Number DID_ON_CARRIER = new E164Number("+14155550100");
    private static final E164Number MAIN_NUMBER = new E164Number("+14155550101");
    private static final E164Number LISTED = new E164Number("+14155550102");
    /** The DID inventory: DID_ON_CARRIER is held on "carrier". */
    private static final BiPredicate<E164Number, String> DIDS = (number, trunk) ->
            number.equals(DID_ON_CARRIER) && trunk.equals("carrier");

    private final CallerIdRules rules = new CallerIdRules(new NumberNormalizer(), new NumberPresenter());

    private static Trunk trunk(String name, NumberHandling numbers) {
        return new Trunk(name, TrunkRole.CARRIER, "US", List.of(new Gateway("192.0.2.1", 5060, Transport.UDP)))
                .withNumbers(numbers);
    }

    private static NumberHandling handling(IdentityTrust trust, NumberFormat format) {
        return new NumberHandling(DialPlan.none(), format, null, trust, false, null, List.of());
    }

    private static NumberHandling verified(E164Number defaultCallerId, E164Number... listed) {
        return new NumberHandling(DialPlan.none(), NumberFormat.E164, null, IdentityTrust.UNTRUSTED, true,
                defaultCallerId, List.of(listed));
    }

    private static final Trunk TRUSTED = trunk("trusted", handling(IdentityTrust.TRUSTED, NumberFormat.E164));
    private static final Trunk UNTRUSTED = trunk("untrusted", NumberHandling.defaults());

    @Test
    void aTrustedTrunksAssertedIdentityIsTheCallingIdentity() {
        CallerId caller = rules.received(new ReceivedIdentity("4155550999", "4155550123", false, false), TRUSTED);

        assertThat(caller).isEqualTo(new CallerId("+14155550123", false));
    }

    @Test
    void anUntrustedTrunksAssertedIdentityIsIgnoredAndTheFromCounts() {
        CallerId caller = rules.received(new ReceivedIdentity("4155550999", "4155550123", false, false), UNTRUSTED);

        assertThat(caller).isEqualTo(new CallerId("+14155550999", false));
    }

    @Test
    void withoutAnAssertedIdentityTheFromCountsEvenFromATrustedTrunk() {
        assertThat(rules.received(ReceivedIdentity.fromOnly("+442079460000"), TRUSTED).number())
                .isEqualTo("+442079460000");
        assertThat(rules.received(ReceivedIdentity.fromOnly("alice"), TRUSTED).number()).isEqualTo("alice");
    }

    @Test
    void privacyIdIsHonouredFromAnyTrunkButRemotePartyPrivacyOnlyFromATrustedOne() {
        ReceivedIdentity privacyHeader = new ReceivedIdentity("anonymous", "4155550123", true, false);
        ReceivedIdentity rpidPrivacy = new ReceivedIdentity("4155550123", "4155550123", false, true);

        assertThat(rules.received(privacyHeader, TRUSTED)).isEqualTo(new CallerId("+14155550123", true));
        assertThat(rules.received(privacyHeader, UNTRUSTED)).isEqualTo(new CallerId("anonymous", true));
        assertThat(rules.received(rpidPrivacy, TRUSTED).withheld()).isTrue();
        assertThat(rules.received(rpidPrivacy, UNTRUSTED).withheld()).isFalse();
    }

    @Test
    void theSourceTrunksDialPlanAppliesToTheCallingNumberToo() {
        NumberHandling plan = new NumberHandling(new DialPlan(List.of(
                new DialPlanRule(DialPlanRule.Kind.STRIP_PREFIX, "9"))), null, null, null, false, null, null);

        assertThat(rules.received(ReceivedIdentity.fromOnly("94155550123"), trunk("pbx", plan)).number())
                .isEqualTo("+14155550123");
    }

    @Test
    void aVerifiedCallerIdTrunkKeepsItsOwnDidsAndListedNumbers() {
        Trunk carrier = trunk("carrier", verified(MAIN_NUMBER, LISTED));

        assertThat(rules.verified(new CallerId(DID_ON_CARRIER.value(), false), carrier, DIDS).number())
                .isEqualTo(DID_ON_CARRIER.value());
        assertThat(rules.verified(new CallerId(LISTED.value(), false), carrier, DIDS).number())
                .isEqualTo(LISTED.value());
    }

    @Test
    void aVerifiedCallerIdTrunkReplacesAnyOtherNumberWithItsDefaultKeepingPrivacy() {
        Trunk carrier = trunk("carrier", verified(MAIN_NUMBER));
        Trunk otherCarrier = trunk("other", verified(MAIN_NUMBER));

        assertThat(rules.verified(new CallerId("+442079460000", false), carrier, DIDS))
                .isEqualTo(new CallerId(MAIN_NUMBER.value(), false));
        assertThat(rules.verified(new CallerId("anonymous", true), carrier, DIDS))
                .isEqualTo(new CallerId(MAIN_NUMBER.value(), true));
        assertThat(rules.verified(new CallerId(DID_ON_CARRIER.value(), false), otherCarrier, DIDS).number())
                .as("a DID held on another trunk is not this trunk's own").isEqualTo(MAIN_NUMBER.value());
    }

    @Test
    void aTrunkWithoutVerifiedCallerIdPassesAnyNumber() {
        CallerId foreign = new CallerId("+442079460000", false);

        assertThat(rules.verified(foreign, UNTRUSTED, DIDS)).isEqualTo(foreign);
    }

    @Test
    void towardsATrustedTrunkTheIdentityIsAssertedAndPrivacyPassedOn() {
        PresentedNumbers open = rules.present(MAIN_NUMBER, new CallerId("+14155550123", false),
                TRUSTED.numbers(), "US");
        PresentedNumbers withheld = rules.present(MAIN_NUMBER, new CallerId("+14155550123", true),
                TRUSTED.numbers(), "US");

        assertThat(open).isEqualTo(new PresentedNumbers("+14155550101", "+14155550123", false, "+14155550123", false));
        assertThat(withheld).isEqualTo(new PresentedNumbers("+14155550101", "", true, "+14155550123", true));
    }

    @Test
    void towardsAnUntrustedTrunkNoIdentityIsAssertedAndAWithheldOneIsAnonymous() {
        PresentedNumbers open = rules.present(MAIN_NUMBER, new CallerId("+14155550123", false),
                UNTRUSTED.numbers(), "US");
        PresentedNumbers withheld = rules.present(MAIN_NUMBER, new CallerId("+14155550123", true),
                UNTRUSTED.numbers(), "US");

        assertThat(open).isEqualTo(new PresentedNumbers("+14155550101", "+14155550123", false, null, false));
        assertThat(withheld).isEqualTo(new PresentedNumbers("+14155550101", "", true, null, false));
    }

    @Test
    void bothNumbersAreWrittenInTheDestinationsFormatAndNonNumbersAsReceived() {
        NumberHandling national = handling(IdentityTrust.TRUSTED, NumberFormat.NATIONAL);

        assertThat(rules.present(MAIN_NUMBER, new CallerId("+442079460000", false), national, "US"))
                .isEqualTo(new PresentedNumbers("4155550101", "011442079460000", false, "011442079460000", false));
        assertThat(rules.present(MAIN_NUMBER, new CallerId("alice", false), national, "US").callingUser())
                .isEqualTo("alice");
        assertThat(rules.present(MAIN_NUMBER, new CallerId("anonymous", false), national, "US").assertedUser())
                .as("nothing to assert").isNull();
    }

    @Test
    void verifiedCallerIdNeedsADefaultAndOwnNumbersMustBeE164() {
        InvalidConfigurationException noDefault = refused(() -> new NumberHandling(null, null, null, null, true,
                null, null));
        InvalidConfigurationException emptyEntry = refused(() -> new NumberHandling(null, null, null, null, false,
                null, java.util.Arrays.asList(MAIN_NUMBER, null)));

        assertThat(noDefault.field()).isEqualTo("numbers.defaultCallerId");
        assertThat(emptyEntry.field()).isEqualTo("numbers.ownCallerIds");
        assertThat(refused(() -> IdentityTrust.parse("MAYBE")).field()).isEqualTo("numbers.trust");
        assertThat(IdentityTrust.parse(null)).isEqualTo(IdentityTrust.UNTRUSTED);
        assertThat(Set.of(IdentityTrust.parse("trusted"))).containsExactly(IdentityTrust.TRUSTED);
    }
}
