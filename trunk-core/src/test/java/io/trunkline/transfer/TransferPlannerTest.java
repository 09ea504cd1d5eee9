package io.trunkline.transfer;

import io.trunkline.number.Destination;
import io.trunkline.number.Did;
import io.trunkline.number.E164Number;
import io.trunkline.number.NumberNormalizer;
import io.trunkline.routing.CallRouter;
import io.trunkline.routing.HostResolver;
import io.trunkline.routing.Route;
import io.trunkline.routing.RoutingDecision.Forward;
import io.trunkline.routing.RoutingDecision.GatewayTarget;
import io.trunkline.routing.RoutingSnapshot;
import io.trunkline.trunk.Gateway;
import io.trunkline.trunk.TransferPolicy;
import io.trunkline.trunk.Transport;
import io.trunkline.trunk.Trunk;
import io.trunkline.trunk.TrunkRole;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TransferPlannerTest {
    private static final Gateway CARRIER_GATEWAY = new Gateway("192.0.2.10", 5060, Transport.UDP);
    private static final Gateway UK_GATEWAY = new Gateway("198.51.100.44", 5060, Transport.UDP);
    private static final Gateway PBX_GATEWAY = new Gateway("10.1.0.5", 5070, Transport.UDP);
    private static final Gateway SALES_GATEWAY = new Gateway("10.1.0.6", 5070, Transport.UDP);

    private final RoutingSnapshot snapshot = new RoutingSnapshot(List.of(
            trunk("us-carrier", TrunkRole.CARRIER, CARRIER_GATEWAY, TransferPolicy.TRANSFER),
            trunk("uk-carrier", TrunkRole.CARRIER, UK_GATEWAY, TransferPolicy.REJECT),
            trunk("office-pbx", TrunkRole.PBX, PBX_GATEWAY, TransferPolicy.TRANSFER),
            trunk("sales-pbx", TrunkRole.PBX, SALES_GATEWAY, TransferPolicy.RELAY),
            new Trunk("legacy-pbx", TrunkRole.PBX, "US", List.of(PBX_GATEWAY))),
            List.of(new Did(new E164Number("+12125550199"), "us-carrier", new Destination.ToTrunk("sales-pbx"))),
            List.of(new Route("44", "uk-carrier")), HostResolver.literal());
    private final TransferPlanner planner = new TransferPlanner(() -> snapshot,
            new CallRouter(() -> snapshot, new NumberNormalizer()));

    private static Trunk trunk(String name, TrunkRole role, Gateway gateway, TransferPolicy policy) {
        return new Trunk(name, role, "US", List.of(gateway)).withTransfer(policy);
    }

    @Test
    void pbxTransferGoesWhereThePbxCouldDialOut() {
        TransferDecision decision = planner.plan("office-pbx", new ReferTarget("+442071234567", false),
                "+14155550100");

        Forward forward = ((TransferDecision.Transfer) decision).forward();
        assertThat(forward.outboundTrunk()).isEqualTo("uk-carrier");
        assertThat(forward.calledNumber()).isEqualTo("+442071234567");
        assertThat(forward.callingNumber()).isEqualTo("+14155550100");
        assertThat(forward.target()).isEqualTo(new GatewayTarget(UK_GATEWAY));
    }

    @Test
    void carrierTransferReachesOnlyOurDidsInItsRegion() {
        TransferDecision toDid = planner.plan("us-carrier", new ReferTarget("2125550199", false), "+442071234567");
        TransferDecision outbound = planner.plan("us-carrier", new ReferTarget("+442071234567", false), "+1212");

        assertThat(((TransferDecision.Transfer) toDid).forward().outboundTrunk()).isEqualTo("sales-pbx");
        assertThat(outbound).isEqualTo(new TransferDecision.Refuse(404, "Refer-To Number Not In Service"));
    }

    @Test
    void policyOfTheReferrersTrunkDecides() {
        assertThat(planner.plan("sales-pbx", new ReferTarget("", false), "+1")).isEqualTo(new TransferDecision.Relay());
        assertThat(planner.plan("uk-carrier", new ReferTarget("+12125550199", false), "+1"))
                .isEqualTo(new TransferDecision.Refuse(403, "Call Transfer Not Allowed On This Trunk"));
    }

    @Test
    void trunksThatSayNothingAndLegsWithoutATrunkRefuse() {
        TransferDecision legacy = planner.plan("legacy-pbx", new ReferTarget("+442071234567", false), "+1");
        TransferDecision uriLeg = planner.plan(null, new ReferTarget("+442071234567", false), "+1");
        TransferDecision deleted = planner.plan("deleted-pbx", new ReferTarget("+442071234567", false), "+1");

        assertThat(List.of(legacy, uriLeg, deleted)).allSatisfy(decision ->
                assertThat(((TransferDecision.Refuse) decision).status()).isEqualTo(403));
    }

    @Test
    void badTargetsAreRefusedWithAReason() {
        assertThat(planner.plan("office-pbx", new ReferTarget("  ", false), "+1"))
                .isEqualTo(new TransferDecision.Refuse(400, "Refer-To Has No Number"));
        assertThat(planner.plan("office-pbx", new ReferTarget("12", false), "+1"))
                .isEqualTo(new TransferDecision.Refuse(400, "Refer-To Address Incomplete"));
        assertThat(planner.plan("office-pbx", new ReferTarget("+33142685300", false), "+1"))
                .isEqualTo(new TransferDecision.Refuse(404, "Refer-To No Route To Destination"));
        assertThat(planner.plan("office-pbx", new ReferTarget("+442071234567", true), "+1"))
                .isEqualTo(new TransferDecision.Refuse(403, "Attended Transfer Not Supported"));
    }
}
