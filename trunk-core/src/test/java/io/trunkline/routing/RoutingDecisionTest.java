package io.trunkline.routing;

import io.trunkline.cdr.EndCause;
import io.trunkline.routing.RoutingDecision.Forward;
import io.trunkline.routing.RoutingDecision.GatewayTarget;
import io.trunkline.routing.RoutingDecision.Reject;
import io.trunkline.routing.RoutingDecision.Target;
import io.trunkline.routing.RoutingDecision.UriTarget;
import io.trunkline.trunk.FailoverPolicy;
import io.trunkline.trunk.Gateway;
import io.trunkline.trunk.Transport;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoutingDecisionTest {
    private static final GatewayTarget PRIMARY =
            new GatewayTarget(new Gateway("sip1.carrier.example", 5061, Transport.TLS, 1, 3));
    private static final GatewayTarget BACKUP = new GatewayTarget(new Gateway("192.0.2.20", 5060, Transport.UDP, 2, 0));
    private static final UriTarget RECEPTION = new UriTarget("sip:reception@10.0.0.5:5070;transport=tcp");
    private static final FailoverPolicy PATIENT =
            new FailoverPolicy(Set.of(408, 503), Set.of(404, 480, 486), Duration.ofMillis(7500));

    /** What a replicating or passivating container does to a SIP application session attribute. */
    @SuppressWarnings("unchecked")
    private static <T> T serializedAndRead(T value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    @Test
    void aForwardSurvivesTheSessionBeingSerialized() throws Exception {
        Forward forward = new Forward("office-pbx", "carrier", "+442079460000", "+12125550199",
                List.of(PRIMARY, BACKUP, RECEPTION), PATIENT);

        Forward read = serializedAndRead(forward);

        assertThat(read).isEqualTo(forward);
        assertThat(read.targets()).containsExactly(PRIMARY, BACKUP, RECEPTION);
        assertThat(read.failover().retriesOn(503)).isTrue();
        assertThat(read.failover().retriesOn(486)).isFalse();
        assertThat(read.failover().setupTimeout()).isEqualTo(Duration.ofMillis(7500));
    }

    @Test
    void aForwardToAUriWithTheDefaultPolicySurvivesTheSessionBeingSerialized() throws Exception {
        Forward forward = new Forward("us-carrier", null, "+12125550100", "+442079460000", RECEPTION);

        assertThat(serializedAndRead(forward)).isEqualTo(forward);
    }

    @Test
    void aSingleTargetForwardTriesThatTargetWithTheDefaultPolicy() {
        Forward forward = new Forward("us-carrier", null, "+12125550100", "+442079460000", RECEPTION);

        assertThat(forward.targets()).containsExactly(RECEPTION);
        assertThat(forward.target()).isEqualTo(RECEPTION);
        assertThat(forward.failover()).isEqualTo(FailoverPolicy.defaults());
    }

    @Test
    void theFirstTargetIsTheOneTriedFirst() {
        Forward forward = new Forward("pbx", "carrier", "+442079460000", "+12125550199",
                List.of(BACKUP, PRIMARY), PATIENT);

        assertThat(forward.target()).isEqualTo(BACKUP);
    }

    @Test
    void aForwardNeedsSomewhereToGo() {
        assertThatThrownBy(() -> new Forward("pbx", "carrier", "+442079460000", "+12125550199", List.of(), PATIENT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Forward("pbx", "carrier", "+442079460000", "+12125550199", null, PATIENT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aForwardIsNotChangedByTheCallersTargetList() {
        List<Target> targets = new ArrayList<>(List.of(PRIMARY, BACKUP));
        Forward forward = new Forward("pbx", "carrier", "+442079460000", "+12125550199", targets, null);

        targets.clear();

        assertThat(forward.targets()).containsExactly(PRIMARY, BACKUP);
        assertThat(forward.failover()).isEqualTo(FailoverPolicy.defaults());
    }

    @Test
    void aRejectionNamesItsCauseAndOneByARuleThatNamesNoneIsACallRefused() {
        assertThat(new Reject(404, "No Route To Destination", EndCause.NO_ROUTE).cause()).isEqualTo(EndCause.NO_ROUTE);
        assertThat(new Reject(403, "Blocked Prefix").cause()).isEqualTo(EndCause.CALL_REFUSED);
        assertThat(new Reject(403, "Blocked Prefix", null).cause()).isEqualTo(EndCause.CALL_REFUSED);
    }
}
