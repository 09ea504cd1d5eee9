package io.trunkline.routing;

import io.trunkline.number.DialPlan;
import io.trunkline.number.DialPlanRule;
import io.trunkline.number.DialPlanRule.Kind;
import io.trunkline.number.Destination;
import io.trunkline.number.Did;
import io.trunkline.number.E164Number;
import io.trunkline.number.IdentityTrust;
import io.trunkline.number.NumberFormat;
import io.trunkline.number.NumberHandling;
import io.trunkline.number.NumberNormalizer;
import io.trunkline.number.PresentedNumbers;
import io.trunkline.number.ReceivedIdentity;
import io.trunkline.routing.RoutingDecision.Forward;
import io.trunkline.trunk.Gateway;
import io.trunkline.trunk.Transport;
import io.trunkline.trunk.Trunk;
import io.trunkline.trunk.TrunkRole;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Routing with per-trunk number handling: dial plans in, presentation and caller-ID out. */
class CallRouterNumberHandlingTest {
    private static final Gateway CARRIER_GATEWAY = new Gateway("192.0.2.10", 5060, Transport.UDP);
    private static final Gateway PBX_GATEWAY = new Gateway("10.1.0.5", 5070, Transport.UDP);
    private static final E164Number MAIN_NUMBER = new E164Number("+14155550100");
    private static final DialPlan TECH_PREFIX_AND_ACCESS_CODES = new DialPlan(List.of(
            new DialPlanRule(Kind.STRIP_PREFIX, "1234#"), new DialPlanRule(Kind.INTERNATIONAL_PREFIX, "011")));

    private Trunk carrier = trunk("carrier", TrunkRole.CARRIER, CARRIER_GATEWAY, numbers(
            TECH_PREFIX_AND_ACCESS_CODES, NumberFormat.E164, null, IdentityTrust.TRUSTED, false));
    private Trunk pbx = trunk("pbx", TrunkRole.PBX, PBX_GATEWAY, numbers(
            new DialPlan(List.of(new DialPlanRule(Kind.STRIP_PREFIX, "9"))), NumberFormat.NATIONAL, null,
            IdentityTrust.UNTRUSTED, false));

    private static Trunk trunk(String name, TrunkRole role, Gateway gateway, NumberHandling numbers) {
        return new Trunk(name, role, "US", List.of(gateway)).withNumbers(numbers);
    }

    private static NumberHandling numbers(DialPlan plan, NumberFormat format, String techPrefix, IdentityTrust trust,
                                          boolean verified) {
        return new NumberHandling(plan, format, techPrefix, trust, verified, verified ? MAIN_NUMBER : null, List.of());
    }

    private Forward route(String sourceAddress, int port, String called, ReceivedIdentity identity) {
        RoutingSnapshot snapshot = new RoutingSnapshot(List.of(carrier, pbx),
                List.of(new Did(new E164Number("+14155550123"), "carrier", new Destination.ToTrunk("pbx")),
                        new Did(new E164Number("+14155550124"), "carrier", new Destination.ToTrunk("pbx"))),
                List.of(new Route("", "carrier")), HostResolver.literal());
        CallRouter router = new CallRouter(() -> snapshot, new NumberNormalizer(),
                new GatewayOrder(new SplittableRandom(1)), GatewayOrder.Availability.allUp());
        RoutingDecision decision = router.route(new CallAttempt(sourceAddress, port, called, identity.fromUser(),
                identity));
        assertThat(decision).isInstanceOf(Forward.class);
        return (Forward) decision;
    }

    @Test
    void inboundNumbersPassTheCarriersDialPlanAndReachThePbxInNationalFormat() {
        Forward forward = route("192.0.2.10", 5060, "1234#4155550123",
                new ReceivedIdentity("sipp", "011442079460000", false, false));

        assertThat(forward.calledNumber()).isEqualTo("+14155550123");
        assertThat(forward.callingNumber()).as("asserted by a trusted carrier").isEqualTo("+442079460000");
        assertThat(forward.presented()).as("untrusted PBX: no asserted identity")
                .isEqualTo(new PresentedNumbers("4155550123", "011442079460000", false, null, false));
    }

    @Test
    void outboundCallsAreReadWithThePbxDialPlanAndAssertedToTheTrustedCarrier() {
        Forward forward = route("10.1.0.5", 5070, "94155550999", ReceivedIdentity.fromOnly("94155550123"));

        assertThat(forward.outboundTrunk()).isEqualTo("carrier");
        assertThat(forward.presented())
                .isEqualTo(new PresentedNumbers("+14155550999", "+14155550123", false, "+14155550123", false));
    }

    @Test
    void anAssertedIdentityFromTheUntrustedPbxIsIgnored() {
        Forward forward = route("10.1.0.5", 5070, "4155550999",
                new ReceivedIdentity("4155550123", "4155550666", false, false));

        assertThat(forward.callingNumber()).isEqualTo("+14155550123");
    }

    @Test
    void aVerifiedCallerIdCarrierReplacesANumberItDoesNotHoldAndTheCdrNumberIsTheReplacement() {
        carrier = trunk("carrier", TrunkRole.CARRIER, CARRIER_GATEWAY, numbers(DialPlan.none(),
                NumberFormat.TECH_PREFIX, "77#", IdentityTrust.UNTRUSTED, true));

        Forward foreign = route("10.1.0.5", 5070, "4155550999", ReceivedIdentity.fromOnly("2125550111"));
        Forward own = route("10.1.0.5", 5070, "4155550999", ReceivedIdentity.fromOnly("4155550124"));

        assertThat(foreign.callingNumber()).isEqualTo(MAIN_NUMBER.value());
        assertThat(foreign.presented()).isEqualTo(new PresentedNumbers("77#14155550999", "77#14155550100", false,
                null, false));
        assertThat(own.callingNumber()).as("a DID held on the carrier").isEqualTo("+14155550124");
    }

    @Test
    void aWithheldIdentityLeavesAsAnAnonymousFromWithTheAssertionOnlyTowardsTrust() {
        Forward toPbx = route("192.0.2.10", 5060, "4155550123",
                new ReceivedIdentity("anonymous", "4155550777", true, false));
        Forward toCarrier = route("10.1.0.5", 5070, "4155550999",
                new ReceivedIdentity("4155550123", null, true, false));

        assertThat(toPbx.callingNumber()).isEqualTo("+14155550777");
        assertThat(toPbx.presented()).isEqualTo(new PresentedNumbers("4155550123", "", true, null, false));
        assertThat(toCarrier.presented())
                .isEqualTo(new PresentedNumbers("+14155550999", "", true, "+14155550123", true));
    }
}
